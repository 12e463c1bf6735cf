import { nativeTheme } from 'electron';
import type { Theme } from '../../shared/contract/settings';
import type { SettingsStore } from '../settings/store';

/**
 * Keeps Electron's `nativeTheme.themeSource` on the theme setting (`system` | `light` | `dark`,
 * Settings → Appearance): set now from `settings.get()` and again whenever the setting changes, so
 * what Chromium and the OS draw — scrollbars, form controls, native dialogs, the title bar, and the
 * renderer's `prefers-color-scheme` that `system` reads — follows the app's choice, not the OS alone.
 * Returns the unsubscribe function.
 */
export function followThemeSetting(settings: Pick<SettingsStore, 'get' | 'onChange'>): () => void {
  const apply = (theme: Theme) => {
    // Every settings change lands here (keys, polling…): only a different theme touches nativeTheme.
    if (nativeTheme.themeSource !== theme) nativeTheme.themeSource = theme;
  };
  apply(settings.get().appearance.theme);
  return settings.onChange((next) => apply(next.appearance.theme));
}
