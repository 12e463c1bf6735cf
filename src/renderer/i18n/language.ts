import type { Language } from '../../shared/contract/settings';

/** The languages the UI is written in: BCP 47 tags, also `<html lang>`. */
export type Locale = 'en' | 'zh-CN';

/** Where the language setting is mirrored so the first render is already in it, before main answers. */
export const LANGUAGE_KEY = 'seedance.language';

/**
 * The UI language for a setting: `en` / `zh-CN` as chosen; `system` takes the first of the system's
 * preferred languages (`navigator.languages`, BCP 47) that the UI has — any Chinese (zh, zh-CN, zh-TW,
 * zh-Hans…) reads Simplified Chinese, the only Chinese written — else English.
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

/** The mirrored setting (see `LANGUAGE_KEY`), `system` when there is none or storage is off. */
export function mirroredLanguage(): Language {
  try {
    const stored = localStorage.getItem(LANGUAGE_KEY);
    return stored === 'en' || stored === 'zh-CN' ? stored : 'system';
  } catch {
    return 'system';
  }
}

/** Mirrors the setting for the next start; a storage that refuses only costs one English first paint. */
export function mirrorLanguage(setting: Language): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, setting);
  } catch {
    // Storage off: the next start renders in the system's language until main's settings arrive.
  }
}
