import i18next from 'i18next';
import type { Language } from '../../shared/contract/settings';
import { resolveLocale, type Locale } from '../../shared/i18n/locale';
import type { Phrase } from '../../shared/messages/phrase';
import { renderPhrase } from '../../shared/messages/render';
import { nativeResources, type NativeKey } from './resources';

/**
 * Main's one translation layer for what it shows natively (see `nativeResources`), in the language
 * of the app's language setting, as the renderer's UI is.
 */
export interface NativeText {
  /** The language native text is in now; English until the first `apply`. */
  readonly locale: Locale;
  /** The text for `key` in `locale`, `{{name}}` placeholders filled from `values` as given (plain text, not escaped). */
  t(key: NativeKey, values?: Record<string, string | number>): string;
  /**
   * A phrase from main or the engine (a job error's `phrase`) in `locale`, or `english` (the
   * `message` it came with) when there is none or this build has no text for one of its codes.
   */
  phrase(p: Phrase | undefined, english: string): string;
  /**
   * Applies the language setting (`appearance.language`); `system` asks `systemLanguages` each time.
   * Listeners hear only a change of language, not every call.
   */
  apply(setting: Language): void;
  /** Calls `listener` with the new language after each change; returns the unsubscribe function. */
  onChange(listener: (locale: Locale) => void): () => void;
}

/**
 * A `NativeText` on its own i18next instance, resources bundled so it is ready at once (no
 * backend, no I/O). `systemLanguages` are the OS's preferred languages, BCP 47, most preferred
 * first (Electron: `app.getPreferredSystemLanguages()` then `app.getLocale()`), read on `apply('system')`.
 */
export function createNativeText(systemLanguages: () => readonly string[]): NativeText {
  const i18n = i18next.createInstance();
  void i18n.init({
    resources: nativeResources,
    lng: 'en',
    fallbackLng: 'en',
    ns: ['native', 'messages'],
    defaultNS: 'native',
    // Plain text for the OS; the error page escapes what it puts in HTML itself.
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  });
  // i18next's compile-time keys are the renderer's (src/renderer/i18n/i18next.d.ts); `NativeKey`
  // checks ours, so the fixed translators (default namespace `native`) are typed loosely here.
  type Translate = (key: string, values?: object) => string;
  const translators: Record<Locale, Translate> = { en: i18n.getFixedT('en') as Translate, 'zh-CN': i18n.getFixedT('zh-CN') as Translate };
  const listeners = new Set<(locale: Locale) => void>();
  let locale: Locale = 'en';
  const messageText = (code: string, values: Record<string, string | number>): string | undefined => {
    const key = `messages:${code}`;
    return i18n.exists(key, { lng: locale }) ? translators[locale](key, values) : undefined;
  };

  return {
    get locale() {
      return locale;
    },
    t: (key, values) => translators[locale](key, values),
    phrase: (p, english) => (p && renderPhrase(p, messageText)) ?? english,
    apply(setting) {
      const next = resolveLocale(setting, setting === 'system' ? systemLanguages() : []);
      if (next === locale) return;
      locale = next;
      for (const listener of listeners) listener(locale);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
