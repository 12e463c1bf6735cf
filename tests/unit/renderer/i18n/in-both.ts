import { i18n } from '../../../../src/renderer/i18n/index';
import { phraseText } from '../../../../src/renderer/i18n/phrase';
import type { Phrase } from '../../../../src/shared/messages/phrase';

/** A sentence (English of record + phrase) in English and in Simplified Chinese, through the UI's i18n. */
export async function both(said: { message: string; phrase?: Phrase | undefined }): Promise<{ en: string; zh: string }> {
  await i18n.changeLanguage('en');
  const inEnglish = phraseText(said.phrase, said.message);
  await i18n.changeLanguage('zh-CN');
  return { en: inEnglish, zh: phraseText(said.phrase, said.message) };
}

/**
 * The words of three or more Latin letters left in `zh` once `allowed` (file names, formats, codec
 * and tool names, the provider's own words) are taken out: a Chinese sentence should have none.
 */
export function englishLeft(zh: string, allowed: readonly string[] = []): string[] {
  let rest = zh;
  for (const a of [...allowed].sort((x, y) => y.length - x.length)) rest = rest.replaceAll(a, ' ');
  return rest.match(/[A-Za-z]{3,}/g) ?? [];
}
