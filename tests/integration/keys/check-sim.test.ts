import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, simulatorEnv, type SimulatorHandle } from '../../../tools/provider-sim/index';
import { createKeyChecker } from '../../../src/main/keys/check';
import { adapterFor, baseUrlsFromEnv } from '../../../src/main/providers/registry';
import { ProviderId } from '../../../src/shared/catalog/types';

/**
 * Key checks with the real adapters against the provider simulator, which accepts one key per
 * provider and answers the others as each provider does. The simulator counts tasks, so the
 * check can be shown to start none.
 */
const stamp = Date.now().toString(36);
const KEYS: Record<ProviderId, string> = {
  novita: `sk_novita_${stamp}_1234abcd`,
  fal: `falid_${stamp}:falsecret_${stamp}`,
  evolink: `sk-evolink-${stamp}-5678efgh`,
  ark: `ark-${stamp}-90ijklmn`,
};

let dir: string;
let sim: SimulatorHandle;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'keys-sim-'));
  sim = await startSimulator({ dataDir: dir, keys: KEYS });
});
afterAll(async () => {
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('checkKey with the real adapters against the provider simulator', () => {
  for (const provider of ProviderId.options) {
    it(`${provider}: valid for the accepted key, rejected for another, and no task started`, async () => {
      const env = simulatorEnv(sim.url);
      const check = (key: string) =>
        createKeyChecker({ keyFor: () => key, adapterFor, baseUrls: (p) => baseUrlsFromEnv(p, env) })(provider);
      sim.resetStats();
      expect(await check(KEYS[provider])).toEqual({ result: 'valid' });
      const refused = await check(`${KEYS[provider]}-wrong`);
      expect(refused.result).toBe('rejected');
      expect(refused.message).toBeTruthy();
      expect(refused.message).not.toContain(KEYS[provider]);
      const stats = sim.stats();
      expect(stats.byProvider[provider]).toBe(2);
      expect(stats.byRoute.submit ?? 0).toBe(0);
    });
  }
});
