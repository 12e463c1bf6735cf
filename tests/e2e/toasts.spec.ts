import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { makeClipVideo, seedClip } from './library-seed';

let video: string;
test.beforeAll(() => {
  video = makeClipVideo();
});

const card = (page: Page, text: string) => page.getByRole('gridcell', { name: new RegExp(text) });

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('no box');
  return b;
}

/** Deletes the open clip, then reopens nothing: the grid is back with the clip gone. */
async function deleteClip(page: Page, text: string): Promise<void> {
  await card(page, text).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(text) })).toBeVisible();
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.locator('.library-toast')).toContainText('Moved to the trash');
  await expect(card(page, text)).toHaveCount(0);
}

test('Undo sits beside a "Video ready" toast, not under it; Ctrl+Z undoes the last delete', async ({ app: page, harness }) => {
  test.setTimeout(120_000);
  await seedClip(harness, { videoPath: video, prompt: 'A heron wades through the shallows at dusk', modelId: 'novita/seedance-v1-pro-t2v' });
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Library' }).click();
  await expect(card(page, 'heron')).toBeVisible();

  // A demo job through the app's own API; its end brings a "Video ready" toast.
  await page.evaluate(() =>
    window.studio.jobs.submit({
      params: { modelId: 'fal/fal-ai/bytedance/seedance/v1.5/pro/text-to-video', prompt: 'Fog rolls over a pine ridge', resolution: '480p', aspectRatio: '16:9', duration: 5 },
    }),
  );
  const ready = page.locator('.job-toast').filter({ hasText: 'Video ready' });
  await expect(ready).toBeVisible({ timeout: 90_000 });
  // Held while focus is in it, so it is still up when the Undo toast comes.
  await ready.getByRole('button', { name: 'Open' }).focus();

  await deleteClip(page, 'heron');
  const undoToast = page.locator('.library-toast');
  await expect(ready).toBeVisible();
  // Stacked, not overlapping.
  const a = await box(ready);
  const b = await box(undoToast);
  const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  expect(overlap, 'the toasts overlap').toBe(false);
  // Playwright clicks only what receives the pointer at that point: nothing covers Undo.
  await undoToast.getByRole('button', { name: 'Undo' }).click();
  await expect(undoToast).toContainText('Restored:');
  await expect(card(page, 'heron')).toBeVisible();

  // Ctrl+Z brings back the last delete, even once its toast is gone.
  await deleteClip(page, 'heron');
  await undoToast.getByRole('button', { name: 'Dismiss' }).click();
  await expect(undoToast).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.library-toast')).toContainText('Restored:');
  await expect(card(page, 'heron')).toBeVisible();
});
