import { describe, expect, it } from 'vitest';
import { createFileGrants } from '../../../../src/main/security/file-grants';

const PHOTO = '/home/someone/Pictures/sunset.jpg';

function tokenFor(grants: ReturnType<typeof createFileGrants>, path: string): string {
  const answer = grants.grant({ path });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data.token;
}

describe('createFileGrants', () => {
  it('answers an opaque token for an absolute path and redeems it for that path, once', () => {
    const grants = createFileGrants();
    const token = tokenFor(grants, PHOTO);
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(token).not.toContain('sunset');
    expect(grants.redeem(token)).toBe(PHOTO);
    expect(grants.redeem(token)).toBeNull();
  });

  it('gives every grant its own token, even for the same file', () => {
    const grants = createFileGrants();
    const a = tokenFor(grants, PHOTO);
    const b = tokenFor(grants, PHOTO);
    expect(a).not.toBe(b);
    expect(grants.redeem(b)).toBe(PHOTO);
    expect(grants.redeem(a)).toBe(PHOTO);
  });

  it.each([
    ['a relative path', { path: 'Pictures/sunset.jpg' }],
    ['a dot path', { path: './sunset.jpg' }],
    ['a file: URL', { path: 'file:///home/someone/Pictures/sunset.jpg' }],
    ['a NUL byte', { path: '/home/someone/a.jpg\0.png' }],
    ['an empty path', { path: '' }],
    ['an overlong path', { path: `/${'a'.repeat(4096)}` }],
    ['a path that is not a string', { path: 42 }],
    ['an extra key', { path: PHOTO, token: 'f'.repeat(32) }],
    ['no object', PHOTO],
    ['nothing', undefined],
  ])('refuses %s with BAD_INPUT and grants nothing', (_what, raw) => {
    const grants = createFileGrants();
    expect(grants.grant(raw)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it.each([
    ['a forged token', 'f'.repeat(32)],
    ['a path', PHOTO],
    ['upper-case hex', 'A'.repeat(32)],
    ['an empty string', ''],
  ])('redeems %s for nothing', (_what, token) => {
    const grants = createFileGrants();
    tokenFor(grants, PHOTO);
    expect(grants.redeem(token)).toBeNull();
  });

  it('keeps the newest grants up to its capacity and drops the oldest', () => {
    const grants = createFileGrants(2);
    const first = tokenFor(grants, '/a/1.jpg');
    const second = tokenFor(grants, '/a/2.jpg');
    const third = tokenFor(grants, '/a/3.jpg');
    expect(grants.redeem(first)).toBeNull();
    expect(grants.redeem(second)).toBe('/a/2.jpg');
    expect(grants.redeem(third)).toBe('/a/3.jpg');
  });
});
