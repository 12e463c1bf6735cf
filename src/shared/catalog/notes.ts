import { z } from 'zod';
// The attribute lets plain Node ESM (Playwright's loader for e2e specs that import the contract) load it.
import en from './notes/en.json' with { type: 'json' };

/**
 * A note on a catalogue row (`ModelEntry.notes`), as a stable key: the text lives in
 * `notes/en.json` and `notes/zh-CN.json`, which the renderer loads as its `catalog` namespace, so a
 * note is shown in the UI's language and rewording the English never breaks a translation.
 */
export type CatalogNote = keyof typeof en;

/** Every key of `notes/en.json`; a row naming any other fails validation (and typecheck). */
export const CatalogNote = z.enum(Object.keys(en) as [CatalogNote, ...CatalogNote[]]);
