import type { Theme } from '../../shared/contract/settings';

/** Where the theme is mirrored for `public/theme-boot.js`, which applies it before the first paint. */
export const THEME_KEY = 'seedance.theme';

/**
 * Applies the theme setting now and for the next start: mirrors it into localStorage (read by
 * `theme-boot.js` before the first paint, and by its listener when the system's light/dark changes)
 * and sets `<html data-theme>` to `light` or `dark` (`system`: what the OS prefers now). The styles
 * key every dark colour off `data-theme="dark"`.
 */
export function applyTheme(theme: Theme): void {
  try {
    localStorage.setItem(THEME_KEY, theme);
  } catch {
    // Storage off: this session still gets the theme; the next start follows the system until the setting arrives.
  }
  const dark = theme === 'dark' || (theme === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
}
