import { randomUUID } from 'node:crypto';
import { issuePhrase, paramsSchema } from '../../shared/catalog/params';
import { isoDay, retiredSaid } from '../../shared/catalog/status';
import type { JobParams, ModelEntry } from '../../shared/catalog/types';
import { StudioError } from '../../shared/contract/result';
import type { JobBatch } from '../../shared/jobs/batch';
import { JobId, type Job } from '../../shared/jobs/job';
import { transition } from '../../shared/jobs/transition';
import { joinPhrases, saidValue } from '../../shared/messages/error-said';
import { said } from '../../shared/messages/phrase';

/** Where a new job comes from: an explicit retry of another job, a library clip it continues, one it edits or extends (2.5), the batch it is a take of. */
export interface Lineage {
  retryOf?: string;
  continuedFrom?: string;
  sourceClip?: string;
  batch?: JobBatch;
}

/**
 * A new queued job (not yet saved) for `params`, validated against its model's catalog entry.
 * `id` defaults to a fresh UUID; `order` puts it in the queue; `now` is ms epoch.
 * Throws `StudioError('BAD_INPUT')` for an invalid id, an unknown model, a model retired on `at.now`
 * (the message names the replacement, `retiredSaid`) or parameters the model refuses.
 */
export function newQueuedJob(
  params: JobParams,
  catalog: (modelId: string) => ModelEntry | undefined,
  at: { id: string | undefined; order: number; now: number },
  lineage: Lineage = {},
): Job {
  if (at.id !== undefined && !JobId.safeParse(at.id).success) throw new StudioError('BAD_INPUT', said('job.refused.badId'));
  const entry = catalog(params.modelId);
  if (!entry) throw new StudioError('BAD_INPUT', said('job.refused.unknownModel', { model: params.modelId }));
  const retired = retiredSaid(entry, isoDay(at.now), catalog);
  if (retired) throw new StudioError('BAD_INPUT', retired);
  const parsed = paramsSchema(entry).safeParse(params);
  if (!parsed.success) {
    // The first three refusals, each in the UI's language when the schema gave it a phrase.
    const issues = parsed.error.issues.slice(0, 3).map((i) => issuePhrase(i) ?? i.message);
    throw new StudioError('BAD_INPUT', saidValue(joinPhrases('job.refused.issues', issues)));
  }
  const draft: Job = {
    id: at.id ?? randomUUID(),
    params: parsed.data,
    provider: entry.provider,
    state: 'draft',
    times: { draft: at.now },
    updatedAt: at.now,
    attempts: 0,
    requests: 0,
    history: [{ state: 'draft', at: at.now }],
    order: at.order,
    ...(lineage.retryOf ? { retryOf: lineage.retryOf } : {}),
    ...(lineage.continuedFrom ? { continuedFrom: lineage.continuedFrom } : {}),
    ...(lineage.sourceClip ? { sourceClip: lineage.sourceClip } : {}),
    ...(lineage.batch ? { batch: lineage.batch } : {}),
  };
  const out = transition(draft, { type: 'enqueue', at: at.now });
  if (!out.ok) throw new Error(out.reason);
  return out.job;
}
