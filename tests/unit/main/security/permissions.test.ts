import { describe, expect, it } from 'vitest';
import { isAllowedPermission } from '../../../../src/main/security/permissions';

const APP = 'app://renderer';

describe('isAllowedPermission', () => {
  it.each([
    ['notifications', 'app://renderer', true],
    ['notifications', 'app://renderer/', true],
    ['notifications', 'app://renderer.evil', false],
    ['notifications', 'https://fal.ai', false],
    ['notifications', '', false],
    ['media', 'app://renderer', false],
    ['geolocation', 'app://renderer', false],
    ['clipboard-read', 'app://renderer', false],
    ['clipboard-sanitized-write', 'app://renderer', false],
    ['openExternal', 'app://renderer', false],
    ['fullscreen', 'app://renderer', false],
    ['Notifications', 'app://renderer', false],
  ])('%s from %s → %s', (permission, origin, allowed) => {
    expect(isAllowedPermission(permission, origin, APP)).toBe(allowed);
  });
});
