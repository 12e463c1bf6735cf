import type { StudioState } from '../index';

/**
 * The Queue's rail badge: jobs that are running. The jobs slice fills this in when it lands
 * (until then there are no jobs to count, so the badge stays hidden).
 */
export function selectQueueBadge(_state: StudioState): number {
  return 0;
}
