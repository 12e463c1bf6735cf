import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/contract/settings';
import { resolveLocale, type Locale } from '../../shared/i18n/locale';
import { mirroredLanguage, mirrorLanguage } from './language';
import { NAMESPACES, resources } from './resources';

/**
 * The UI's one i18n instance (i18next + react-i18next). Components use `useTranslation('<view>')`;
 * plain functions that build text use `i18n.t`. The resources are bundled, so it is ready
 * synchronously, in the mirrored language (see `language.ts`) before the first render.
 */
export const i18n = i18next.createInstance();

// Unit tests import text-building modules under plain Node, which has no navigator or document.
const preferredLanguages = (): readonly string[] => (typeof navigator === 'undefined' ? [] : navigator.languages);

void i18n.use(initReactI18next).init({
  resources,
  lng: resolveLocale(mirroredLanguage(), preferredLanguages()),
  fallbackLng: 'en',
  ns: NAMESPACES,
  defaultNS: 'common',
  // React escapes what it renders; escaping here would double-escape "&" and quotes.
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});
if (typeof document !== 'undefined') document.documentElement.lang = i18n.language;

/** The language the UI is in now. */
export function currentLocale(): Locale {
  return i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
}

/**
 * Applies the language setting (from main's settings): switches the UI, sets `<html lang>` (screen
 * readers pick their voice from it) and mirrors it for the next start.
 */
export function applyLanguage(setting: Language): void {
  mirrorLanguage(setting);
  const locale = resolveLocale(setting, preferredLanguages());
  if (i18n.language !== locale) void i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
}
