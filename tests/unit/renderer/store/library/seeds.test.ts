import { describe, expect, it } from 'vitest';
import { continueModelId, continueSeed, reuseSeed } from '../../../../../src/renderer/store/library/seeds';
import { clipSidecar as sidecar } from './sidecar-fixture';

const FIRST = '0'.repeat(32);
const LAST = 'f'.repeat(32);

describe('reuseSeed', () => {
  it('keeps model, prompt and parameters, and locks the seed the provider reported', () => {
    expect(reuseSeed(sidecar(), { first: { imageId: FIRST }, last: { imageId: LAST, crop: { left: 0, top: 10, width: 100, height: 50 } } })).toEqual({
      modelId: 'novita/seedance-v1-pro-i2v',
      prompt: 'A dragonfly lands on a reed',
      params: { resolution: '720p', aspectRatio: '16:9', duration: 5, seed: 987654, seedLocked: true, cameraFixed: true },
      firstFrame: { imageId: FIRST },
      lastFrame: { imageId: LAST, crop: { left: 0, top: 10, width: 100, height: 50 } },
    });
  });

  it('falls back to the asked seed, and leaves a random one unlocked', () => {
    expect(reuseSeed(sidecar({ seed: null, parameters: { resolution: '720p', aspectRatio: '16:9', duration: 5, seed: 42 } }), {}).params).toMatchObject({ seed: 42, seedLocked: true });
    const random = reuseSeed(sidecar({ seed: null }), {});
    expect(random.params?.seed).toBeUndefined();
    expect(random.params?.seedLocked).toBeUndefined();
    expect(random.firstFrame).toBeUndefined();
  });
});

describe('continueSeed', () => {
  it('uses the frame as first frame with a fresh, unlocked seed', () => {
    const seed = continueSeed(sidecar(), FIRST);
    expect(seed.firstFrame).toEqual({ imageId: FIRST });
    expect(seed.lastFrame).toBeUndefined();
    expect(seed.params).toMatchObject({ seed: -1, seedLocked: false, resolution: '720p', duration: 5 });
  });

  it('switches a text-to-video model to its image-to-video twin', () => {
    expect(continueModelId('novita/seedance-v1-pro-t2v')).toBe('novita/seedance-v1-pro-i2v');
    expect(continueModelId('fal/fal-ai/bytedance/seedance/v1/pro/text-to-video')).toBe('fal/fal-ai/bytedance/seedance/v1/pro/image-to-video');
    expect(continueModelId('novita/seedance-v1-pro-i2v')).toBe('novita/seedance-v1-pro-i2v');
    expect(continueModelId('someone/unknown-t2v')).toBe('someone/unknown-t2v');
  });
});
