import { z } from 'zod';
import { ProviderId } from '../catalog/types';
import { JobState } from './job';

/** One provider's share of the queue: tasks it holds for us now, its limit, and any cool-down after 429/5xx. */
export const ProviderQueueStats = z.object({
  provider: ProviderId,
  /** Jobs preparing, submitting, submitted or running at this provider. */
  active: z.number().int().nonnegative(),
  /** Most jobs the engine lets this provider run at once. */
  limit: z.number().int().positive(),
  /** Jobs queued here for this provider. */
  waiting: z.number().int().nonnegative(),
  /** ms until the engine sends this provider another request after a 429/5xx/network failure; 0 when not cooling down. */
  cooldownMs: z.number().int().nonnegative(),
});
export type ProviderQueueStats = z.infer<typeof ProviderQueueStats>;

/**
 * The queue at a glance (status line, Queue view header). `requests.total` counts HTTP requests
 * made to providers since the engine started; a job's own count is its `Job.requests` (not repeated
 * here: a per-job map grew with the queue and went out with every stats event, issue 12).
 */
export const QueueStats = z.object({
  paused: z.boolean(),
  online: z.boolean(),
  byState: z.partialRecord(JobState, z.number().int().nonnegative()),
  providers: z.array(ProviderQueueStats),
  requests: z.object({ total: z.number().int().nonnegative() }),
});
export type QueueStats = z.infer<typeof QueueStats>;
