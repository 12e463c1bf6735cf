import { describe, expect, it } from 'vitest';
import { waitReason } from '../../../../../src/renderer/views/queue/wait-reason';

const free = { provider: 'novita' as const, active: 0, limit: 2, waiting: 1, cooldownMs: 0 };
const queued = { state: 'queued' as const, provider: 'novita' as const };

describe('why a job is held (issue 14 item 7)', () => {
  it('says nothing for a job that goes out next', () => {
    expect(waitReason(queued, { paused: false, online: true, provider: free })).toBeNull();
    expect(waitReason(queued, { paused: false, online: undefined, provider: undefined })).toBeNull();
  });

  it('names the first thing holding a job not sent: offline, paused, a cool-down, full slots', () => {
    expect(waitReason(queued, { paused: true, online: false, provider: free })).toBe('Held: offline. It is sent when the network returns.');
    expect(waitReason(queued, { paused: true, online: true, provider: free })).toBe('Held: the queue is paused. It is sent when you resume the queue.');
    expect(waitReason(queued, { paused: false, online: true, provider: { ...free, cooldownMs: 11_200 } })).toBe(
      'Held: Novita asked for a pause after an error. Sending resumes in about 12 s.',
    );
    expect(waitReason(queued, { paused: false, online: true, provider: { ...free, active: 2 } })).toBe(
      'Held: 2 of 2 jobs are already running at Novita (Settings → Jobs at once). It is sent when one finishes.',
    );
  });

  it('tells a job at the provider or downloading what offline means for it, and nothing when online', () => {
    expect(waitReason({ state: 'running', provider: 'fal' }, { paused: false, online: false, provider: undefined })).toBe(
      'Offline: fal keeps working on it; status checks resume when the network returns.',
    );
    expect(waitReason({ state: 'downloading', provider: 'fal' }, { paused: true, online: false, provider: undefined })).toBe('Offline: the download resumes when the network returns.');
    expect(waitReason({ state: 'running', provider: 'fal' }, { paused: true, online: true, provider: undefined })).toBeNull();
    expect(waitReason({ state: 'completed', provider: 'fal' }, { paused: false, online: false, provider: undefined })).toBeNull();
  });
});
