import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../../../src/main/security/external-links';

describe('isAllowedExternalUrl', () => {
  it.each([
    ['https://novita.ai/settings/key-management', true],
    ['https://fal.ai/dashboard/keys', true],
    ['https://docs.fal.ai/model-apis', true],
    ['https://evolink.ai/dashboard', true],
    ['https://docs.byteplus.com/en/docs/ModelArk', true],
    ['https://console.byteplus.com/ark', true],
    ['https://www.byteplus.com/', true],
    ['http://novita.ai/', true],
    ['HTTPS://FAL.AI/dashboard', true],
    ['https://evilfal.ai/', false],
    ['https://fal.ai.evil.com/', false],
    ['https://novita.ai@evil.com/', false],
    ['https://user:pw@fal.ai/', false],
    ['https://fal.ai:8443/', false],
    ['https://evil.com/?u=https://fal.ai/', false],
    ['https://evil.com/#fal.ai', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)//fal.ai', false],
    ['ftp://fal.ai/', false],
    ['smb://fal.ai/share', false],
    ['app://renderer/index.html', false],
    ['data:text/html,hi', false],
    ['//fal.ai/', false],
    ['fal.ai', false],
    ['', false],
    [`https://fal.ai/${'a'.repeat(2100)}`, false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed);
  });
});
