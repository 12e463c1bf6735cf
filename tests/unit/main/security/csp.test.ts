import { describe, expect, it } from 'vitest';
import { buildCsp, injectCspNonce, newCspNonce } from '../../../../src/main/security/csp';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('buildCsp', () => {
  it('is strict in production', () => {
    const d = directives(buildCsp());
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('style-src')).toEqual(["'self'"]);
    expect(d.get('img-src')).toEqual(["'self'", 'media:', 'data:', 'blob:']);
    expect(d.get('media-src')).toEqual(["'self'", 'media:']);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('font-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(buildCsp()).not.toMatch(/unsafe-(inline|eval)/);
  });

  it('adds the harness WebSocket to connect-src only', () => {
    const csp = buildCsp({ connectSrc: ['ws://127.0.0.1:4711'] });
    const d = directives(csp);
    expect(d.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:4711']);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(csp).not.toMatch(/unsafe/);
  });

  it('allows inline styles only when asked', () => {
    expect(directives(buildCsp({ inlineStyles: true })).get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives(buildCsp({ inlineStyles: true })).get('script-src')).toEqual(["'self'"]);
  });

  it('relaxes scripts for the dev server and nothing else', () => {
    const d = directives(buildCsp({ devServer: 'http://localhost:5173' }));
    expect(d.get('script-src')).toEqual(["'self'", 'http://localhost:5173', "'unsafe-inline'"]);
    expect(d.get('connect-src')).toEqual(["'self'", 'http://localhost:5173', 'ws://localhost:5173']);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('script-src')).not.toContain("'unsafe-eval'");
  });
});

describe('style nonce', () => {
  it('allows <style> elements with this load\'s nonce, and still no inline styles', () => {
    const nonce = newCspNonce();
    const d = directives(buildCsp({ styleNonce: nonce }));
    expect(d.get('style-src')).toEqual(["'self'", `'nonce-${nonce}'`]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(buildCsp({ styleNonce: nonce })).not.toMatch(/unsafe/);
  });

  it('makes a fresh 128-bit base64 nonce each time', () => {
    const nonces = Array.from({ length: 100 }, newCspNonce);
    expect(new Set(nonces).size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, 'base64')).toHaveLength(16);
  });

  it.each([
    ['<!doctype html><html><head><title>x</title></head></html>', '<head>\n    <meta property="csp-nonce" nonce="abc=" /><title>'],
    ['<HTML><HEAD lang="en"><meta charset="utf-8"></HEAD></HTML>', '<HEAD lang="en">\n    <meta property="csp-nonce" nonce="abc=" /><meta charset'],
  ])('puts the nonce first in the head of %s', (html, expected) => {
    expect(injectCspNonce(html, 'abc=')).toContain(expected);
  });

  it.each([
    ['a nonce that is not base64', '<head></head>', 'abc" onload="x'],
    ['a page without a head', '<body></body>', 'abc='],
    ['an empty nonce', '<head></head>', ''],
  ])('refuses %s', (_what, html, nonce) => {
    expect(() => injectCspNonce(html, nonce)).toThrow();
  });
});
