import { describe, expect, it } from 'vitest';
import { adapterFor, baseUrlsFromEnv, keyFromEnv } from '../../../../src/main/providers/registry';

describe('registry', () => {
  it('returns the adapter for each provider', () => {
    for (const id of ['novita', 'fal', 'evolink', 'ark'] as const) expect(adapterFor(id).id).toBe(id);
    expect(adapterFor('fal').cancel).toBe('queued-only');
    expect(adapterFor('novita').cancel).toBe('none');
  });

  it('defaults to the real hosts', () => {
    expect(baseUrlsFromEnv('novita', {})).toEqual({ api: 'https://api.novita.ai' });
    expect(baseUrlsFromEnv('fal', {})).toEqual({ api: 'https://queue.fal.run', files: 'https://rest.fal.ai' });
    expect(baseUrlsFromEnv('evolink', {})).toEqual({ api: 'https://api.evolink.ai', files: 'https://files-api.evolink.ai' });
    expect(baseUrlsFromEnv('ark', {})).toEqual({ api: 'https://ark.ap-southeast.bytepluses.com/api/v3' });
  });

  it('reads overrides from the environment, without trailing slashes', () => {
    const env = {
      NOVITA_BASE_URL: 'http://127.0.0.1:9001/',
      FAL_QUEUE_BASE_URL: 'http://127.0.0.1:9002',
      FAL_REST_BASE_URL: 'http://127.0.0.1:9003//',
      EVOLINK_BASE_URL: 'http://127.0.0.1:9004',
      EVOLINK_FILES_BASE_URL: 'http://127.0.0.1:9005',
      ARK_BASE_URL: 'http://127.0.0.1:9006/api/v3/',
    };
    expect(baseUrlsFromEnv('novita', env)).toEqual({ api: 'http://127.0.0.1:9001' });
    expect(baseUrlsFromEnv('fal', env)).toEqual({ api: 'http://127.0.0.1:9002', files: 'http://127.0.0.1:9003' });
    expect(baseUrlsFromEnv('evolink', env)).toEqual({ api: 'http://127.0.0.1:9004', files: 'http://127.0.0.1:9005' });
    expect(baseUrlsFromEnv('ark', env)).toEqual({ api: 'http://127.0.0.1:9006/api/v3' });
    expect(baseUrlsFromEnv('novita', { NOVITA_BASE_URL: '  ' })).toEqual({ api: 'https://api.novita.ai' });
  });

  it('reads keys from the documented variables', () => {
    const env = { NOVITA_API_KEY: 'n-key', FAL_KEY: ' f-key ', EVOLINK_API_KEY: '', ARK_API_KEY: 'a-key' };
    expect(keyFromEnv('novita', env)).toBe('n-key');
    expect(keyFromEnv('fal', env)).toBe('f-key');
    expect(keyFromEnv('evolink', env)).toBeUndefined();
    expect(keyFromEnv('ark', env)).toBe('a-key');
  });
});
