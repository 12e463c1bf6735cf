import { existsSync } from 'node:fs';
import { test as base, expect, type Page } from '@playwright/test';
import { chromium } from 'playwright-core';
import { DEMO_INTRO_KEY } from '../../src/renderer/shell/demo-intro-key';
import { startHarness, type RunningHarness } from './harness-process';

/**
 * Chromium to test with: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`, else Playwright's own
 * browser (undefined lets playwright-core find it, if installed).
 */
export function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** Flags for a quiet, deterministic browser in containers: no sandbox (root), GPU or background traffic. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

interface Options {
  /**
   * The first run's demo explanation was dismissed before (default): tests about other things
   * start as a returning user; `test.use({ demoIntroSeen: false })` starts as a first run.
   */
  demoIntroSeen: boolean;
}

interface Fixtures {
  /** A harness of this test's own, with its own data folder. */
  harness: RunningHarness;
  /** A page with the app loaded and ready (`data-app-state="ready"`). */
  app: Page;
}

export const test = base.extend<Fixtures & Options>({
  demoIntroSeen: [true, { option: true }],
  context: async ({ context, demoIntroSeen }, use) => {
    if (demoIntroSeen) await context.addInitScript((key) => localStorage.setItem(key, '1'), DEMO_INTRO_KEY);
    await use(context);
  },
  // Replaces Playwright's browser with the system Chromium; contexts and pages keep the config's `use` options.
  browser: [
    // Playwright reads fixture dependencies from the destructuring pattern, so it must be there even when empty.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  // eslint-disable-next-line no-empty-pattern -- see `browser` above
  harness: async ({}, use) => {
    const harness = await startHarness();
    await use(harness);
    await harness.stop();
  },
  app: async ({ page, harness }, use) => {
    await page.goto(harness.url);
    await page.locator('html[data-app-state="ready"]').waitFor();
    await use(page);
  },
});

export { expect };

/** The views in rail order with their shortcut digit. */
export const VIEWS = [
  { name: 'Compose', key: '1' },
  { name: 'Queue', key: '2' },
  { name: 'Library', key: '3' },
  { name: 'Spend', key: '4' },
  { name: 'Settings', key: '5' },
] as const;
