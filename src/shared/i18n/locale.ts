import type { Language } from '../contract/settings';

/** The languages the app is written in: BCP 47 tags, also the renderer's `<html lang>`. */
export type Locale = 'en' | 'zh-CN';

/**
 * The language for a setting: `en` / `zh-CN` as chosen; `system` takes the first of the system's
 * preferred languages (BCP 47: the renderer's `navigator.languages`, main's
 * `app.getPreferredSystemLanguages()`) that the app has — any Chinese (zh, zh-CN, zh-TW, zh-Hans…)
 * reads Simplified Chinese, the only Chinese written — else English. Renderer and main share it, so
 * the window and the native menu, dialogs and notifications agree.
 */
export function resolveLocale(setting: Language, preferred: readonly string[]): Locale {
  if (setting !== 'system') return setting;
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'zh') return 'zh-CN';
    if (primary === 'en') return 'en';
  }
  return 'en';
}
