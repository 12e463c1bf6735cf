import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { hex, submitTask, unknownKeys, validate, type Problem, type SimContext } from '../context';
import { DRAFT_RESOLUTION, FINAL_RESOLUTION, findDraft, finalSpec, type DraftMeta } from '../drafts';
import type { VideoCodec } from '../render';
import type { Reply } from '../types';

/*
 * fal's Draft → final (seedance-2.5.md §3, from fal's draft/complete llms.txt [F1]): a 2.5 request
 * with a `draft` input (field name UNCONFIRMED; the brief's boolean is followed) answers with a
 * `draft_id` beside the 480p video; `bytedance/seedance-2.5/draft/complete` takes `{ draft_id,
 * resolution: "1080p" only, codec: auto|H264|H265 }`, valid 7 days, for the original caller only.
 */

/** The completion endpoint (seedance-2.5.md §1, §3). */
export const FAL_DRAFT_COMPLETE = 'bytedance/seedance-2.5/draft/complete';

/** The completion input. Strict: the final inherits the draft's prompt and media, so anything else is refused, not ignored. */
const CompleteInput = z.strictObject({
  draft_id: z.string().min(1),
  resolution: z.literal(FINAL_RESOLUTION),
  codec: z.enum(['auto', 'H264', 'H265']).default('auto'),
});

/** What the fal module hands in: its 422 renderer and the task's request URLs. */
export interface FalDraftDeps {
  unprocessable(problems: Problem[], body: unknown): Reply;
  urls(task: { id: string; meta: { app: string } }): Record<string, string>;
}

/** The meta of a fal task, as far as drafts need it. */
export type FalDraftMeta = DraftMeta & { seed: number; prompt: string; app: string; draftId?: string } & Record<string, unknown>;

const CODECS: Record<'H264' | 'H265', VideoCodec> = { H264: 'h264', H265: 'hevc10' };

/** The checks on a draft request (a 2.5 endpoint with `draft: true`): only at 480p (seedance-2.5.md §2.1, the same model upstream). */
export function falDraftProblem(resolution: string): Problem[] {
  if (resolution === DRAFT_RESOLUTION) return [];
  return [{ path: ['resolution'], kind: 'other', input: resolution, message: `a draft is made at ${DRAFT_RESOLUTION} only` }];
}

/** A fresh draft id, distinct from the request id (fal names them apart). */
export function newDraftId(): string {
  return `draft-${hex(12)}`;
}

/**
 * Creates the final of a fal draft. 422 in fal's shape for any field besides `draft_id`,
 * `resolution`, `codec` (`extra_forbidden`), a resolution other than 1080p, and a `draft_id`
 * that is unknown, not finished or older than 7 days.
 */
export function falFinal(sim: SimContext, body: unknown, deps: FalDraftDeps): Reply {
  // Named per field, as pydantic's `extra_forbidden` does (zod reports them all at the root).
  const extra = unknownKeys(body, Object.keys(CompleteInput.shape));
  if (extra.length > 0) return deps.unprocessable(extra.map((k) => ({ path: [k], kind: 'other', input: (body as Record<string, unknown>)[k], message: 'Extra inputs are not permitted' })), body);
  const r = validate(CompleteInput, body);
  if (!r.ok) return deps.unprocessable(r.problems, body);
  const owner = sim.tasks.list('fal').find((t) => (t.meta as Partial<FalDraftMeta>).draftId === r.value.draft_id);
  const found = owner ? findDraft<FalDraftMeta>(sim, 'fal', owner.id, (m) => m.startsWith('bytedance/seedance-2.5/')) : null;
  if (!found?.ok) {
    const message = found ? found.message : `No draft with the id ${r.value.draft_id} was found for this key.`;
    return deps.unprocessable([{ path: ['draft_id'], kind: 'other', input: r.value.draft_id, message }], body);
  }
  const draft = found.task;
  const id = randomUUID();
  const spec = finalSpec(draft);
  const task = submitTask<FalDraftMeta>(sim, {
    id,
    provider: 'fal',
    model: FAL_DRAFT_COMPLETE,
    spec,
    ...(r.value.codec === 'auto' ? {} : { videoCodec: CODECS[r.value.codec] }),
    meta: { seed: draft.meta.seed, prompt: draft.meta.prompt, app: FAL_DRAFT_COMPLETE.split('/').slice(0, 2).join('/'), ratio: draft.meta.ratio, draft: false },
  });
  return { status: 200, json: { ...deps.urls(task), queue_position: sim.tasks.view(task).queuePosition }, taskId: id };
}
