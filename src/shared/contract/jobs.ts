import { z } from 'zod';
import { JobParams } from '../catalog/types';
import { BatchId, MAX_BATCH, MIN_BATCH } from '../jobs/batch';
import { JobId, JobView } from '../jobs/job';
import { QueueStats } from '../jobs/queue-stats';
import { event, request } from './define';
import { LenientPhrase } from '../messages/phrase';

const Empty = z.object({}).strict();
const ById = z.object({ id: JobId }).strict();

/**
 * Where main's copy of the job table stands: +1 on every batch of changes main publishes, every
 * removal and every snapshot (the engine (re)started and its whole table became the truth). A copy
 * at a lower version is stale; the renderer drops it.
 */
export const TableVersion = z.number().int().nonnegative();

/**
 * The top-level fields of a job that changed since main last sent it (`id` always), and in `unset`
 * the optional fields it no longer has: a running job's batch entry is its progress and request
 * count, not its prompt and parameters again (issue 12: renderer traffic for 200 jobs < 1 MB).
 */
export const JobPatch = JobView.partial().extend({ id: JobId, unset: z.array(z.string()).optional() }).strict();
export type JobPatch = z.infer<typeof JobPatch>;

/** Every job, in queue order, at `version`. */
const JobTable = z.object({ jobs: z.array(JobView), version: TableVersion });

/**
 * The `jobs` domain: the queue and its jobs (ARCHITECTURE.md "Job lifecycle"). Jobs reach the
 * renderer as `JobView` (no paths, no provider URLs). Errors: `NOT_FOUND` (no such job),
 * `CONFLICT` (not allowed in the job's state), `BAD_INPUT` (parameters the model does not take),
 * `UNAVAILABLE` (the engine is restarting).
 */
export const jobsDomain = {
  requests: {
    /** Every job, in queue order, as main holds them (the table the events below keep current). */
    list: request(Empty, JobTable),
    /**
     * Queues a new job; `continuedFrom` is the library clip whose last frame it starts from, and
     * `sourceClip` the library clip a 2.5 edit or extend works on (lineage, both kept into the sidecar).
     */
    submit: request(
      z
        .object({ params: JobParams, continuedFrom: z.string().regex(/^[a-z0-9]{8,32}$/).optional(), sourceClip: z.string().regex(/^[a-z0-9]{8,32}$/).optional() })
        .strict(),
      z.object({ job: JobView }),
    ),
    /**
     * Queues a batch of variations (issue 14): `takes` are the jobs' parameters in take order (the
     * same inputs, each with its own seed), 2–8 of them, as one batch `batchId` that the renderer
     * makes once per Generate ×N. Take n's job id is `batchJobId(batchId, n)`, so sending the same
     * batch again (a request re-sent after a crash) answers the jobs already queued and queues only
     * the missing ones — never a second paid job per take. Answers the takes' jobs in take order.
     */
    submitBatch: request(
      z
        .object({
          batchId: BatchId,
          takes: z.array(JobParams).min(MIN_BATCH).max(MAX_BATCH),
          continuedFrom: z.string().regex(/^[a-z0-9]{8,32}$/).optional(),
          /** The library clip every take edits or extends (Seedance 2.5), as `submit`'s. */
          sourceClip: z.string().regex(/^[a-z0-9]{8,32}$/).optional(),
        })
        .strict(),
      z.object({ jobs: z.array(JobView) }),
    ),
    /**
     * Cancels at the provider where it can; where it cannot, the job stops being tracked and may
     * still be billed — `message` says which, in plain words.
     */
    cancel: request(ById, z.object({ job: JobView, cancelled: z.boolean(), message: z.string(), phrase: LenientPhrase })),
    /** A NEW job with the same inputs (an explicit second submission, billed again). */
    retry: request(ById, z.object({ job: JobView })),
    /** The job's parameters, to open in Compose. */
    duplicate: request(ById, z.object({ params: JobParams })),
    remove: request(ById, z.object({ removed: z.literal(true) })),
    /** Puts queued jobs in this order; ids of jobs already sent are ignored. Answers the whole table after the move. */
    reorder: request(z.object({ ids: z.array(JobId).max(10_000) }).strict(), JobTable),
    pause: request(Empty, QueueStats),
    resume: request(Empty, QueueStats),
    stats: request(Empty, QueueStats),
  },
  events: {
    /**
     * Jobs changed (each saved first): the latest state of every job that changed since the last
     * batch, at most about ten batches a second; `version` is the table's version after it. A job
     * main has not sent since the last table comes whole in `jobs`; one it has, as a `JobPatch`
     * against the copy it last sent (so events must be applied in order, as versions already demand).
     */
    changed: event(z.object({ jobs: z.array(JobView), patches: z.array(JobPatch), version: TableVersion })),
    removed: event(z.object({ id: JobId, version: TableVersion })),
    /**
     * The whole table, replacing every copy: sent whenever the job engine (re)starts, since
     * recovery (e.g. a job caught mid-submit becoming `needs_attention`) changes jobs without events.
     */
    snapshot: event(JobTable),
    stats: event(QueueStats),
  },
} as const;
