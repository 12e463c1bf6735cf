import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const rows = (page: Page) => page.locator('li.job-row');
const row = (page: Page, text: string) => rows(page).filter({ hasText: text });

/** Submits a demo job through the app's own API (the harness has no keys: the demo runs). */
async function submit(page: Page, prompt: string): Promise<void> {
  await page.evaluate(async (text) => {
    const r = await window.studio.jobs.submit({
      params: { modelId: 'ark/seedance-1-0-pro-250528', prompt: text, resolution: '480p', aspectRatio: '16:9', duration: 2 },
    });
    if (!r.ok) throw new Error(r.error.message);
  }, prompt);
}

test('money: Retry asks first with the price, a demo job "would cost", a cancelled job is "not billed"', async ({ app: page }) => {
  test.setTimeout(120_000);
  await submit(page, 'A lighthouse beam sweeps the fog');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Queue' }).click();
  const done = row(page, 'lighthouse');
  await expect(done.locator('.job-chip')).toHaveText('Done', { timeout: 90_000 });
  // A demo job is never billed: its price is what it would cost.
  await expect(done.locator('.job-cost')).toHaveText(/^would cost (≈ \$\d+\.\d\d|< \$0\.01)$/);

  await page.locator('.job-toast').getByRole('button', { name: 'Dismiss' }).click();
  await done.locator('.job-select').click();
  const panel = page.getByRole('complementary', { name: 'Job details' });
  const retry = panel.getByRole('button', { name: 'Retry…' });
  await retry.click();
  const confirm = panel.getByRole('group', { name: 'Confirm retry' });
  await expect(confirm).toContainText('It runs in the demo, so nothing is billed (with a real BytePlus ModelArk key it would cost');
  await panel.screenshot({ path: 'test-results/money-retry-confirm.png' });
  // Not sending leaves the Queue as it was.
  await confirm.getByRole('button', { name: "Don't send" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(rows(page)).toHaveCount(1);
  await retry.click();
  await confirm.getByRole('button', { name: 'Send again' }).click();
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByRole('contentinfo')).toContainText('Sent again, as a new job.');

  // Held back by a paused queue, then cancelled: nothing was sent, so nothing is billed.
  await page.evaluate(() => window.studio.jobs.pause());
  await submit(page, 'Rain on a tin roof');
  const held = row(page, 'tin roof');
  await held.locator('.job-select').click();
  await panel.getByRole('button', { name: 'Cancel…' }).click();
  await panel.getByRole('button', { name: 'Cancel the job' }).click();
  await expect(held.locator('.job-chip')).toHaveText('Cancelled');
  await expect(held.locator('.job-cost')).toHaveText('not billed');
  await expect(panel.locator('.job-params')).toContainText('not billed');
});
