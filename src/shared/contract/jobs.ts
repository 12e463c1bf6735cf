import { z } from 'zod';
import { JobParams } from '../catalog/types';
import { JobId, JobView } from '../jobs/job';
import { QueueStats } from '../jobs/queue-stats';
import { event, request } from './define';

const Empty = z.object({}).strict();
const ById = z.object({ id: JobId }).strict();

/**
 * The `jobs` domain: the queue and its jobs (ARCHITECTURE.md "Job lifecycle"). Jobs reach the
 * renderer as `JobView` (no paths, no provider URLs). Errors: `NOT_FOUND` (no such job),
 * `CONFLICT` (not allowed in the job's state), `BAD_INPUT` (parameters the model does not take),
 * `UNAVAILABLE` (the engine is restarting).
 */
export const jobsDomain = {
  requests: {
    /** Every job, in queue order. */
    list: request(Empty, z.object({ jobs: z.array(JobView) })),
    /** Queues a new job; `continuedFrom` is the library clip whose last frame it starts from (lineage). */
    submit: request(
      z.object({ params: JobParams, continuedFrom: z.string().regex(/^[a-z0-9]{8,32}$/).optional() }).strict(),
      z.object({ job: JobView }),
    ),
    /**
     * Cancels at the provider where it can; where it cannot, the job stops being tracked and may
     * still be billed — `message` says which, in plain words.
     */
    cancel: request(ById, z.object({ job: JobView, cancelled: z.boolean(), message: z.string() })),
    /** A NEW job with the same inputs (an explicit second submission, billed again). */
    retry: request(ById, z.object({ job: JobView })),
    /** The job's parameters, to open in Compose. */
    duplicate: request(ById, z.object({ params: JobParams })),
    remove: request(ById, z.object({ removed: z.literal(true) })),
    /** Puts queued jobs in this order; ids of jobs already sent are ignored. */
    reorder: request(z.object({ ids: z.array(JobId).max(10_000) }).strict(), z.object({ jobs: z.array(JobView) })),
    pause: request(Empty, QueueStats),
    resume: request(Empty, QueueStats),
    stats: request(Empty, QueueStats),
  },
  events: {
    changed: event(z.object({ job: JobView })),
    removed: event(z.object({ id: JobId })),
    stats: event(QueueStats),
  },
} as const;
