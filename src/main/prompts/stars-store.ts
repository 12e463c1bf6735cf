import { z } from 'zod';
import { StudioError } from '../../shared/contract/result';
import type { Logger } from '../logging/logger';
import { openJsonStore, type OpenConf } from '../settings/store-file';
import type { StarredPrompt } from './history';
import { said } from '../../shared/messages/phrase';

/** File name (without `.json`) of the starred prompts inside the data folder. */
export const STARS_FILE = 'prompt-stars';

/** At most this many stars are kept (the oldest go first): the file stays small enough to rewrite whole. */
export const MAX_STARS = 1000;

const OnDisk = z.object({
  starred: z.array(z.object({ text: z.string().min(1).max(20_000), modelId: z.string().max(200), starredAt: z.number().int().nonnegative() })),
});

/** The user's starred prompts, persisted in `<dir>/prompt-stars.json`. */
export interface StarsStore {
  /** Every star, oldest first. */
  list(): readonly StarredPrompt[];
  /** Stars or unstars `text` (already trimmed); `StudioError('UNAVAILABLE')` when the file cannot be written (nothing changes). */
  set(text: string, starred: boolean, modelId: string): void;
}

/** Opens the stars file; a file that fails validation counts as no stars (logged; `conf` moved a non-JSON one aside). */
export function createStarsStore(deps: { dir: string; log: Logger; openConf?: OpenConf; now?: () => number }): StarsStore {
  const now = deps.now ?? Date.now;
  const file = openJsonStore(deps.dir, STARS_FILE, deps.log, deps.openConf);
  const parsed = OnDisk.safeParse({ starred: [], ...file.read() });
  if (!parsed.success) deps.log.warn('prompts.stars_unreadable', { file: file.path });
  let stars: StarredPrompt[] = parsed.success ? parsed.data.starred : [];
  return {
    list: () => stars,
    set(text, starred, modelId) {
      const kept = stars.filter((s) => s.text !== text);
      const next = starred ? [...kept, { text, modelId, starredAt: now() }].slice(-MAX_STARS) : kept;
      try {
        file.write({ starred: next });
      } catch (err) {
        deps.log.error('prompts.stars_write_failed', { error: err });
        throw new StudioError('UNAVAILABLE', said('prompt.starNotSaved'));
      }
      stars = next;
    },
  };
}
