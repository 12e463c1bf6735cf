import { randomBytes } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { FileGrantRequest, GrantToken, type FileGrant } from '../../shared/contract/files';
import type { Result } from '../../shared/contract/result';

/**
 * The files the user handed the window (dropped or picked), by opaque token: the preload
 * registers a path it read itself from the user's `File`, the page gets only the token, and
 * `images:import` reads only what a token resolves to (STYLE.md §13; Electron's
 * `webUtils.getPathForFile` docs advise against giving web content file paths).
 */
export interface FileGrants {
  /**
   * Handles one message from the preload's `FILE_GRANT_CHANNEL`: `{ path }` with an absolute path
   * (zod-checked; no NUL byte) answers `{ ok: true, data: { token } }` with a fresh 32-hex token;
   * anything else answers `BAD_INPUT` and grants nothing. Does not touch the disk: the import that
   * redeems the token reports a missing or unreadable file.
   */
  grant(raw: unknown): Result<FileGrant>;
  /**
   * The path granted under `token`, once: redeeming removes the grant, so a token read from the
   * page later is worth nothing. Null for a malformed, unknown, used or evicted token.
   */
  redeem(token: string): string | null;
}

/**
 * A grant registry holding at most `capacity` unredeemed grants (default 64; the oldest is
 * dropped first). The renderer redeems each grant right after making it, so only a page that
 * grants without importing ever reaches the bound.
 */
export function createFileGrants(capacity = 64): FileGrants {
  const paths = new Map<string, string>();
  return {
    grant(raw) {
      const parsed = FileGrantRequest.safeParse(raw);
      if (!parsed.success) return refuse('A file grant needs exactly { path }.');
      const { path } = parsed.data;
      if (!isAbsolute(path) || path.includes('\0')) return refuse('A file grant needs an absolute path.');
      const token = randomBytes(16).toString('hex');
      paths.set(token, path);
      if (paths.size > capacity) paths.delete(paths.keys().next().value as string);
      return { ok: true, data: { token } };
    },
    redeem(token) {
      if (!GrantToken.safeParse(token).success) return null;
      const path = paths.get(token) ?? null;
      paths.delete(token);
      return path;
    },
  };
}

function refuse(message: string): Result<never> {
  return { ok: false, error: { code: 'BAD_INPUT', message } };
}
