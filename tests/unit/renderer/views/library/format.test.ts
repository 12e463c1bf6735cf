import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../../../src/renderer/i18n/index';
import { bytes, clipCount, date, dateTime, MODE_LABEL, seconds, span, usd } from '../../../../../src/renderer/views/library/format';

// A local date and time, so the expected text does not depend on the machine's time zone.
const DEC_2_2026_4_05_PM = new Date(2026, 11, 2, 16, 5).getTime();

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('library text in English (as the app always wrote it)', () => {
  it('counts clips with one and many', () => {
    expect(clipCount(1)).toBe('1 clip');
    expect(clipCount(0)).toBe('0 clips');
    expect(clipCount(1234)).toBe('1,234 clips');
  });

  it('writes lengths, spans, sizes and money', () => {
    expect(seconds(5)).toBe('5 s');
    expect(seconds(3.24)).toBe('3.2 s');
    expect(span(850)).toBe('850 ms');
    expect(span(42_000)).toBe('42 s');
    expect(span(185_000)).toBe('3 min 05 s');
    expect(bytes(812)).toBe('812 B');
    expect(bytes(812_000)).toBe('812 KB');
    expect(bytes(4_200_000)).toBe('4.2 MB');
    expect(bytes(1_500_000_000)).toBe('1.50 GB');
    expect(usd(0.26)).toBe('$0.26');
    expect(usd(0.075)).toBe('$0.075');
    expect(usd(12.5)).toBe('$12.50');
  });

  it('writes dates and modes', () => {
    expect(date(DEC_2_2026_4_05_PM)).toBe('Dec 2, 2026');
    // ICU writes a narrow no-break space before "PM"; `\s` matches it.
    expect(dateTime(DEC_2_2026_4_05_PM)).toMatch(/^Dec 2, 2026, 4:05\sPM$/);
    expect(MODE_LABEL['image-to-video']).toEqual({ long: 'First frame to video', short: 'i2v' });
    expect(MODE_LABEL['text-to-video'].long).toBe('Text to video');
  });
});

describe('library text in Simplified Chinese', () => {
  it('counts, measures and dates the Chinese way', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(clipCount(1)).toBe('1 个视频');
    expect(clipCount(1234)).toBe('1,234 个视频');
    expect(seconds(5)).toBe('5 秒');
    expect(seconds(3.24)).toBe('3.2 秒');
    expect(span(850)).toBe('850 毫秒');
    expect(span(185_000)).toBe('3 分 05 秒');
    expect(bytes(4_200_000)).toBe('4.2 MB');
    expect(usd(0.26)).toBe('US$0.26');
    expect(date(DEC_2_2026_4_05_PM)).toBe('2026年12月2日');
    expect(dateTime(DEC_2_2026_4_05_PM)).toBe('2026年12月2日 16:05');
  });

  it('names modes in Chinese and keeps the badge codes', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(MODE_LABEL['image-to-video']).toEqual({ long: '首帧生视频', short: 'i2v' });
    expect(MODE_LABEL['reference-to-video'].long).toBe('参考生视频');
  });
});
