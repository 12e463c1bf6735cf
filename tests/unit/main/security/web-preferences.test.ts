import { describe, expect, it } from 'vitest';
import {
  hardenWebviewPreferences,
  secureWebPreferences,
  webPreferencesViolations,
} from '../../../../src/main/security/web-preferences';

describe('secureWebPreferences', () => {
  it('meets the baseline and carries the preload path', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs');
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
    expect(webPreferencesViolations({ ...prefs })).toEqual([]);
  });
});

describe('webPreferencesViolations', () => {
  const good = { ...secureWebPreferences('/p.cjs') } as Record<string, unknown>;
  it.each([
    ['nodeIntegration', true],
    ['sandbox', false],
    ['contextIsolation', false],
    ['webSecurity', false],
    ['webviewTag', true],
    ['allowRunningInsecureContent', true],
    ['nodeIntegrationInSubFrames', true],
    ['experimentalFeatures', true],
    ['sandbox', undefined],
  ])('flags %s = %s', (key, value) => {
    expect(webPreferencesViolations({ ...good, [key]: value })).toEqual([key]);
  });
  it('flags enableBlinkFeatures and preloadURL', () => {
    expect(webPreferencesViolations({ ...good, enableBlinkFeatures: 'X', preloadURL: 'file:///x.js' })).toEqual([
      'enableBlinkFeatures',
      'preloadURL',
    ]);
  });
});

describe('hardenWebviewPreferences', () => {
  it('strips preloads and forces the baseline on a hostile webview', () => {
    const prefs: Record<string, unknown> = {
      preload: '/tmp/evil.js',
      preloadURL: 'file:///tmp/evil.js',
      nodeIntegration: true,
      contextIsolation: false,
      sandbox: false,
      webSecurity: false,
      enableBlinkFeatures: 'CSSBackdropFilter',
    };
    hardenWebviewPreferences(prefs);
    expect(prefs.preload).toBeUndefined();
    expect(prefs.preloadURL).toBeUndefined();
    expect(webPreferencesViolations(prefs)).toEqual([]);
  });
});
