import type { JobState, JobView } from '../../../../../src/shared/jobs/job';

/**
 * A job as main would send it, walked through `states` one second apart from `start` (ms epoch):
 * `times` and `history` are consistent, as the engine's `transition` writes them.
 */
export function jobThrough(id: string, states: JobState[], extra: Partial<JobView> = {}, start = 1_700_000_000_000): JobView {
  const history = states.map((state, i) => ({ state, at: start + i * 1000 }));
  const times: JobView['times'] = {};
  for (const h of history) times[h.state] = h.at;
  return {
    id,
    params: { modelId: 'ark/seedance-1-0-pro-250528', prompt: `prompt of ${id}`, resolution: '480p', aspectRatio: '16:9', duration: 2 },
    provider: 'ark',
    state: states[states.length - 1] as JobState,
    times,
    updatedAt: history[history.length - 1]?.at ?? start,
    attempts: 0,
    requests: 0,
    history,
    order: 0,
    ...extra,
  };
}
