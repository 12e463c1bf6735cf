import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { dropFile } from './drop-file';
import { FIXTURE_IMAGES } from '../fixtures/images';

const IMAGES = FIXTURE_IMAGES;
/** 6028 × 3391: the longer side breaks the providers' 6000 px rule (providers.md, "Input image rules"). */
const NUTHATCH = `${IMAGES}/nuthatch-6028x3391.jpg`;
/** 4224 × 3168 (4:3): within every rule; the provider would centre-crop it to 16:9. */
const DRAGONFLY = `${IMAGES}/dragonfly-4224x3168.jpg`;

const slot = (page: Page, name: 'First frame' | 'Last frame'): Locator => page.getByRole('region', { name, exact: true });

test('compose: pick a model, write, drop photos, swap, clear — and the draft survives a reload', async ({ app: page }) => {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Compose');
  // The harness has no provider key: the offline demo offers every model.
  await expect(page.getByText('Demo', { exact: true })).toBeVisible();

  // Pick fal's Seedance 1.5 Pro image-to-video (grouped provider → model).
  await page.getByRole('combobox', { name: 'Model' }).click();
  await page.getByRole('group', { name: 'fal' }).getByRole('option', { name: /Seedance 1\.5 Pro · image to video/ }).click();
  await expect(page.getByRole('combobox', { name: 'Model' })).toContainText('fal');
  await expect(page.getByRole('combobox', { name: 'Model' })).toContainText('Seedance 1.5 Pro · image to video');
  // Its real choices: 1.5 Pro has audio, so the dialogue hint shows; fal's image-to-video schema
  // requires a prompt, and a first frame is required (Generate names the first thing missing).
  await expect(page.getByText('Put dialogue in "double quotes" for speech')).toBeVisible();
  await expect(page.getByRole('radio', { name: '1080p' })).toBeVisible();
  await expect(page.getByText('Write a prompt.')).toBeVisible();
  await expect(page.getByRole('button', { name: /Generate/ })).toBeDisabled();

  // The counter follows the prompt.
  const prompt = page.getByRole('textbox', { name: /Prompt/ });
  const counter = page.locator('.prompt-counter');
  await expect(counter).toContainText('0 / 2000');
  const text = 'A nuthatch hops down the bark, turns to the camera and says "good morning". Soft light.';
  await prompt.fill(text);
  await expect(counter).toContainText(`${text.length} / 2000`);
  await expect(page.getByText('Add a first frame: this model starts from a photo.')).toBeVisible();
  await expect(page.getByRole('button', { name: /Generate/ })).toBeDisabled();

  // Drop the 6028 px photo on the first frame: it is imported, checked and fixed.
  const first = slot(page, 'First frame');
  await dropFile(first, NUTHATCH, 'nuthatch-6028x3391.jpg', 'image/jpeg');
  await expect(first.getByText('nuthatch-6028x3391.jpg')).toBeVisible({ timeout: 20_000 });
  await expect(first.getByText('6028 × 3391 px')).toBeVisible();
  await expect(first.getByText('Too large: 6028 px > 6000 px — will be fixed')).toBeVisible({ timeout: 20_000 });
  await expect(first.getByText(/Sent as 1280 × 720 · JPEG/)).toBeVisible({ timeout: 30_000 });
  // 1.5 Pro at 720p 16:9 (providers.md, "Output sizes"); fal publishes a token price.
  await expect(page.getByTestId('output-size')).toHaveText('1280 × 720 px');
  await expect(page.getByTestId('cost')).toContainText('estimate as of 2026-11');
  await expect(page.getByRole('button', { name: /Generate/ })).toBeEnabled();

  // The picker (what `<input type=file>` gives) fills the last frame; this photo fits.
  await page.getByLabel('Choose a photo for the last frame').setInputFiles(DRAGONFLY);
  const last = slot(page, 'Last frame');
  await expect(last.getByText('dragonfly-4224x3168.jpg')).toBeVisible({ timeout: 20_000 });
  await expect(last.getByText('Fits — will be sent as 1280 × 720')).toBeVisible({ timeout: 20_000 });
  await expect(last.getByText(/centre-crops/)).toBeVisible();

  // Swap: each photo moves to the other slot, with its verdict.
  await page.getByRole('button', { name: 'Swap' }).click();
  await expect(first.getByText('dragonfly-4224x3168.jpg')).toBeVisible();
  await expect(last.getByText('nuthatch-6028x3391.jpg')).toBeVisible();
  await expect(last.getByText(/Too large: 6028 px > 6000 px — will be fixed/)).toBeVisible({ timeout: 20_000 });

  // Clear the last frame: its drop zone is back.
  await page.getByRole('button', { name: 'Clear the last frame' }).click();
  await expect(last.getByText(/Drop a photo, paste, or press/)).toBeVisible();
  await expect(last.getByText('nuthatch-6028x3391.jpg')).toHaveCount(0);

  // fal's 2000 characters are a recommendation (catalog `hard: false`): past it the counter warns, Generate stays on.
  await prompt.fill('x'.repeat(2001));
  await expect(counter).toContainText('2001 / 2000');
  await expect(page.getByText('Longer than the 2000 characters this model recommends; it may ignore the end.')).toBeVisible();
  await expect(page.getByRole('button', { name: /Generate/ })).toBeEnabled();
  await prompt.fill(text);

  // The draft saves itself; after a reload everything is back.
  await expect(page.locator('.save-status')).toHaveText('Saved');
  await page.reload();
  await page.locator('html[data-app-state="ready"]').waitFor();
  await expect(page.getByRole('textbox', { name: /Prompt/ })).toHaveValue(text);
  await expect(page.getByRole('combobox', { name: 'Model' })).toContainText('Seedance 1.5 Pro · image to video');
  await expect(first.getByText('dragonfly-4224x3168.jpg')).toBeVisible({ timeout: 20_000 });
  await expect(first.getByText('Fits — will be sent as 1280 × 720')).toBeVisible({ timeout: 20_000 });
  await expect(last.getByText(/Drop a photo, paste, or press/)).toBeVisible();
  await expect(page.getByTestId('output-size')).toHaveText('1280 × 720 px');
});
