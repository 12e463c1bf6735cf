import { z } from 'zod';
import type { StudioApi } from './index';

/**
 * A grant token: 128 random bits as 32 hex chars, issued by main for one file the user dropped or
 * picked. The page holds the token, never the path (STYLE.md §13, "Grants, not paths": Electron's
 * `webUtils.getPathForFile` docs warn against handing file paths to web content).
 */
export const GrantToken = z.string().regex(/^[0-9a-f]{32}$/, 'not a grant token');
export type GrantToken = z.infer<typeof GrantToken>;

/**
 * The preload's own channel to main, outside `contract` on purpose: `buildStudioApi` and the
 * router only know `contract`, so the page's `window.studio` has no function for it and the browser
 * harness never routes it. Only the Electron preload sends on it, with the path it read itself
 * from a `File` the user gave the page (`webUtils.getPathForFile`).
 */
export const FILE_GRANT_CHANNEL = 'files:grant';

/** What the preload sends on `FILE_GRANT_CHANNEL`: an absolute path, at most 4,096 chars. */
export const FileGrantRequest = z.object({ path: z.string().min(1).max(4096) }).strict();
export type FileGrantRequest = z.infer<typeof FileGrantRequest>;

/** Main's answer to a grant: the token `images:import` accepts. */
export const FileGrant = z.object({ token: GrantToken }).strict();
export type FileGrant = z.infer<typeof FileGrant>;

/**
 * `window.studio.files`: the one addition beside the contract's domains. `grant` turns a `File`
 * the user dropped or picked into a grant token; it answers null when the host cannot see the
 * file on disk — a pasted image, a `File` a script built, any file in the browser harness, or a
 * grant main refused — and the caller then sends the bytes (`images:importBytes`).
 */
export interface StudioFiles {
  grant(file: File): Promise<FileGrant | null>;
}

/** `window.studio` as the preload and the harness bridge define it: the contract's API plus `files`. */
export type StudioBridge = StudioApi & { files: StudioFiles };
