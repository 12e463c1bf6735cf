import { describe, expect, it } from 'vitest';
import { createToken, isOwnHost, isOwnOrigin, tokenMatches } from '../../../src/harness/access';

describe('createToken', () => {
  it('is 32 lowercase hex chars and differs every run', () => {
    const a = createToken();
    const b = createToken();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(a).not.toBe(b);
  });
});

describe('tokenMatches', () => {
  const token = 'a'.repeat(32);
  it.each([
    [token, true],
    ['a'.repeat(31), false],
    ['a'.repeat(33), false],
    [`${'a'.repeat(31)}b`, false],
    ['', false],
    [null, false],
    [undefined, false],
  ])('%s → %s', (given, expected) => {
    expect(tokenMatches(given, token)).toBe(expected);
  });
});

describe('isOwnHost (DNS rebinding guard)', () => {
  it.each([
    ['127.0.0.1:4711', true],
    ['127.0.0.1:4712', false],
    ['localhost:4711', false],
    ['evil.example:4711', false],
    ['127.0.0.1', false],
    [undefined, false],
  ])('%s → %s', (host, expected) => {
    expect(isOwnHost(host, 4711)).toBe(expected);
  });
});

describe('isOwnOrigin', () => {
  it.each([
    ['http://127.0.0.1:4711', true],
    ['http://127.0.0.1:4711/', false],
    ['https://127.0.0.1:4711', false],
    ['http://localhost:4711', false],
    ['http://127.0.0.1:47110', false],
    ['null', false],
    [undefined, false],
  ])('%s → %s', (origin, expected) => {
    expect(isOwnOrigin(origin, 4711)).toBe(expected);
  });
});
