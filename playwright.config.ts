import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests: the browser harness (`src/harness`) serves the built renderer to Chromium.
 * Run `npx electron-vite build` first (`npm run test:e2e` does). One worker: every test starts its
 * own harness and the build machines have two cores.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  // One retry on CI only: a fresh two-core machine under load can miss a timing, and one miss
  // must not sink the whole run. Playwright lists a test that passed on retry as "flaky", so it stays visible.
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results',
  use: {
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
    trace: 'off',
  },
});
