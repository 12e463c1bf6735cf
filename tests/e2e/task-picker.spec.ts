import AxeBuilder from '@axe-core/playwright';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO_PUBLIC_ORIGIN } from '../../src/main/demo/provider/files';
import { findModel } from '../../src/shared/catalog/models';
import { fixture } from '../fixtures/images';
import { expect, test } from './fixtures';
import { makeVideo } from './reference-media';

/**
 * Compose's task picker on a Seedance 2.5 reference row (issue 15 §1): choosing Edit locks the
 * aspect ratio and the duration (seedance-2.5.md §2.2) with the reason in words, a prompt worded
 * as another task is warned about without blocking Generate, and the job sent keeps the locks —
 * in the harness against the demo provider, with a real MP4 made by ffmpeg.
 */
const FAL_25 = findModel('fal/bytedance/seedance-2.5/reference-to-video');
const EVOLINK_EDIT = findModel('evolink/seedance-2.5-video-edit');
test.skip(!FAL_25?.tasks || !EVOLINK_EDIT, 'The catalogue has no Seedance 2.5 rows with tasks yet.');

const tray = (page: Page) => page.getByRole('region', { name: 'References' });
const generate = (page: Page) => page.getByRole('button', { name: /Generate/ });

async function pickModel(page: Page, provider: string, name: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Model' }).click();
  await page.getByRole('group', { name: provider }).getByRole('option', { name, exact: true }).click();
  await expect(page.getByRole('combobox', { name: 'Model' })).toContainText(name);
}

test('Edit on fal 2.5 locks ratio and duration with the reason, warns about "extend" in the prompt, and queues the job with the locks', async ({ app: page }) => {
  test.setTimeout(120_000);
  // 5 s at 854 × 480: an edit's source must last 4–30 s (seedance-2.5.md §2.3).
  const video = makeVideo({ seconds: 5, width: 854, height: 480, fps: 24, name: 'harbour-5s.mp4' });
  await pickModel(page, 'fal', 'Seedance 2.5 · reference to video');

  const task = page.getByRole('group', { name: 'Task' });
  await expect(task.getByRole('radio', { name: 'New clip from references' })).toBeChecked();
  // Before Edit, the ratio and duration are free.
  const ratio = page.getByRole('group', { name: 'Aspect ratio' });
  await expect(ratio.getByRole('radio', { name: '16:9', exact: true })).toBeEnabled();

  await page.getByLabel('Choose reference images, videos or audio').setInputFiles(video);
  const tile = tray(page).getByRole('listitem', { name: 'Reference video 1, harbour-5s.mp4, @video1' });
  await expect(tile).toBeVisible({ timeout: 30_000 });
  await expect(tile.locator('.ref-verdict')).toContainText('Fits', { timeout: 30_000 });

  await task.locator('label.chip', { has: page.getByRole('radio', { name: 'Edit a clip' }) }).click();
  await expect(task.getByRole('radio', { name: 'Edit a clip' })).toBeChecked();
  // The locks: the source's ratio (fal's "auto") and its length (Auto duration), disabled, with the reason.
  await expect(ratio.getByRole('radio', { name: 'auto', exact: true })).toBeChecked();
  await expect(ratio.getByRole('radio', { name: '16:9', exact: true })).toBeDisabled();
  await expect(ratio).toContainText('Edit keeps the source clip’s aspect ratio and length.');
  const auto = page.getByRole('switch', { name: 'Auto duration' });
  await expect(auto).toBeChecked();
  await expect(auto).toBeDisabled();
  await expect(page.getByLabel('Duration', { exact: true })).toHaveCount(0);

  // A prompt that reads as an extension: warned about (the provider would fail it after it starts), not blocked.
  await page.locator('label.chip', { has: page.getByRole('radio', { name: '480p', exact: true }) }).click();
  await page.getByRole('textbox', { name: /Prompt/ }).fill('@video1: extend the harbour scene with a passing sailboat');
  const warning = page.locator('.generate-outcome[data-tone="warning"]');
  await expect(warning).toContainText('The prompt says “extend”, which Seedance reads as an extension of a clip, but this job is set to make an edit');
  await expect(generate(page)).toBeEnabled({ timeout: 30_000 });

  const axe = await new AxeBuilder({ page }).include('.compose').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // Reworded as an edit, the warning goes.
  await page.getByRole('textbox', { name: /Prompt/ }).fill('Edit video @video1: replace the boats with a passing sailboat');
  await expect(warning).toHaveCount(0);
  await generate(page).click();
  await expect(page.locator('.generate-outcome')).toContainText('Queued on Seedance 2.5 · reference to video');

  // The job went out with the task and its locks, and is in the Queue.
  const listed = await page.evaluate(() => window.studio.jobs.list());
  if (!listed.ok) throw new Error('jobs:list failed');
  const job = listed.data.jobs[0];
  expect({ task: job?.params.task, aspectRatio: job?.params.aspectRatio, duration: job?.params.duration }).toEqual({ task: 'edit', aspectRatio: 'auto', duration: -1 });
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Queue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Queue');
  await expect(page.locator('li.job-row').filter({ hasText: 'fal' })).toHaveCount(1);
});

test('A row locked to one task shows the task as text, and the picker is gone', async ({ app: page }) => {
  await pickModel(page, 'EvoLink', EVOLINK_EDIT?.name ?? '');
  const task = page.getByRole('group', { name: 'Task' });
  await expect(task).toContainText('Edit a clip');
  await expect(task.getByRole('radio')).toHaveCount(0);
  await expect(page.getByRole('switch', { name: 'Auto duration' })).toBeDisabled();
  await expect(page.getByRole('group', { name: 'Aspect ratio' })).toContainText('Edit keeps the source clip’s aspect ratio and length.');
});

test('Compose refuses an edit of a 3 s clip and an extension without a clip, each with its plain verdict, and sends nothing', async ({ app: page }) => {
  test.setTimeout(120_000);
  // 3 s: too short to edit (4–30 s), long enough to extend (1.8–30.2 s on fal; seedance-2.5.md §2.3).
  const video = makeVideo({ seconds: 3, width: 854, height: 480, fps: 24, name: 'wave-3s.mp4' });
  await pickModel(page, 'fal', 'Seedance 2.5 · reference to video');
  const task = page.getByRole('group', { name: 'Task' });
  const reason = page.locator('.generate-reason');
  await page.getByRole('textbox', { name: /Prompt/ }).fill('Extend forward: the sunset @image1 fades into night');

  // Extend with a photo but no clip in the tray: the source is missing.
  await task.locator('label.chip', { has: page.getByRole('radio', { name: 'Extend a clip' }) }).click();
  await page.getByLabel('Choose reference images, videos or audio').setInputFiles(fixture('sunset-4272x2848.jpg'));
  await expect(tray(page).getByRole('listitem', { name: /^Reference image 1, .*@image1$/ }).locator('.ref-verdict')).toContainText('Fits', { timeout: 30_000 });
  await expect(reason).toContainText('To extend a clip, Seedance 2.5 · reference to video needs the clip itself as the first reference video.');
  await expect(generate(page)).toBeDisabled();

  // The 3 s clip fits an extension…
  await page.getByLabel('Choose reference images, videos or audio').setInputFiles(video);
  const tile = tray(page).getByRole('listitem', { name: 'Reference video 1, wave-3s.mp4, @video1' });
  await expect(tile.locator('.ref-verdict')).toContainText('Fits', { timeout: 30_000 });
  await expect(generate(page)).toBeEnabled({ timeout: 30_000 });

  // …but not an edit: a verdict on the set (the file itself fits), said at Generate in words.
  await task.locator('label.chip', { has: page.getByRole('radio', { name: 'Edit a clip' }) }).click();
  await page.getByRole('textbox', { name: /Prompt/ }).fill('Edit video @video1: replace the wave with a calm sea');
  const verdict = 'The source clip lasts 3 s: to edit a clip, Seedance 2.5 · reference to video takes a source of 4–30 s.';
  await expect(reason).toContainText(verdict, { timeout: 30_000 });
  await expect(generate(page)).toBeDisabled();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'Generate is blocked' })).toHaveCount(1);

  const listed = await page.evaluate(() => window.studio.jobs.list());
  expect(listed.ok && listed.data.jobs.length).toBe(0);
});

test('ModelArk: an edit of a 3 s clip given by URL, which the app cannot measure, is refused by the provider at once with the plain fix', async ({ app: page, harness }) => {
  test.setTimeout(120_000);
  // ModelArk takes videos only by public URL (the demo's public host reads `<data>/demo-provider/public`).
  const video = makeVideo({ seconds: 3, width: 854, height: 480, fps: 24, name: 'wave-3s.mp4' });
  const published = join(harness.dataDir, 'demo-provider', 'public', 'e2e', 'wave-3s.mp4');
  mkdirSync(dirname(published), { recursive: true });
  copyFileSync(video, published);
  const url = `${DEMO_PUBLIC_ORIGIN}/e2e/wave-3s.mp4`;

  await pickModel(page, 'BytePlus ModelArk', 'Seedance 2.5');
  await page.locator('label.chip', { has: page.getByRole('radio', { name: 'References' }) }).click();
  await page.getByLabel('Reference video URL').fill(url);
  await page.getByRole('button', { name: 'Add video' }).click();
  await expect(tray(page).getByRole('listitem', { name: /^Reference video 1, .*wave-3s\.mp4, @video1$/ })).toBeVisible();
  await page.getByRole('group', { name: 'Task' }).locator('label.chip', { has: page.getByRole('radio', { name: 'Edit a clip' }) }).click();
  await page.locator('label.chip', { has: page.getByRole('radio', { name: '480p', exact: true }) }).click();
  await page.getByRole('textbox', { name: /Prompt/ }).fill('Edit video @video1: replace the wave with a calm sea');
  await expect(generate(page)).toBeEnabled({ timeout: 30_000 });
  await generate(page).click();

  // A synchronous TaskTypeConstraint (no task made, not billed; seedance-2.5.md §2.8), said plainly.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Queue' }).click();
  const row = page.locator('li.job-row');
  await expect(row.locator('.job-chip')).toHaveText('Failed', { timeout: 60_000 });
  await expect(row).toContainText("an edit's source clip must be 4–30 s");
});
