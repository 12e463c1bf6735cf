import { describe, expect, it } from 'vitest';
import { JobState } from '../../../../../src/shared/jobs/job';
import { filterCounts, filterOf, matchesFilter } from '../../../../../src/renderer/store/jobs/filters';
import { summarise } from '../../../../../src/renderer/store/jobs/summary';
import { jobThrough } from './jobs-fixture';

describe('filters', () => {
  it('puts every state under exactly one of active, finished, failed', () => {
    const seen = Object.fromEntries(JobState.options.map((s) => [s, filterOf(s)]));
    expect(seen).toEqual({
      draft: 'active',
      queued: 'active',
      submitting: 'active',
      submitted: 'active',
      running: 'active',
      downloading: 'active',
      completed: 'finished',
      cancelled: 'finished',
      failed: 'failed',
      expired: 'failed',
      needs_attention: 'failed',
    });
    for (const state of JobState.options) expect(matchesFilter({ state }, 'all')).toBe(true);
  });

  it('counts jobs per filter', () => {
    const counts = filterCounts(['queued', 'running', 'completed', 'failed', 'expired'].map((state) => ({ state: state as JobState })));
    expect(counts).toEqual({ all: 5, active: 2, finished: 1, failed: 2 });
  });
});

describe('summarise', () => {
  it('counts running and queued jobs and averages progress, a download counting as made', () => {
    const jobs = [
      jobThrough('job-run00001', ['draft', 'queued', 'submitting', 'submitted', 'running'], { progress: 40 }),
      jobThrough('job-run00002', ['draft', 'queued', 'submitting', 'submitted']),
      jobThrough('job-dl000001', ['draft', 'queued', 'submitting', 'submitted', 'running', 'downloading'], { progress: 10 }),
      jobThrough('job-wait0001', ['draft', 'queued']),
      jobThrough('job-done0001', ['draft', 'queued', 'submitting', 'submitted', 'running', 'downloading', 'completed']),
    ];
    expect(summarise(jobs)).toEqual({ running: 3, queued: 1, progress: Math.floor((40 + 0 + 100) / 3) });
    expect(summarise([])).toEqual({ running: 0, queued: 0, progress: null });
  });
});
