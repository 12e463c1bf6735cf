import { describe, expect, it } from 'vitest';
import { aggregateProgress } from '../../../../src/main/notify/progress';
import type { Job } from '../../../../src/shared/jobs/job';

type Row = Pick<Job, 'state' | 'progress'>;

describe('aggregateProgress', () => {
  it.each<[string, Row[], number | null]>([
    ['no jobs', [], null],
    ['only jobs that are not running', [{ state: 'queued' }, { state: 'completed', progress: 100 }, { state: 'failed' }, { state: 'cancelled' }, { state: 'draft' }, { state: 'expired' }, { state: 'needs_attention' }], null],
    ['one running job at 42%', [{ state: 'running', progress: 42 }], 0.42],
    ['a job just sent (no progress yet) counts as 0', [{ state: 'submitting' }], 0],
    ['waiting at the provider without progress', [{ state: 'submitted' }], 0],
    ['a downloading job counts as done, whatever its download progress', [{ state: 'downloading', progress: 10 }], 1],
    ['the mean of running jobs; others ignored', [{ state: 'running', progress: 20 }, { state: 'running', progress: 60 }, { state: 'queued' }, { state: 'completed', progress: 100 }], 0.4],
    ['mixed phases', [{ state: 'submitted' }, { state: 'running', progress: 50 }, { state: 'downloading', progress: 0 }, { state: 'submitting' }], 0.375],
    ['out-of-range progress is clamped', [{ state: 'running', progress: 140 }, { state: 'running', progress: -10 }], 0.5],
  ])('%s', (_name, rows, expected) => {
    const got = aggregateProgress(rows);
    if (expected === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(expected, 10);
  });
});
