import { describe, expect, it } from 'vitest';
import { seedOf, takesOf } from '../../../../../src/renderer/store/jobs/takes';
import { takeDiffers, takeLine } from '../../../../../src/renderer/views/queue/take-text';
import { jobThrough } from './jobs-fixture';

const take = (id: string, at: number, params: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => {
  const job = jobThrough(id, ['queued'], extra, at);
  job.params = { ...job.params, prompt: 'A kite over the dunes', ...params };
  return job;
};

describe('takes of one prompt (issue 14 item 5)', () => {
  it('numbers the jobs of one prompt in the order they were queued, and tells what differs', () => {
    const jobs = [
      take('job-take0003', 3_000, { seed: 33 }),
      take('job-take0001', 1_000, { seed: 11 }),
      take('job-take0002', 2_000, { seed: 22, duration: 5 }),
      // White space does not make another prompt; another prompt is its own group.
      take('job-take0004', 4_000, { prompt: '  A kite   over the dunes ', seed: 44 }),
      take('job-lone0001', 5_000, { prompt: 'A lone heron' }),
    ];
    const takes = takesOf(jobs);
    expect(takes.get('job-take0001')).toEqual({ n: 1, of: 4, seed: 11, differs: [] });
    expect(takes.get('job-take0002')).toEqual({ n: 2, of: 4, seed: 22, differs: ['seed', 'duration'] });
    expect(takes.get('job-take0004')?.n).toBe(4);
    expect(takes.get('job-lone0001')).toEqual({ n: 1, of: 1, seed: null, differs: [] });

    expect(takeLine(takes.get('job-take0002'))).toBe('Take 2 of 4 · seed 22');
    expect(takeDiffers(takes.get('job-take0002'))).toBe('Take 2 of 4 — differs from take 1 in seed, duration');
    expect(takeDiffers(takes.get('job-take0001'))).toBe('Take 1 of 4');
    expect(takeLine(takes.get('job-lone0001'))).toBeNull();
    expect(takeDiffers(takes.get('job-lone0001'))).toBeNull();
  });

  it('prefers the seed the provider reported; a random one is "random seed" until then', () => {
    expect(seedOf(take('job-seed0001', 0, { seed: -1 }))).toBeNull();
    expect(seedOf(take('job-seed0002', 0, { seed: -1 }, { remote: { taskId: 't', seed: 987 } }))).toBe(987);
    const jobs = [take('job-rand0001', 1_000), take('job-rand0002', 2_000)];
    expect(takeLine(takesOf(jobs).get('job-rand0001'))).toBe('Take 1 of 2 · random seed');
    expect(takeDiffers(takesOf(jobs).get('job-rand0002'))).toBe('Take 2 of 2 — same settings as take 1');
  });

  it('other photos or another model make other takes', () => {
    const jobs = [
      take('job-photo001', 1_000, { firstFrame: 'a'.repeat(32) }),
      take('job-photo002', 2_000, { firstFrame: 'b'.repeat(32) }),
      take('job-model001', 3_000, { firstFrame: 'b'.repeat(32), modelId: 'fal/fal-ai/bytedance/seedance/v1/pro/image-to-video' }),
    ];
    for (const id of ['job-photo001', 'job-photo002', 'job-model001']) expect(takesOf(jobs).get(id)).toMatchObject({ n: 1, of: 1 });
  });
});
