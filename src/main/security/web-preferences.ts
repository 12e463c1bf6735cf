/**
 * The security baseline for every renderer we create, as plain data so it can be tested without
 * Electron. The shape matches Electron's `WebPreferences` for the keys we set (Electron security
 * checklist: https://www.electronjs.org/docs/latest/tutorial/security).
 */
export interface SecureWebPreferences {
  /** Absolute path of the bundled preload (`out/preload/index.cjs`). */
  preload: string;
  sandbox: true;
  contextIsolation: true;
  nodeIntegration: false;
  nodeIntegrationInWorker: false;
  nodeIntegrationInSubFrames: false;
  webSecurity: true;
  allowRunningInsecureContent: false;
  webviewTag: false;
  experimentalFeatures: false;
  navigateOnDragDrop: false;
  safeDialogs: true;
  spellcheck: false;
}

/** The values a renderer must have; any other value for these keys is a violation. */
const REQUIRED = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
} as const;

/** Keys that must be absent: they switch on Blink features or inject scripts we did not review. */
const FORBIDDEN_KEYS = ['enableBlinkFeatures', 'preloadURL'] as const;

/** The secure `webPreferences` for the Studio window, with `preloadPath` (absolute) as its preload. */
export function secureWebPreferences(preloadPath: string): SecureWebPreferences {
  return {
    preload: preloadPath,
    ...REQUIRED,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // The spellchecker downloads dictionaries from Google's CDN; prompts do not need it.
    spellcheck: false,
  };
}

/**
 * Lists what is unsafe in a `webPreferences`-like object: every required key with another value
 * (a missing key counts, since some Electron defaults are unsafe in older versions) and every
 * forbidden key present. An empty list means the object meets the baseline.
 */
export function webPreferencesViolations(prefs: Readonly<Record<string, unknown>>): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(REQUIRED)) if (prefs[key] !== value) out.push(key);
  for (const key of FORBIDDEN_KEYS) if (prefs[key] !== undefined) out.push(key);
  return out;
}

/**
 * For `will-attach-webview`: rewrites the guest's preferences in place to the baseline and drops
 * any preload, so that even if attaching were ever allowed the guest would get no Node and no
 * script of the page's choosing. The Studio never uses `<webview>`, so the host also cancels the
 * attach; this is the second line of defence.
 */
export function hardenWebviewPreferences(prefs: Record<string, unknown>): void {
  delete prefs.preload;
  for (const key of FORBIDDEN_KEYS) delete prefs[key];
  Object.assign(prefs, REQUIRED);
}
