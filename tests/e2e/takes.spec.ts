import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const PROMPT = 'A paper kite climbs over the dunes at dawn, its tail snapping in the wind, the camera following it up into a pale sky';
const rows = (page: Page) => page.locator('li.job-row');

test('takes of one prompt: a take number and seed on each Queue row and Library card, the full prompt on hover, what differs', async ({ app: page }) => {
  test.setTimeout(120_000);
  await page.evaluate(async (prompt) => {
    for (const [seed, duration] of [
      [11, 2],
      [22, 2],
      [33, 3],
    ] as const) {
      const r = await window.studio.jobs.submit({
        params: { modelId: 'ark/seedance-1-0-pro-250528', prompt, resolution: '480p', aspectRatio: '16:9', duration, seed },
      });
      if (!r.ok) throw new Error(r.error.message);
    }
  }, PROMPT);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Queue' }).click();
  await expect(rows(page)).toHaveCount(3);
  await expect(rows(page).locator('.job-chip').filter({ hasText: 'Done' })).toHaveCount(3, { timeout: 90_000 });

  const row = (seed: number) => rows(page).filter({ hasText: `seed ${seed}` });
  await expect(row(11).locator('.job-take')).toHaveText('Take 1 of 3 · seed 11');
  await expect(row(22).locator('.job-take')).toHaveText('Take 2 of 3 · seed 22');
  await expect(row(33).locator('.job-take')).toHaveText('Take 3 of 3 · seed 33');
  // The excerpt is cut; hovering shows the whole prompt.
  await expect(row(33).locator('.job-prompt')).toHaveAttribute('title', PROMPT);

  await row(33).locator('.job-select').click();
  const panel = page.getByRole('complementary', { name: 'Job details' });
  await expect(panel.locator('.job-panel-take')).toContainText('Take 3 of 3 — differs from take 1 in seed, duration');
  await page.screenshot({ path: 'test-results/takes-queue.png' });

  // The Library: each card carries its seed and says the demo made it; the full prompt on hover.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Library' }).click();
  const cards = page.locator('.clip-card[data-clip-id]');
  await expect(cards).toHaveCount(3);
  for (const seed of [11, 22, 33]) {
    const card = page.getByRole('gridcell', { name: new RegExp(`seed ${seed}, .*simulated$`) });
    await expect(card).toBeVisible();
    await expect(card.locator('.clip-format')).toContainText(`seed ${seed}`);
    await expect(card.locator('.clip-simulated')).toHaveText('simulated');
    await expect(card.locator('.clip-prompt')).toHaveAttribute('title', PROMPT);
  }
  // Each card has its take number; the detail says what differs from take 1.
  await expect(page.getByRole('gridcell', { name: /take 3 of 3, seed 33/ }).locator('.clip-take')).toHaveText('Take 3/3 · ');
  await page.screenshot({ path: 'test-results/takes-library.png' });
  await page.getByRole('gridcell', { name: /take 3 of 3, seed 33/ }).click();
  await expect(page.locator('.clip-take-line')).toHaveText('Take 3 of 3 — differs from take 1 in seed, duration');
});
