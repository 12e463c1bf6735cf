import { hex, submitTask, type SimContext } from '../context';
import { DRAFT_RESOLUTION, FINAL_RESOLUTION, findDraft, finalSpec, type DraftMeta } from '../drafts';
import type { Reply } from '../types';

/*
 * ModelArk's Draft → final (seedance-2.5.md §2.6): a draft is a normal request with `draft: true`
 * and `resolution: "480p"`; the final is `{ model, content: [{ type: "draft_task", draft_task:
 * { id } }], resolution: "1080p" }` plus optional `output_format`, `return_last_frame`,
 * `watermark`. Prompt, media, duration, ratio, seed, generate_audio and omni_reference_task_type
 * are inherited: resending them is an error. The draft id is valid 7 days. Flash has no draft (§5).
 */

/** Request fields a final must not resend (§2.6), plus `draft` and `camera_fixed`, which a final cannot carry either. */
const INHERITED = ['ratio', 'duration', 'seed', 'generate_audio', 'omni_reference_task_type', 'camera_fixed', 'draft'] as const;

/** What the ModelArk module hands in: its error shape and what a task must echo. */
export interface ArkDraftDeps {
  invalid(message: string, param: string, code?: string): Reply;
  /** The models that make drafts (the standard 2.5 rows). */
  draftModels: (model: string) => boolean;
}

/** The checks on a draft request itself (§2.1 `draft`: only with 480p; only on models that make drafts). Null when it may go on. */
export function arkDraftProblem(model: string, resolution: string, deps: ArkDraftDeps): Reply | null {
  if (!deps.draftModels(model)) return deps.invalid(`draft is not supported by ${model}.`, 'draft');
  if (resolution !== DRAFT_RESOLUTION) return deps.invalid(`draft is only supported with resolution ${DRAFT_RESOLUTION}; got ${resolution}.`, 'resolution');
  return null;
}

/** The meta a ModelArk task keeps, as far as a final needs it. */
type ArkDraftTaskMeta = DraftMeta & { seed: number; duration: number } & Record<string, unknown>;

/**
 * Creates the final of a draft from a create request whose `content` holds a `draft_task` item.
 * Refuses (400 in ModelArk's shape) any other content item, any inherited field sent again, a
 * resolution other than 1080p (`InvalidResolutionParameter`, as ModelArk names it for a wrong final
 * resolution [B1]), and a draft id that is unknown, not finished, of another model or older than 7 days.
 */
export function arkFinal(sim: SimContext, body: Record<string, unknown>, deps: ArkDraftDeps): Reply {
  const content = Array.isArray(body.content) ? (body.content as Array<Record<string, unknown>>) : [];
  if (content.length !== 1 || content[0]?.type !== 'draft_task') {
    return deps.invalid('A draft_task request takes exactly one content item, the draft_task: its prompt and media are inherited from the draft.', 'content');
  }
  for (const field of INHERITED) {
    if (body[field] !== undefined) return deps.invalid(`The parameter \`${field}\` is inherited from the draft task and must not be sent with draft_task.`, field);
  }
  const resolution = typeof body.resolution === 'string' ? body.resolution : '720p';
  if (resolution !== FINAL_RESOLUTION) {
    return deps.invalid(`The final of a draft is only supported with resolution ${FINAL_RESOLUTION}; got ${resolution}.`, 'resolution', 'InvalidResolutionParameter');
  }
  const id = String((content[0].draft_task as { id?: unknown } | undefined)?.id ?? '');
  const model = String(body.model);
  const found = findDraft<ArkDraftTaskMeta>(sim, 'ark', id, (m) => m === model && deps.draftModels(m));
  if (!found.ok) return deps.invalid(found.message, 'content.draft_task.id');
  const draft = found.task;
  const spec = finalSpec(draft);
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const task = submitTask<ArkDraftTaskMeta>(sim, {
    id: `cgt-${stamp}-${hex(3)}`,
    provider: 'ark',
    model,
    spec,
    wantLastFrame: body.return_last_frame === true,
    meta: { ...draft.meta, draft: false, resolution: FINAL_RESOLUTION, width: spec.width, height: spec.height, created: Math.floor(Date.now() / 1000) },
  });
  return { status: 200, json: { id: task.id }, taskId: task.id };
}
