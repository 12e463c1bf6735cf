import { describe, expect, it } from 'vitest';
import { describeProgress } from '../../../../src/cli/run/progress';

describe('describeProgress', () => {
  it('says where the job is, with percent, ETA and queue position when the provider gives them', () => {
    expect(describeProgress({ state: 'queued' }, 'fal')).toBe('queued');
    expect(describeProgress({ state: 'submitting' }, 'fal')).toBe('sending to fal');
    expect(describeProgress({ state: 'submitted', queuePosition: 3 }, 'fal')).toBe('waiting at fal (position 3)');
    expect(describeProgress({ state: 'running', progress: 41.6, etaSeconds: 12.2 }, 'Novita')).toBe('generating 42% · about 12 s left');
    expect(describeProgress({ state: 'running' }, 'Novita')).toBe('generating');
    expect(describeProgress({ state: 'downloading', progress: 50 }, 'Novita')).toBe('downloading 50%');
    expect(describeProgress({ state: 'needs_attention' }, 'Novita')).toBe('needs attention');
  });

  it('adds a passing notice (the engine working around a 429 or a 5xx)', () => {
    const line = describeProgress({ state: 'queued', notice: 'fal is limiting how fast requests are sent. Trying again in 4 s.' }, 'fal');
    expect(line).toBe('queued — fal is limiting how fast requests are sent. Trying again in 4 s.');
  });
});
