import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../../src/main/settings/defaults';
import { effectiveBaseUrls } from '../../../../src/main/settings/base-urls';

describe('effective base URLs', () => {
  const settings = defaultSettings('/tmp/library');

  it('use the providers’ real hosts by default', () => {
    expect(effectiveBaseUrls(settings, {}, 'novita')).toEqual({ api: 'https://api.novita.ai' });
    expect(effectiveBaseUrls(settings, {}, 'fal')).toEqual({ api: 'https://queue.fal.run', files: 'https://rest.fal.ai' });
  });

  it('take the environment over the default, and the setting over both (api role only)', () => {
    const env = { FAL_QUEUE_BASE_URL: 'http://127.0.0.1:7001/', FAL_REST_BASE_URL: 'http://127.0.0.1:7002' };
    expect(effectiveBaseUrls(settings, env, 'fal')).toEqual({ api: 'http://127.0.0.1:7001', files: 'http://127.0.0.1:7002' });
    const overridden = structuredClone(settings);
    overridden.providers.fal.baseUrl = 'https://proxy.example.com/fal';
    expect(effectiveBaseUrls(overridden, env, 'fal')).toEqual({ api: 'https://proxy.example.com/fal', files: 'http://127.0.0.1:7002' });
    expect(effectiveBaseUrls(overridden, env, 'novita')).toEqual({ api: 'https://api.novita.ai' });
  });
});
