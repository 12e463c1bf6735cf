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

  it('send the files role to the user\'s Base URL when no variable names one, so the key never reaches the real storage host', () => {
    const overridden = structuredClone(settings);
    overridden.providers.fal.baseUrl = 'http://127.0.0.1:7001';
    overridden.providers.evolink.baseUrl = 'https://proxy.example.com/evolink';
    expect(effectiveBaseUrls(overridden, {}, 'fal')).toEqual({ api: 'http://127.0.0.1:7001', files: 'http://127.0.0.1:7001' });
    expect(effectiveBaseUrls(overridden, {}, 'evolink')).toEqual({ api: 'https://proxy.example.com/evolink', files: 'https://proxy.example.com/evolink' });
    // A provider without a files role gains none.
    overridden.providers.ark.baseUrl = 'http://127.0.0.1:7003';
    expect(effectiveBaseUrls(overridden, {}, 'ark')).toEqual({ api: 'http://127.0.0.1:7003' });
  });
});
