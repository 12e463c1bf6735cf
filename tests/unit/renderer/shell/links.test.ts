import { describe, expect, it } from 'vitest';
import { classifyLink } from '../../../../src/renderer/shell/links';

describe('classifyLink', () => {
  const current = 'http://127.0.0.1:4711/?t=abc';

  it.each([
    ['#main', 'in-app'],
    ['http://127.0.0.1:4711/?t=abc#main', 'in-app'],
    ['https://novita.ai', 'external'],
    ['http://fal.ai/docs', 'external'],
    ['https://127.0.0.1:4711/', 'external'],
    ['/', 'blocked'],
    ['/?t=abc', 'blocked'],
    ['other.html', 'blocked'],
    ['http://127.0.0.1:4711/media/x', 'blocked'],
    ['javascript:alert(1)', 'blocked'],
    ['file:///etc/passwd', 'blocked'],
    ['data:text/html,<b>x</b>', 'blocked'],
    ['mailto:someone@example.com', 'blocked'],
    ['smb://host/share', 'blocked'],
    ['http://[bad', 'blocked'],
  ])('%s → %s', (href, expected) => {
    expect(classifyLink(href, current)).toBe(expected);
  });

  it('works for the app:// origin of the Electron build', () => {
    expect(classifyLink('#x', 'app://renderer/index.html')).toBe('in-app');
    expect(classifyLink('app://renderer/other.html', 'app://renderer/index.html')).toBe('blocked');
    expect(classifyLink('app://renderer.evil/x', 'app://renderer/index.html')).toBe('blocked');
    expect(classifyLink('https://evolink.ai', 'app://renderer/index.html')).toBe('external');
  });
});
