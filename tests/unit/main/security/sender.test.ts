import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../../src/main/security/sender';

const APP = 'app://renderer';

describe('isTrustedSender', () => {
  it.each([
    [{ frameUrl: 'app://renderer/index.html', isMainFrame: true }, true],
    [{ frameUrl: 'app://renderer/index.html#/queue', isMainFrame: true }, true],
    [{ frameUrl: 'app://renderer/index.html', isMainFrame: false }, false],
    [{ frameUrl: 'app://renderer.evil/index.html', isMainFrame: true }, false],
    [{ frameUrl: 'app://renderer-evil/index.html', isMainFrame: true }, false],
    [{ frameUrl: 'app://rendererevil/', isMainFrame: true }, false],
    [{ frameUrl: 'app://x@renderer/', isMainFrame: true }, false],
    [{ frameUrl: 'https://renderer/index.html', isMainFrame: true }, false],
    [{ frameUrl: 'file:///app/out/renderer/index.html', isMainFrame: true }, false],
    [{ frameUrl: 'about:blank', isMainFrame: true }, false],
    [{ frameUrl: '', isMainFrame: true }, false],
    [{ frameUrl: null, isMainFrame: true }, false],
    [{ frameUrl: undefined, isMainFrame: true }, false],
  ])('%o → %s', (sender, trusted) => {
    expect(isTrustedSender(sender, APP)).toBe(trusted);
  });
});
