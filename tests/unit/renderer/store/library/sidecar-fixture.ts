import { ClipSidecar } from '../../../../../src/shared/library/sidecar';

/** A valid clip sidecar (Novita Seedance 1.0 Pro image to video, 720p 16:9 5 s, seed 987654) with `over` applied. */
export const clipSidecar = (over: Partial<ClipSidecar> = {}): ClipSidecar =>
  ClipSidecar.parse({
    schemaVersion: 2,
    id: 'abcd1234',
    createdAt: 1,
    prompt: 'A dragonfly lands on a reed',
    provider: 'novita',
    modelId: 'novita/seedance-v1-pro-i2v',
    mode: 'image-to-video',
    parameters: { resolution: '720p', aspectRatio: '16:9', duration: 5, seed: -1, cameraFixed: true },
    seed: 987654,
    output: { width: 1248, height: 704, durationSec: 5 },
    providerTaskId: 'task',
    timings: { queuedAt: 1, submittedAt: 2, completedAt: 3, downloadedAt: 4 },
    cost: { estimate: null, usage: null },
    inputs: [],
    video: { sha256: 'a'.repeat(64), bytes: 10 },
    appVersion: 'test',
    rating: 0,
    tags: [],
    ...over,
  });
