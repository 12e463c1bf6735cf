import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { RunningHarness } from './harness-process';

const rows = (page: Page) => page.locator('li.job-row');

/** Forces the harness's network state (`true`/`false`), or hands it back to the probe (`null`). */
async function setNetwork(harness: RunningHarness, online: boolean | null): Promise<void> {
  const res = await fetch(`${harness.origin}/__test/network?t=${harness.token}`, { method: 'POST', body: JSON.stringify({ online }) });
  if (!res.ok) throw new Error(`network hook: HTTP ${res.status}`);
}

test('Queue: a held job says why in its own row, and the detail pane\'s timers agree with the row', async ({ app: page, harness }) => {
  test.setTimeout(120_000);
  await setNetwork(harness, false);
  await page.evaluate(async () => {
    const r = await window.studio.jobs.submit({
      params: { modelId: 'fal/fal-ai/bytedance/seedance/v1/pro/text-to-video', prompt: 'Snow settles on a quiet harbour', resolution: '480p', aspectRatio: '16:9', duration: 2 },
    });
    if (!r.ok) throw new Error(r.error.message);
  });
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Queue' }).click();
  const row = rows(page).first();
  await expect(row.locator('.job-chip')).toHaveText('Not sent yet');
  await expect(row.locator('.job-wait')).toHaveText('Held: offline. It is sent when the network returns.');

  await row.locator('.job-select').click();
  const panel = page.getByRole('complementary', { name: 'Job details' });
  await expect(panel.locator('.job-wait')).toHaveText('Held: offline. It is sent when the network returns.');
  // One clock: the row and the pane show the same time, tick after tick.
  await expect(row.locator('.job-times')).toContainText(/Waiting to send 0:0[2-9]/);
  for (let i = 0; i < 3; i++) {
    const [inRow, inPanel] = await page.evaluate(() => [
      document.querySelector('li.job-row .job-times')?.textContent,
      document.querySelector('.job-panel .job-times')?.textContent,
    ]);
    expect(inPanel).toBe(inRow);
    await page.waitForTimeout(700);
  }
  await page.screenshot({ path: 'test-results/queue-held-offline.png' });

  // Online but paused: the reason changes with it.
  await page.getByRole('button', { name: 'Pause queue' }).click();
  await setNetwork(harness, true);
  await expect(row.locator('.job-wait')).toHaveText('Held: the queue is paused. It is sent when you resume the queue.');
  await page.getByRole('button', { name: 'Resume queue' }).click();
  // Nothing holds it any more: the reason goes, the job runs to its end.
  await expect(row.locator('.job-chip')).toHaveText('Done', { timeout: 90_000 });
  await expect(row.locator('.job-wait')).toHaveCount(0);
  await expect(panel.locator('.job-wait')).toHaveCount(0);
  const [doneRow, donePanel] = await page.evaluate(() => [
    document.querySelector('li.job-row .job-times')?.textContent,
    document.querySelector('.job-panel .job-times')?.textContent,
  ]);
  expect(donePanel).toBe(doneRow);
});
