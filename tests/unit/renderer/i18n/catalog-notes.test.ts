import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../../src/shared/catalog/models';
import NOTES_EN from '../../../../src/shared/catalog/notes/en.json';
import NOTES_ZH from '../../../../src/shared/catalog/notes/zh-CN.json';
import { ModelEntry } from '../../../../src/shared/catalog/types';
import { i18n } from '../../../../src/renderer/i18n/index';

/** Han characters: a Chinese note has some, whatever model names and numbers it keeps. */
const HAN = /\p{Script=Han}/u;

/**
 * The catalogue's model notes (`ModelEntry.notes`, shown under Compose's model picker) are stable
 * keys the renderer shows through its `catalog` namespace, as ModelPicker does.
 */
describe('catalogue model notes', () => {
  const used = new Set(CATALOG.flatMap((m) => m.notes));
  const en = i18n.getFixedT('en', 'catalog');
  const zh = i18n.getFixedT('zh-CN', 'catalog');

  it('show in English exactly as the catalogue words them', () => {
    const fal = CATALOG.find((m) => m.id === 'fal/bytedance/seedance-2.0/text-to-video');
    expect(fal?.notes.map((n) => en(n))).toEqual([
      'fal also accepts duration "auto" (the model picks the length); the app always sends seconds.',
      "No seed: fal's current Seedance 2.0 schema has none.",
      'No cost estimate for 4k: no published output size.',
    ]);
    for (const note of used) expect(en(note)).toBe(NOTES_EN[note]);
  });

  it('show in Simplified Chinese for every note of every row', () => {
    const ark = CATALOG.find((m) => m.id === 'ark/seedance-1-0-pro-fast-251015');
    expect(ark?.notes.map((n) => zh(n))).toEqual(['仅首帧：1.0 Pro Fast 不接受尾帧。', '未找到官方公布的美元价格；无法估算费用。']);
    for (const note of used) {
      expect(zh(note), note).toBe(NOTES_ZH[note]);
      expect(zh(note), note).toMatch(HAN);
      expect(zh(note), note).not.toBe(en(note));
    }
  });

  it('has no note text that no row uses', () => {
    expect(Object.keys(NOTES_EN).filter((key) => !used.has(key as keyof typeof NOTES_EN))).toEqual([]);
  });

  it('takes only known keys: a row carrying English text instead fails validation', () => {
    const row = CATALOG[0] as ModelEntry;
    expect(ModelEntry.safeParse(row).success).toBe(true);
    expect(ModelEntry.safeParse({ ...row, notes: ['Novita does not publish a default resolution; 720p is the app default.'] }).success).toBe(false);
  });
});
