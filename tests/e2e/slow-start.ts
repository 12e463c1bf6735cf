import { test as base } from './fixtures';
import { startHarness } from './harness-process';

/**
 * The shared fixtures with a harness that may take up to 90 s to start: these specs run long
 * scenes on a loaded two-core machine, where the default 30 s start has been missed.
 */
export const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from the pattern
  harness: async ({}, use) => {
    const harness = await startHarness(90_000);
    await use(harness);
    await harness.stop();
  },
});
