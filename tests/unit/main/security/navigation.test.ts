import { describe, expect, it } from 'vitest';
import { isAllowedNavigation } from '../../../../src/main/security/navigation';

const APP = 'app://renderer';

describe('isAllowedNavigation', () => {
  it.each([
    ['app://renderer/index.html', true],
    ['app://renderer/', true],
    ['app://renderer/index.html#/library?x=1', true],
    ['app://renderer.evil/index.html', false],
    ['app://rendererx/index.html', false],
    ['app://evil/app://renderer/', false],
    ['app://user:pw@renderer/index.html', false],
    ['APP://RENDERER/index.html', true],
    ['app://renderer:8080/index.html', false],
    ['media://clip/abc', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>1</script>', false],
    ['https://fal.ai/', false],
    ['about:blank', false],
    ['not a url', false],
    ['', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedNavigation(url, APP)).toBe(allowed);
  });

  it('allows only the dev server origin under electron-vite dev', () => {
    const dev = 'http://localhost:5173';
    expect(isAllowedNavigation('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/', dev)).toBe(false);
    expect(isAllowedNavigation('http://localhost.evil.com:5173/', dev)).toBe(false);
    expect(isAllowedNavigation('https://localhost:5173/', dev)).toBe(false);
    expect(isAllowedNavigation('app://renderer/index.html', dev)).toBe(false);
  });
});
