import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { seedClip } from './library-seed';
import { makeTestVideo } from '../fixtures/videos';

// Seedance 2.5's 1080p output is HEVC Main 10 (seedance-2.5.md §2.5), which Chromium does not play
// without a hardware decoder. Filed like the engine files it (the seed hook makes the H.264 preview
// first), the clip plays in the Library player; its own file stays the HEVC original.
test('a 10-bit HEVC clip plays in the Library player through its H.264 preview', async ({ page, harness }) => {
  const videoPath = makeTestVideo(mkdtempSync(join(tmpdir(), 'seedance-e2e-hevc-')), 'hevc10', { width: 640, height: 360, seconds: 2 });
  await seedClip(harness, { videoPath, prompt: 'A lighthouse at dusk, waves below, Seedance 2.5 at 1080p', provider: 'ark', modelId: 'ark/dreamina-seedance-2-0-260128' });

  await page.goto(harness.url);
  await page.locator('html[data-app-state="ready"]').waitFor();
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Library' }).click();
  await page.getByRole('gridcell', { name: /A lighthouse at dusk/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: /A lighthouse at dusk/ })).toBeVisible();

  const video = page.locator('.player video');
  // HAVE_CURRENT_DATA or better, and no MediaError: the browser decoded frames.
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => ({ ready: v.readyState >= 2, error: v.error?.code ?? null })), { timeout: 20_000 }).toEqual({ ready: true, error: null });
  await video.evaluate((v: HTMLVideoElement) => v.play());
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 }).toBeGreaterThan(0);
  expect(await video.evaluate((v: HTMLVideoElement) => ({ w: v.videoWidth, h: v.videoHeight }))).toEqual({ w: 640, h: 360 });
});
