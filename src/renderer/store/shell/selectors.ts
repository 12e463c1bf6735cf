import type { StudioState } from '../index';
import { RUNNING_STATES } from '../jobs/filters';

/**
 * The Queue's rail badge: jobs running — being sent, at the provider, or downloading
 * (`RUNNING_STATES`); 0 hides the badge.
 */
export function selectQueueBadge(state: StudioState): number {
  let running = 0;
  for (const job of Object.values(state.jobs.byId)) if (RUNNING_STATES.includes(job.state)) running++;
  return running;
}
