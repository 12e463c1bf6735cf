import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDemoProviders, type DemoProviders } from '../../../src/main/demo/demo-providers';
import { DEMO_KEYS } from '../../../src/main/demo/provider/server';
import { createMemoryLogger } from '../../../src/main/logging/logger';
import { ProviderError } from '../../../src/main/providers/types';

const REAL_API = 'https://api.novita.ai';
let made: { demo: DemoProviders; dir: string } | undefined;

afterEach(async () => {
  await made?.demo.dispose();
  if (made) await rm(made.dir, { recursive: true, force: true });
  made = undefined;
});

async function open(opts: { demoMode: boolean; realKey?: string }): Promise<DemoProviders> {
  const dir = await mkdtemp(join(tmpdir(), 'demo-providers-'));
  const demo = createDemoProviders({
    dataDir: dir,
    env: {},
    log: createMemoryLogger(),
    isDemo: () => opts.demoMode,
    keyFor: () => opts.realKey,
    baseUrls: () => ({ api: REAL_API }),
  });
  made = { demo, dir };
  return demo;
}

describe('demo routing', () => {
  it('with a real key, new work goes to the real provider; a call routed demo still reaches only the local demo server', async () => {
    const demo = await open({ demoMode: false, realKey: 'sk-real-key' });
    expect(demo.currentRoute()).toBe('provider');
    const real = await demo.context('novita');
    expect(real).toMatchObject({ apiKey: 'sk-real-key', baseUrls: { api: REAL_API } });

    // A job sent in demo mode keeps its route after a key is saved: its polls must not reach the real host.
    const routed = await demo.context('novita', 'demo');
    expect(routed.apiKey).toBe(DEMO_KEYS.novita);
    expect(routed.baseUrls.api).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/novita$/);
    const health = await fetch(new URL('/_sim/health', routed.baseUrls.api));
    expect(await health.json()).toEqual({ ok: true });
  });

  it('without a key, new work goes to the demo; a call routed real fails as auth before anything is sent', async () => {
    const demo = await open({ demoMode: true });
    expect(demo.currentRoute()).toBe('demo');
    expect((await demo.context('fal')).apiKey).toBe(DEMO_KEYS.fal);
    const err = await demo.context('fal', 'provider').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect((err as ProviderError).failure).toMatchObject({ kind: 'auth', retryable: false });
  });
});
