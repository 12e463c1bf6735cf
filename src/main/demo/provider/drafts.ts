import { simOutputSize, type SimContext } from './context';
import type { RenderSpec } from './render';
import type { SimTask } from './tasks';
import type { SimProvider } from './types';

/*
 * Seedance 2.5 Draft → final, as the simulator checks it (seedance-2.5.md §2.6 ModelArk, §3 fal):
 * a draft is a 480p task made with `draft: true`; its final names it by id, within 7 days, from
 * the same account (the simulator has one per provider), at 1080p only, and inherits everything
 * else from it.
 */

/** How long a draft id can be finished: 7 days (seedance-2.5.md §2.6; fal "valid 7 days", §3). */
export const DRAFT_VALID_MS = 7 * 24 * 3600 * 1000;

/** The only resolution a final may have on the standard 2.5 models (§2.6: "The final may only be 1080p"). */
export const FINAL_RESOLUTION = '1080p';

/** The resolution a draft must be made at (§2.1 `draft`: "only with resolution 480p"). */
export const DRAFT_RESOLUTION = '480p';

/** What a draft task keeps in its `meta` so that a final can be rendered from it. */
export interface DraftMeta extends Record<string, unknown> {
  draft?: boolean;
  /** The ratio the draft came out in (a fixed one, also for adaptive drafts). */
  ratio: string;
}

/** Why a named draft cannot be finished: no such draft (`unknown`), not finished yet, or older than 7 days. */
export type DraftLookup<M> = { ok: true; task: SimTask<M & DraftMeta> } | { ok: false; reason: 'unknown' | 'not_ready' | 'expired'; message: string };

/**
 * The draft task `id` of `provider` for a final: it must exist, be a draft, have succeeded, and be
 * younger than 7 days (its age plus `hooks.draftAgeMs`, which lets tests age drafts). `models`:
 * the models a final through this route may name (ModelArk: the same model; fal: any 2.5 endpoint).
 */
export function findDraft<M>(sim: SimContext, provider: SimProvider, id: string, models: (model: string) => boolean): DraftLookup<M> {
  const task = sim.tasks.get<M & DraftMeta>(id);
  if (!task || task.provider !== provider || !task.meta.draft || !models(task.model)) {
    return { ok: false, reason: 'unknown', message: `No draft with the id ${id} was found for this account.` };
  }
  const age = Date.now() - task.createdAt + (sim.hooks.draftAgeMs?.(provider) ?? 0);
  if (age > DRAFT_VALID_MS) return { ok: false, reason: 'expired', message: `The draft ${id} is older than 7 days and can no longer be made final.` };
  if (sim.tasks.view(task).state !== 'succeeded' || !task.spec) {
    return { ok: false, reason: 'not_ready', message: `The draft ${id} has not succeeded; only a finished draft can be made final.` };
  }
  return { ok: true, task };
}

/** The final's render: the draft's own clip (prompt, frames, length, audio) at the 1080p size of the draft's ratio. */
export function finalSpec(draft: SimTask<DraftMeta>): RenderSpec {
  const spec = draft.spec!;
  const out = simOutputSize('seedance-2.5', FINAL_RESOLUTION, draft.meta.ratio as Parameters<typeof simOutputSize>[2], spec.first);
  return { ...spec, ...out.size };
}
