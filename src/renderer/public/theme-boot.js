// Applies the theme before the first paint (issue 14: a light/dark/system setting, no flash at
// start). A classic script in <head>, so it blocks rendering; the strict CSP allows it ('self').
// The setting lives in main (settings.appearance.theme); src/renderer/shell/theme.ts mirrors it
// into localStorage under THEME_KEY, which is all this script can read this early.
// Sets <html data-theme="light|dark">; with "system" (or nothing stored), follows the OS and keeps
// following it while the window is open.
(function () {
  var KEY = 'seedance.theme';
  var query = window.matchMedia('(prefers-color-scheme: dark)');
  function apply() {
    var pref = null;
    try {
      pref = window.localStorage.getItem(KEY);
    } catch (err) {
      // Storage can be off (a private window): the system decides.
    }
    var dark = pref === 'dark' || (pref !== 'light' && query.matches);
    document.documentElement.setAttribute('data-theme', dark ? 'dark' : 'light');
  }
  apply();
  query.addEventListener('change', apply);
})();
