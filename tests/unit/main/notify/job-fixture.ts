import type { Job, JobState } from '../../../../src/shared/jobs/job';

/**
 * A job as the engine stores it, walked through `states` one second apart from `start` (ms epoch):
 * `times`, `history` and `updatedAt` are consistent, as the engine's `transition` writes them.
 */
export function jobThrough(id: string, states: JobState[], extra: Partial<Job> = {}, start = 1_700_000_000_000): Job {
  const history = states.map((state, i) => ({ state, at: start + i * 1000 }));
  const times: Job['times'] = {};
  for (const h of history) times[h.state] = h.at;
  return {
    id,
    params: { modelId: 'novita/seedance-v1-pro-t2v', prompt: `a paper boat on a pond, ${id}`, resolution: '480p', aspectRatio: '16:9', duration: 5 },
    provider: 'novita',
    state: states[states.length - 1] as JobState,
    times,
    updatedAt: history[history.length - 1]?.at ?? start,
    attempts: 1,
    requests: 0,
    history,
    order: 0,
    ...extra,
  };
}
