import type { JobParams } from '../../shared/catalog/types';
import { batchJobId } from '../../shared/jobs/batch';
import type { Job } from '../../shared/jobs/job';
import type { EngineApi } from './api';

/** A batch of variations as `jobs:submitBatch` receives it (validated by the contract). */
export interface BatchRequest {
  batchId: string;
  /** Each take's parameters, in take order (2–8). */
  takes: JobParams[];
  /** The library clip whose last frame every take starts from. */
  continuedFrom?: string;
  /** The library clip every take edits or extends (Seedance 2.5 `edit`/`extend`). */
  sourceClip?: string;
}

/**
 * Queues every take of a batch through the engine, one after another so their queue order is their
 * take order. Each take gets the job id `batchJobId(batchId, n)` and its `JobBatch`; the engine
 * answers a known id with the job it already holds, so a batch sent twice (the request re-sent
 * after main or the engine died part-way) queues each take once — the idempotency the engine gives
 * one job, kept per take. Resolves with the takes' jobs; rejects with the engine's `StudioError`
 * (`BAD_INPUT` parameters the model refuses — before any take when the first is refused —,
 * `UNAVAILABLE`) on the first take that fails, the takes before it staying queued.
 */
export async function submitBatch(engine: Pick<EngineApi, 'submit'>, request: BatchRequest): Promise<Job[]> {
  const of = request.takes.length;
  const jobs: Job[] = [];
  for (const [i, params] of request.takes.entries()) {
    const take = i + 1;
    jobs.push(
      await engine.submit(params, {
        id: batchJobId(request.batchId, take),
        batch: { id: request.batchId, take, of },
        ...(request.continuedFrom ? { continuedFrom: request.continuedFrom } : {}),
        ...(request.sourceClip ? { sourceClip: request.sourceClip } : {}),
      }),
    );
  }
  return jobs;
}
