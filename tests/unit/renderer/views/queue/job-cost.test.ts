import { describe, expect, it } from 'vitest';
import { jobCost, retryPriceText } from '../../../../../src/renderer/views/queue/job-cost';
import { costOf } from '../../../../../src/renderer/views/queue/job-text';
import { jobThrough } from '../../store/jobs/jobs-fixture';

const price = () => {
  const c = costOf(jobThrough('job-price001', ['queued']).params);
  if (!c) throw new Error('the fixture model has no price');
  return c;
};

describe('what a job costs, as the Queue says it (issue 14 item 10)', () => {
  it('a real job shows the estimate; a demo job says what it would cost', () => {
    const done = jobThrough('job-cost0001', ['queued', 'submitting', 'submitted', 'running', 'downloading', 'completed'], { route: 'provider' });
    expect(jobCost(done)).toEqual({ kind: 'estimate', text: price().text, title: `Estimate, prices as of ${price().asOf}` });
    const demo = jobCost({ ...done, route: 'demo' });
    expect(demo.kind).toBe('would');
    expect(demo.text).toBe(`would cost ${price().text}`);
    // Not sent yet: no route; it goes the way the app sends now.
    const waiting = jobThrough('job-cost0009', ['queued']);
    expect(jobCost(waiting, true).kind).toBe('would');
    expect(jobCost(waiting, false).kind).toBe('estimate');
  });

  it('a job cancelled before it was sent, or while fal or ModelArk still held it unstarted, is not billed', () => {
    expect(jobCost(jobThrough('job-cost0002', ['queued', 'cancelled'])).text).toBe('not billed');
    expect(jobCost(jobThrough('job-cost0003', ['queued', 'submitting', 'submitted', 'cancelled'], { provider: 'ark' })).text).toBe('not billed');
    expect(jobCost(jobThrough('job-cost0004', ['queued', 'submitting', 'submitted', 'cancelled'], { provider: 'fal' })).kind).toBe('not-billed');
  });

  it('a job cancelled after its task may have run says it may be billed, with the price', () => {
    const novita = jobCost(jobThrough('job-cost0005', ['queued', 'submitting', 'submitted', 'cancelled'], { provider: 'novita' }));
    expect(novita.kind).toBe('may-be-billed');
    expect(novita.title).toContain('Novita dashboard');
    const running = jobCost(jobThrough('job-cost0006', ['queued', 'submitting', 'submitted', 'running', 'cancelled']));
    expect(running.text).toBe(`may be billed ${price().text}`);
    // In the demo nothing is ever billed.
    expect(jobCost(jobThrough('job-cost0007', ['queued', 'submitting', 'submitted', 'running', 'cancelled'], { route: 'demo' })).text).toBe('not billed');
  });

  it('Retry says what the new job will cost, or that the demo bills nothing', () => {
    const job = jobThrough('job-cost0008', ['queued', 'failed']);
    expect(retryPriceText(job, false)).toBe(`It is sent to BytePlus ModelArk as a new job and billed again: ${price().text} (estimate, prices as of ${price().asOf}).`);
    expect(retryPriceText(job, true)).toBe(`It runs in the demo, so nothing is billed (with a real BytePlus ModelArk key it would cost ${price().text}).`);
    const unpriced = { ...job, params: { ...job.params, aspectRatio: 'adaptive' as const, firstFrame: 'a'.repeat(32) } };
    expect(retryPriceText(unpriced, false)).toMatch(/billed again; there is no published price/);
  });
});
