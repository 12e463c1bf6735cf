import type { NewClip } from '../../../src/main/library/library';

/** A complete set of sidecar fields for `addClip` (everything but the video), with `overrides` laid over it. */
export function fields(overrides: Partial<NewClip> = {}): Omit<NewClip, 'videoPath'> {
  const t = Date.now();
  return {
    prompt: 'A dragonfly lands on a reed at dawn, close up',
    provider: 'ark',
    modelId: 'ark/seedance-1-5-pro-251215',
    mode: 'first-last-frame',
    parameters: { resolution: '720p', aspectRatio: 'adaptive', duration: 5, seed: 11 },
    seed: 11,
    providerTaskId: 'cgt-2025-abc',
    timings: { queuedAt: t - 60_000, submittedAt: t - 59_000, processingStartedAt: t - 50_000, completedAt: t - 2_000, downloadedAt: t - 100 },
    cost: { estimate: { usd: 0.31, asOf: '2025-12-01' }, usage: { tokens: 108_900 } },
    appVersion: '0.1.0-test',
    inputs: [],
    ...overrides,
  };
}
