import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../../../src/renderer/i18n/index';
import { money, statusHelp, statusText } from '../../../../../src/renderer/views/spend/money';

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('Spend money and statuses in English and Simplified Chinese (issue 14 "Languages")', () => {
  it('English keeps "$1.23", "$1,234.50" and "< $0.01"', () => {
    expect(money(1.234)).toBe('$1.23');
    expect(money(1234.5)).toBe('$1,234.50');
    expect(money(0)).toBe('$0.00');
    expect(money(0.004)).toBe('< $0.01');
    expect(statusText('may-be-billed')).toBe('may be billed');
    expect(statusText('would')).toBe('would cost');
    expect(statusHelp('billed')).toBe('The provider made the video: it is charged');
  });

  it('Chinese uses Intl zh-CN money ("US$0.26") and the glossary words', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(money(0.26)).toBe('US$0.26');
    expect(money(1234.5)).toBe('US$1,234.50');
    expect(money(0.004)).toBe('< US$0.01');
    expect(statusText('billed')).toBe('已计费');
    expect(statusText('not-billed')).toBe('未计费');
    expect(statusText('pending')).toBe('待定');
    expect(statusText('would')).toBe('预计花费');
    expect(statusHelp('would')).toBe('演示任务：不计费；这是使用真实密钥的预计花费');
  });
});
