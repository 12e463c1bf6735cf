import { describe, expect, it } from 'vitest';
import { inQueueOrder, moveBy, moveTo, queuedIds } from '../../../../../src/renderer/store/jobs/order';
import { jobThrough } from './jobs-fixture';

describe('queue order', () => {
  it('sorts by order, then by the time the job was made', () => {
    const a = jobThrough('job-aaaa1', ['draft', 'queued'], { order: 2 });
    const b = jobThrough('job-bbbb1', ['draft', 'queued'], { order: 1 }, 1_700_000_500_000);
    const c = jobThrough('job-cccc1', ['draft', 'queued'], { order: 1 }, 1_700_000_100_000);
    expect(inQueueOrder([a, b, c]).map((j) => j.id)).toEqual(['job-cccc1', 'job-bbbb1', 'job-aaaa1']);
  });

  it('lists only jobs not sent yet as movable', () => {
    const jobs = [
      jobThrough('job-sent0001', ['draft', 'queued', 'submitting', 'submitted'], { order: 0 }),
      jobThrough('job-wait0001', ['draft', 'queued'], { order: 1 }),
      jobThrough('job-done0001', ['draft', 'queued', 'submitting', 'submitted', 'running', 'downloading', 'completed'], { order: 2 }),
      jobThrough('job-wait0002', ['draft', 'queued'], { order: 3 }),
    ];
    expect(queuedIds(inQueueOrder(jobs))).toEqual(['job-wait0001', 'job-wait0002']);
  });

  it('moves a queued job by places, clamped at the ends', () => {
    expect(moveBy(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(moveBy(['a', 'b', 'c'], 'a', 1)).toEqual(['b', 'a', 'c']);
    expect(moveBy(['a', 'b', 'c'], 'b', -5)).toEqual(['b', 'a', 'c']);
    expect(moveBy(['a', 'b', 'c'], 'a', -1)).toBeNull();
    expect(moveBy(['a', 'b', 'c'], 'x', 1)).toBeNull();
  });

  it('drops a job before or after another', () => {
    expect(moveTo(['a', 'b', 'c', 'd'], 'd', 'b', 'before')).toEqual(['a', 'd', 'b', 'c']);
    expect(moveTo(['a', 'b', 'c', 'd'], 'a', 'c', 'after')).toEqual(['b', 'c', 'a', 'd']);
    expect(moveTo(['a', 'b', 'c'], 'a', 'b', 'before')).toBeNull();
    expect(moveTo(['a', 'b', 'c'], 'a', 'a', 'after')).toBeNull();
    expect(moveTo(['a', 'b'], 'a', 'zz', 'after')).toBeNull();
  });
});
