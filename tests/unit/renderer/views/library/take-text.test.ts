import { afterEach, describe, expect, it } from 'vitest';
import { takeSentence } from '../../../../../src/shared/jobs/takes';
import { i18n } from '../../../../../src/renderer/i18n/index';
import { takeText } from '../../../../../src/renderer/views/library/take-text';

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('takeText', () => {
  it('writes English exactly as takeSentence does', () => {
    for (const [n, of, differs] of [
      [3, 5, ['seed', 'duration']],
      [2, 2, []],
      [1, 2, []],
      [2, 3, ['aspect ratio', 'service tier']],
    ] as const) {
      expect(takeText({ n, of, differs: [...differs] })).toBe(takeSentence({ n, of, firstId: '' }, differs));
    }
    expect(takeText({ n: 1, of: 1, differs: [] })).toBeNull();
    expect(takeText(undefined)).toBeNull();
  });

  it('writes Simplified Chinese, with the glossary’s words for the settings', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(takeText({ n: 3, of: 5, differs: ['seed', 'duration', 'aspect ratio'] })).toBe('第 3 条，共 5 条 — 与第 1 条不同之处：种子、时长、宽高比');
    expect(takeText({ n: 2, of: 2, differs: [] })).toBe('第 2 条，共 2 条 — 设置与第 1 条相同');
    expect(takeText({ n: 1, of: 2, differs: [] })).toBe('第 1 条，共 2 条');
  });
});
