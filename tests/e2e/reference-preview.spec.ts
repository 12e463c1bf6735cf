import type { Page } from '@playwright/test';
import { findModel } from '../../src/shared/catalog/models';
import { expect, test } from './fixtures';
import { makeVideo } from './reference-media';

/**
 * Issue 13: a video reference plays on hover in Compose's tray — muted, looping, stopped on leave,
 * played on keyboard focus too, and not at all with prefers-reduced-motion. The renderer gets the
 * video only as main's registered media URL (byte ranges), never a path. A real MP4 made by ffmpeg.
 */
const ROW = findModel('evolink/seedance-2.0-reference-to-video')!;
const tray = (page: Page) => page.getByRole('region', { name: 'References' });
const tile = (page: Page) => tray(page).getByRole('listitem', { name: 'Reference video 1, walk-preview.mp4, @video1' });

async function addVideo(page: Page): Promise<void> {
  await page.getByRole('combobox', { name: 'Model' }).click();
  await page.getByRole('group', { name: 'EvoLink' }).getByRole('option', { name: ROW.name, exact: true }).click();
  await page.getByLabel('Choose reference images, videos or audio').setInputFiles([makeVideo({ seconds: 3, width: 1280, height: 720, fps: 24, name: 'walk-preview.mp4' })]);
  // The poster first: the tile is ready.
  await expect(tile(page).locator('.ref-thumb img')).toHaveCount(1, { timeout: 30_000 });
}

test('hovering or focusing a video reference plays it muted from a media URL; leaving stops it', async ({ app: page }) => {
  await addVideo(page);
  const preview = tile(page).locator('video');
  await expect(preview).toHaveCount(0);

  await tile(page).hover();
  await expect(preview).toHaveCount(1);
  await expect.poll(() => preview.evaluate((v: HTMLVideoElement) => v.muted && v.loop && !v.paused && v.currentTime > 0), { timeout: 15_000 }).toBe(true);
  const src = await preview.getAttribute('src');
  expect(src).toMatch(/^\/media\/[0-9a-f]{32}\?t=/);
  expect(src).not.toContain('walk-preview');
  await page.mouse.move(0, 0);
  await expect(preview).toHaveCount(0);

  // Keyboard focus plays it too; focus leaving the tile stops it.
  await tile(page).focus();
  await expect(preview).toHaveCount(1);
  await expect.poll(() => preview.evaluate((v: HTMLVideoElement) => !v.paused && v.currentTime > 0), { timeout: 15_000 }).toBe(true);
  await page.getByRole('textbox', { name: /Prompt/ }).focus();
  await expect(preview).toHaveCount(0);
});

test('with prefers-reduced-motion a video reference does not play on its own', async ({ app: page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await addVideo(page);
  await tile(page).hover();
  await tile(page).focus();
  // The poster stays; no player is made.
  await page.waitForTimeout(500);
  await expect(tile(page).locator('video')).toHaveCount(0);
  await expect(tile(page).locator('.ref-thumb img')).toHaveCount(1);
});
