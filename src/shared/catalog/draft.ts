import { said, type Phrase } from '../messages/phrase';
import { orList } from './or-list';
import type { DraftSupport, JobParams, ModelEntry } from './types';

/*
 * Draft → final (Seedance 2.5; seedance-2.5.md §2.6 ModelArk, §3 fal): a draft is an ordinary
 * request with `draft: true` at 480p; the final names the draft by its id, at 1080p, and resends
 * nothing the draft had (prompt, media, duration, ratio, seed, audio, task type are inherited, and
 * resending them is an error). The draft id is valid 7 days; both stages are billed.
 */

/** ModelArk Seedance 2.5: `draft: true` at 480p, final by `draft_task` at 1080p, 7 days (§2.6; Flash has none, §5). */
export const ARK_25_DRAFT: DraftSupport = {
  draftResolution: '480p',
  finalResolutions: ['1080p'],
  validDays: 7,
  source: 'seedance-2.5.md §2.6 (BytePlus 2.5 page dated 2026-09-28 via third-party summaries [P1][A3][B1]); draft price UNCONFIRMED (§2.7)',
};

/**
 * fal Seedance 2.5: a `draft` input (field name UNCONFIRMED; the brief's boolean is followed) at
 * 480p, final through `bytedance/seedance-2.5/draft/complete` at 1080p, 7 days (§3 [F1]).
 */
export const FAL_25_DRAFT: DraftSupport = {
  draftResolution: '480p',
  finalResolutions: ['1080p'],
  validDays: 7,
  completeEndpoint: 'bytedance/seedance-2.5/draft/complete',
  source: 'seedance-2.5.md §3 (fal draft/complete llms.txt [F1]); the draft input\'s field name is UNCONFIRMED; draft price UNCONFIRMED',
};

/** One day in ms. */
const DAY_MS = 24 * 3600 * 1000;

/** When a draft made at `createdAt` (ms epoch, the draft task's creation) can no longer be finished, ms epoch. */
export function draftExpiresAt(support: Pick<DraftSupport, 'validDays'>, createdAt: number): number {
  return createdAt + support.validDays * DAY_MS;
}

/** One problem with a job's draft or final fields, for `paramsSchema`'s issues: its English and its phrase. */
export interface DraftIssue {
  path: 'draft' | 'finalOf' | 'resolution';
  message: string;
  phrase: Phrase;
}

/**
 * The draft rules that need no provider (seedance-2.5.md §2.6, §3): `draft` only on rows with
 * `draft` support and only at its draft resolution; `finalOf` only on such rows, only at a final
 * resolution, never together with `draft`, and with no frames or references of its own (the final
 * inherits the draft's; resending them is refused by the provider).
 */
export function draftIssues(entry: ModelEntry, params: Partial<JobParams>): DraftIssue[] {
  const support = entry.draft;
  const issues: DraftIssue[] = [];
  if (params.draft && params.finalOf) issues.push({ path: 'draft', ...said('params.draft.both') });
  if (params.draft) {
    if (!support) issues.push({ path: 'draft', ...said('params.draft.noDrafts', { model: entry.name }) });
    else if (params.resolution !== undefined && params.resolution !== support.draftResolution) {
      issues.push({ path: 'resolution', ...said('params.draft.draftResolution', { resolution: support.draftResolution }) });
    }
  }
  if (params.finalOf) {
    if (!support) issues.push({ path: 'finalOf', ...said('params.draft.noFinal', { model: entry.name }) });
    else if (params.resolution !== undefined && !support.finalResolutions.includes(params.resolution)) {
      issues.push({ path: 'resolution', ...said('params.draft.finalResolution', { resolutions: orList(support.finalResolutions) }) });
    }
    if (params.firstFrame || params.lastFrame || (params.references?.length ?? 0) > 0) {
      issues.push({ path: 'finalOf', ...said('params.draft.finalNoMedia') });
    }
  }
  return issues;
}

/** The resolution a job is made at when it leaves it out: the draft resolution for a draft, the first final resolution for a final. */
export function draftResolutionFor(entry: ModelEntry, params: Pick<JobParams, 'draft' | 'finalOf'>): JobParams['resolution'] | undefined {
  if (!entry.draft) return undefined;
  if (params.draft) return entry.draft.draftResolution;
  if (params.finalOf) return entry.draft.finalResolutions[0];
  return undefined;
}
