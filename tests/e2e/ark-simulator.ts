import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, TestType } from '@playwright/test';
import { startSimulator, type SimulatorHandle } from '../../tools/provider-sim/index';

/** The ModelArk key the simulator accepts in these tests (never a real key). */
export const ARK_KEY = 'sk-ARKTEST-0123456789abcdef';

/**
 * Starts a provider simulator that knows `ARK_KEY` before each test of the enclosing describe (its
 * data in a temp folder named `seedance-e2e-<name>-…`, clock ×5) and removes it after; returns a
 * getter for the running one.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Playwright test type (fixtures differ per spec)
export function useArkSimulator(test: TestType<any, any>, name: string): () => SimulatorHandle {
  let sim: SimulatorHandle | undefined;
  let dir = '';
  test.beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), `seedance-e2e-${name}-`));
    sim = await startSimulator({ dataDir: dir, keys: { ark: ARK_KEY }, timeScale: 0.2 });
  });
  test.afterEach(async () => {
    await sim?.close();
    sim = undefined;
    rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!sim) throw new Error('the simulator runs only inside a test');
    return sim;
  };
}

/**
 * Points ModelArk at `sim` and stores `ARK_KEY` for the session through the app's own API, so jobs
 * take the real, billed route (the demo never bills); with `budgetUsd`, sets the monthly budget too.
 * Throws with the app's message when any call is refused.
 */
export async function connectArk(page: Page, sim: SimulatorHandle, budgetUsd?: number): Promise<void> {
  await page.evaluate(
    async ({ key, url, budget }) => {
      const s = await window.studio.settings.update({ patch: { providers: { ark: { baseUrl: url } } } });
      if (!s.ok) throw new Error(s.error.message);
      const k = await window.studio.keys.set({ provider: 'ark', key, storage: 'session' });
      if (!k.ok) throw new Error(k.error.message);
      if (budget === null) return;
      const b = await window.studio.spend.setBudget({ budgetUsd: budget });
      if (!b.ok) throw new Error(b.error.message);
    },
    { key: ARK_KEY, url: `${sim.url}/ark/api/v3`, budget: budgetUsd ?? null },
  );
}
