import { describe, expect, it } from 'vitest';
import { costOf, etaText, formatDuration, phaseTimes, promptExcerpt, stateWord } from '../../../../../src/renderer/views/queue/job-text';
import { jobThrough } from '../../store/jobs/jobs-fixture';

describe('job text', () => {
  it('names each state with the words of UX.md', () => {
    expect(stateWord({ state: 'queued' })).toBe('Not sent yet');
    expect(stateWord({ state: 'submitted' })).toBe('Waiting at provider');
    expect(stateWord({ state: 'running', progress: 42.7 })).toBe('Generating 42%');
    expect(stateWord({ state: 'running' })).toBe('Generating');
    expect(stateWord({ state: 'downloading' })).toBe('Downloading');
    expect(stateWord({ state: 'completed' })).toBe('Done');
    expect(stateWord({ state: 'needs_attention' })).toBe('Needs attention');
  });

  it('formats timers and excerpts', () => {
    expect(formatDuration(7_400)).toBe('0:07');
    expect(formatDuration(272_000)).toBe('4:32');
    expect(formatDuration(3_729_000)).toBe('1:02:09');
    expect(formatDuration(-5)).toBe('0:00');
    expect(promptExcerpt('  a  b\n c ')).toBe('a b c');
    expect(promptExcerpt('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(promptExcerpt('   ')).toBe('No prompt');
  });

  it('splits time waiting at the provider from time generating', () => {
    const start = 1_700_000_000_000;
    const job = jobThrough('job-aaaa0001', ['draft', 'queued'], {}, start);
    // queued at +1 s, submitting at +3 s, submitted at +4 s, running at +14 s, downloading at +74 s.
    job.history.push({ state: 'submitting', at: start + 3_000 }, { state: 'submitted', at: start + 4_000 }, { state: 'running', at: start + 14_000 });
    job.state = 'running';
    job.updatedAt = start + 14_000;
    expect(phaseTimes(job, start + 44_000)).toEqual({ here: 2_000, waiting: 10_000, generating: 30_000 });
    job.history.push({ state: 'downloading', at: start + 74_000 }, { state: 'completed', at: start + 80_000 });
    job.state = 'completed';
    expect(phaseTimes(job, start + 999_000)).toEqual({ here: 2_000, waiting: 10_000, generating: 60_000 });
  });

  it('counts a requeued job’s every wait, and stops the clock when a job ends mid-phase', () => {
    const start = 1_700_000_000_000;
    const job = jobThrough('job-aaaa0001', ['draft', 'queued', 'submitting', 'queued', 'submitting', 'submitted', 'failed'], {}, start);
    expect(phaseTimes(job, start + 100_000)).toEqual({ here: 2_000, waiting: 1_000 });
  });

  it('counts the provider’s ETA down from when it was reported', () => {
    const job = { state: 'running' as const, etaSeconds: 90, updatedAt: 1_000_000 };
    expect(etaText(job, 1_000_000 + 10_000)).toBe('about 1:20 left');
    expect(etaText(job, 1_000_000 + 95_000)).toBe('any moment now');
    expect(etaText({ ...job, state: 'completed' }, 1_000_000)).toBeNull();
    expect(etaText({ state: 'running', updatedAt: 0 }, 0)).toBeNull();
  });

  it('estimates cost from the catalog (tokens model) and admits when it cannot', () => {
    const ark = costOf({ modelId: 'ark/seedance-1-0-pro-250528', prompt: '', resolution: '480p', aspectRatio: '16:9', duration: 5 });
    expect(ark?.text).toMatch(/^(≈ \$\d+\.\d\d|< \$0\.01)$/);
    expect(ark?.asOf).toMatch(/^\d{4}-\d\d/);
    // Adaptive ratio: the size depends on the photo, which the Queue does not know.
    expect(costOf({ modelId: 'ark/seedance-1-0-pro-250528', prompt: '', resolution: '480p', aspectRatio: 'adaptive', duration: 5, firstFrame: 'a'.repeat(32) })).toBeNull();
    expect(costOf({ modelId: 'nobody/none', prompt: '', resolution: '480p', aspectRatio: '16:9', duration: 5 })).toBeNull();
  });
});
