import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoProviders, type DemoProviders } from '../../../src/main/demo/demo-providers';
import { createLocalDemo, type LocalDemo } from '../../../src/main/demo/local-demo';
import { DEMO_KEYS } from '../../../src/main/demo/provider/server';
import { createMemoryLogger } from '../../../src/main/logging/logger';
import { ProviderError } from '../../../src/main/providers/types';

const REAL_API = 'https://api.novita.ai';
let made: { local: LocalDemo; dir: string } | undefined;

afterEach(async () => {
  await made?.local.dispose();
  if (made) await rm(made.dir, { recursive: true, force: true });
  made = undefined;
});

/** Main's routing and the engine process's local demo, as the two sides of the `context` call. */
async function open(opts: { demoMode: boolean; realKey?: string }): Promise<{ demo: DemoProviders; local: LocalDemo }> {
  const dir = await mkdtemp(join(tmpdir(), 'demo-providers-'));
  const demo = createDemoProviders({ isDemo: () => opts.demoMode, keyFor: () => opts.realKey, baseUrls: () => ({ api: REAL_API }) });
  const local = createLocalDemo({ dataDir: dir, env: {}, log: createMemoryLogger() });
  made = { local, dir };
  return { demo, local };
}

describe('demo routing', () => {
  it('with a real key, new work goes to the real provider; a call routed demo gets no key from main and reaches only the local demo server', async () => {
    const { demo, local } = await open({ demoMode: false, realKey: 'sk-real-key' });
    expect(demo.currentRoute()).toBe('provider');
    const real = await demo.context('novita');
    expect(real).toMatchObject({ route: 'provider', apiKey: 'sk-real-key', baseUrls: { api: REAL_API } });

    // A job sent in demo mode keeps its route after a key is saved: its polls must not reach the real host.
    const answer = await demo.context('novita', 'demo');
    expect(answer).toEqual({ route: 'demo' });
    const routed = await local.resolve('novita', answer);
    expect(routed).toMatchObject({ route: 'demo', apiKey: DEMO_KEYS.novita });
    expect(routed.baseUrls.api).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/novita$/);
    const health = await fetch(new URL('/_sim/health', routed.baseUrls.api));
    expect(await health.json()).toEqual({ ok: true });
    // A provider answer passes through the engine's side untouched.
    expect(await local.resolve('novita', real)).toBe(real);
  });

  it('without a key, new work goes to the demo; a call routed provider fails as auth before anything is sent', async () => {
    const { demo, local } = await open({ demoMode: true });
    expect(demo.currentRoute()).toBe('demo');
    expect((await local.resolve('fal', await demo.context('fal'))).apiKey).toBe(DEMO_KEYS.fal);
    const err = await demo.context('fal', 'provider').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).failure).toMatchObject({ kind: 'auth', retryable: false });
  });
});
