import { afterEach, describe, expect, it } from 'vitest';
import type { ClipDetail } from '../../../../../src/shared/contract/library';
import { i18n } from '../../../../../src/renderer/i18n/index';
import { paneName } from '../../../../../src/renderer/views/compare/CompareView';

/** The parts of a clip's detail a pane's name reads: its batch and the seed in its sidecar. */
function clip(batch: ClipDetail['batch'], seed: number | null): ClipDetail {
  return { batch, sidecar: { seed, parameters: { seed: 7 } } } as unknown as ClipDetail;
}

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('paneName', () => {
  it('names a take of a batch, or a picked clip, with its seed (English)', () => {
    expect(paneName(clip({ id: 'b1', take: 2, of: 3 } as ClipDetail['batch'], 42), 0)).toBe('Take 2 of 3 · seed 42');
    expect(paneName(clip(undefined, null), 1)).toBe('Clip 2 · seed 7');
  });

  it('names them in Simplified Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(paneName(clip({ id: 'b1', take: 2, of: 3 } as ClipDetail['batch'], 42), 0)).toBe('第 2 条，共 3 条 · 种子 42');
    expect(paneName(clip(undefined, null), 1)).toBe('视频 2 · 种子 7');
  });
});
