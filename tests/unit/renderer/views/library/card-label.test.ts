import { afterEach, describe, expect, it } from 'vitest';
import type { ClipSummary } from '../../../../../src/shared/contract/library';
import { i18n } from '../../../../../src/renderer/i18n/index';
import { cardLabel } from '../../../../../src/renderer/views/library/ClipCard';

const DEC_2_2026 = new Date(2026, 11, 2, 16, 5).getTime();

/** A finished clip as the library lists it: a take of a batch, rated, made by the demo. */
const take: ClipSummary = {
  id: 'clip-1',
  createdAt: DEC_2_2026,
  prompt: '  A red fox in the snow  ',
  provider: 'novita',
  modelId: 'novita/seedance-v1-pro-i2v',
  mode: 'image-to-video',
  resolution: '480p',
  aspectRatio: '16:9',
  width: 864,
  height: 480,
  durationSec: 5,
  rating: 5,
  tags: [],
  seed: 2,
  simulated: true,
  batch: { id: 'batch-1', take: 2, of: 3 },
  posterUrl: null,
  videoUrl: null,
  playUrl: null,
};
const lone: ClipSummary = { ...take, prompt: ' ', rating: 0, seed: null, simulated: false, batch: undefined, take: { n: 1, of: 2, differs: [] }, durationSec: 3.24 };

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('cardLabel', () => {
  it('names a card in English exactly as the acceptance tests read it', () => {
    expect(cardLabel(take)).toMatch(/^A red fox in the snow — .+, 5 s, 480p, 16:9, take 2 of 3 of a batch, seed 2, 5 stars, Dec 2, 2026, simulated$/);
    expect(cardLabel(lone)).toMatch(/^Untitled clip — .+, 3\.2 s, 480p, 16:9, take 1 of 2, Dec 2, 2026$/);
  });

  it('names a card in Simplified Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(cardLabel(take)).toMatch(/^A red fox in the snow — .+，5 秒，480p，16:9，批次中第 2 条，共 3 条，种子 2，5 星，2026年12月2日，模拟$/);
    expect(cardLabel(lone)).toMatch(/^未命名视频 — .+，3\.2 秒，480p，16:9，第 1 条，共 2 条，2026年12月2日$/);
  });
});
