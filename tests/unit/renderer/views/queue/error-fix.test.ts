import { describe, expect, it } from 'vitest';
import { canCancel, canRemove, canRetry, cancelExplanation } from '../../../../../src/renderer/views/queue/cancel-text';
import { fixFor } from '../../../../../src/renderer/views/queue/error-fix';

const params = { modelId: 'ark/seedance-1-5-pro-251215', prompt: 'p', resolution: '480p' as const, aspectRatio: '16:9' as const, duration: 4, generateAudio: true };

describe('fixes for failed jobs', () => {
  it('sends key problems to Settings', () => {
    expect(fixFor({ params, error: { kind: 'auth', message: 'The key was refused.' } })).toBe('settings');
  });

  it('retries without audio when the provider moderated the audio of a job that made audio', () => {
    const error = { kind: 'content_policy' as const, message: 'Blocked.', providerCode: 'OutputAudioSensitiveContentDetected' };
    expect(fixFor({ params, error })).toBe('retry-without-audio');
    expect(fixFor({ params: { ...params, generateAudio: false }, error })).toBe('edit-in-compose');
    expect(fixFor({ params, error: { kind: 'content_policy', message: 'The image was refused.' } })).toBe('edit-in-compose');
  });

  it('retries passing troubles and offers nothing where the fix is outside the app', () => {
    expect(fixFor({ params, error: { kind: 'network', message: 'x' } })).toBe('retry');
    expect(fixFor({ params, error: { kind: 'expired', message: 'x' } })).toBe('retry');
    expect(fixFor({ params, error: { kind: 'quota', message: 'x' } })).toBeNull();
    expect(fixFor({ params, error: { kind: 'interrupted', message: 'x' } })).toBeNull();
    expect(fixFor({ params })).toBeNull();
  });
});

describe('cancel, retry, remove', () => {
  it('says plainly when cancelling only stops tracking', () => {
    expect(cancelExplanation({ state: 'running', provider: 'novita' })).toMatch(/stops tracking it; it may still be billed/);
    expect(cancelExplanation({ state: 'running', provider: 'evolink' })).toMatch(/EvoLink has no way to cancel/);
    expect(cancelExplanation({ state: 'submitted', provider: 'fal' })).toMatch(/only before it starts/);
    expect(cancelExplanation({ state: 'queued', provider: 'ark' })).toMatch(/nothing is billed/);
  });

  it('offers each action only where the engine allows it', () => {
    expect(canCancel('running')).toBe(true);
    expect(canCancel('completed')).toBe(false);
    expect(canRetry('failed')).toBe(true);
    expect(canRetry('running')).toBe(false);
    // The engine refuses to remove a job the provider holds or that is downloading.
    expect(canRemove('submitted')).toBe(false);
    expect(canRemove('downloading')).toBe(false);
    expect(canRemove('completed')).toBe(true);
  });
});
