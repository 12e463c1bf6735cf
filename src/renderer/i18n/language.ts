import type { Language } from '../../shared/contract/settings';

/** Where the language setting is mirrored so the first render is already in it, before main answers. */
export const LANGUAGE_KEY = 'seedance.language';

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
