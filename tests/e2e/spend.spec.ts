import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { connectArk, useArkSimulator } from './ark-simulator';
import { expect, test as base } from './fixtures';
import { startHarness } from './harness-process';

/**
 * Issue 14 "Spend" and "Prompt history" in the browser harness. The Spend test gives the app a
 * ModelArk key and points ModelArk at the provider simulator, so its jobs take the real route (the
 * demo never bills, and never asks about a budget): a job's estimate and ModelArk's reported tokens
 * reach the Spend view, a budget asks before Generate and Retry with the amounts, and the CSV export
 * holds the job.
 */

const DOCS = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs');
const PROMPT = 'A lighthouse beam sweeps the fog, "hello", at dusk';
/** providers.md "Output sizes" and the catalogue: ModelArk 1.0 Pro, 480p 16:9, 5 s = 864×480×24×5/1024 tokens at $2.50 per million. */
const TOKENS = (864 * 480 * 24 * 5) / 1024;

/** The shared fixtures, with a harness that may take up to 90 s to start (the simulator starts beside it; busy CI machines are slow). */
const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from the pattern
  harness: async ({}, use) => {
    const harness = await startHarness(90_000);
    await use(harness);
    await harness.stop();
  },
});

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name }).click();

/** Compose with ModelArk's Seedance 1.0 Pro at 480p 16:9, and `text` as the prompt. */
async function composeArkJob(page: Page, text: string): Promise<void> {
  await nav(page, 'Compose');
  await page.getByRole('combobox', { name: 'Model' }).click();
  await page.getByRole('group', { name: 'BytePlus ModelArk' }).getByRole('option', { name: 'Seedance 1.0 Pro', exact: true }).click();
  // The radios are drawn as chips: their labels take the click.
  for (const name of ['480p', '16:9']) await page.locator('label.chip', { has: page.getByRole('radio', { name, exact: true }) }).click();
  await expect(page.getByRole('radio', { name: '480p', exact: true })).toBeChecked();
  await page.getByRole('textbox', { name: /Prompt/ }).fill(text);
}

test.describe('spend', () => {
  const sim = useArkSimulator(test, 'spend');

  test("a job's estimate and reported cost in Spend, the budget asks before Generate and Retry, CSV export", async ({ app: page }) => {
    test.setTimeout(180_000);
    await connectArk(page, sim());
    await expect(page.getByRole('contentinfo')).toContainText('Live providers');

    await composeArkJob(page, PROMPT);
    const estimate = (await page.getByTestId('cost').textContent()) ?? '';
    const usd = (TOKENS * 2.5) / 1_000_000;
    expect(estimate).toContain(`≈ $${usd.toFixed(2)}`);
    await page.getByRole('button', { name: /Generate/ }).click();
    await expect(page.locator('.generate-bar')).toContainText('Queued on Seedance 1.0 Pro');

    // The job appears in Spend at once (pending), then as billed with ModelArk's own token count.
    await nav(page, 'Spend');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Spend');
    const ledger = page.getByRole('table', { name: 'This month’s jobs' });
    const row = ledger.getByRole('row').filter({ hasText: 'lighthouse beam' });
    await expect(row).toHaveCount(1);
    await expect(row.locator('.spend-status')).toHaveText('billed', { timeout: 90_000 });
    await expect(row.locator('.spend-estimate')).toHaveText(`≈ $${usd.toFixed(2)}`);
    await expect(row.locator('.spend-reported')).toHaveText(`$${usd.toFixed(2)} · ${TOKENS.toLocaleString('en-US')} tokens`);
    const month = page.getByRole('region', { name: 'This month', exact: true });
    await expect(month.locator('.spend-amount')).toHaveText(`$${usd.toFixed(2)}`);
    const providers = page.getByRole('table', { name: 'This month by provider' });
    await expect(providers.getByRole('row', { name: /BytePlus ModelArk/ })).toContainText(`$${usd.toFixed(2)}`);

    // A budget below what the month already holds: the next job asks first.
    await page.getByLabel('Monthly budget (USD)').fill('0.15');
    await page.getByRole('button', { name: 'Save budget' }).click();
    await expect(page.getByRole('region', { name: 'Monthly budget' })).toContainText('Budget saved: $0.15 a month.');
    await expect(page.getByRole('meter', { name: 'This month against the budget' })).toHaveAttribute('aria-valuetext', `$${usd.toFixed(2)} of $0.15`);
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    // Screenshots of the Spend view, light and dark (without the "Video ready" toast over it).
    const dismiss = page.locator('.job-toast').getByRole('button', { name: 'Dismiss' });
    if ((await dismiss.count()) > 0) await dismiss.first().click();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: join(DOCS, `spend-${scheme}.png`) });
    }
    await page.emulateMedia({ colorScheme: 'light' });

    await composeArkJob(page, 'Rain on a tin roof');
    await page.getByRole('button', { name: /Generate/ }).click();
    const ask = page.getByRole('dialog', { name: 'Over your monthly budget' });
    await expect(ask).toBeVisible();
    const after = usd * 2;
    await expect(ask).toContainText(`Sending this job would take this month to $${after.toFixed(2)}, $${(after - 0.15).toFixed(2)} over your $0.15 budget.`);
    await expect(ask.locator('dd')).toHaveText([`$${usd.toFixed(2)}`, `$${usd.toFixed(2)}`, `$${after.toFixed(2)}`, '$0.15']);
    await ask.getByRole('button', { name: "Don't send" }).click();
    await expect(ask).toBeHidden();
    await expect(page.getByRole('button', { name: /Generate/ })).toBeFocused();
    expect(await page.evaluate(async () => {
      const r = await window.studio.jobs.list();
      return r.ok ? r.data.jobs.length : -1;
    })).toBe(1);
    await page.keyboard.press('Control+Enter');
    await expect(ask).toBeVisible();
    await ask.getByRole('button', { name: 'Send anyway' }).click();
    await expect(page.locator('.generate-bar')).toContainText('Queued on Seedance 1.0 Pro');

    // Retry says where the budget stands, with the amounts, before it sends.
    await nav(page, 'Queue');
    await page.locator('li.job-row').filter({ hasText: 'lighthouse beam' }).locator('.job-select').click();
    const panel = page.getByRole('complementary', { name: 'Job details' });
    await panel.getByRole('button', { name: 'Retry…' }).click();
    const confirm = panel.getByRole('group', { name: 'Confirm retry' });
    await expect(confirm).toContainText(`Over your monthly budget: this month would reach $${(usd * 3).toFixed(2)}`);
    await confirm.getByRole('button', { name: "Don't send" }).click();

    // CSV export: every job, with its estimate, the reported figures and the prompt escaped.
    await nav(page, 'Spend');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV…' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^seedance-spend-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8').trimEnd().split('\r\n');
    expect(csv[0]).toBe('date,job id,provider,model,state,status,estimate usd,reported usd,reported tokens,amount usd,prices as of,prompt');
    expect(csv).toHaveLength(3);
    const line = csv.find((l) => l.includes('lighthouse'))!;
    expect(line).toContain(`,BytePlus ModelArk,Seedance 1.0 Pro,completed,billed,${usd.toFixed(4)},${usd.toFixed(4)},${TOKENS},${usd.toFixed(4)},2026-11,`);
    expect(line.endsWith(`,"A lighthouse beam sweeps the fog, ""hello"", at dusk"`)).toBe(true);
    expect(csv.find((l) => l.includes('tin roof'))).toMatch(/,Seedance 1\.0 Pro,[a-z_]+,(pending|billed),/);
  });
});

test('prompt history: search, reuse with the keyboard, star for good', async ({ app: page }) => {
  test.setTimeout(60_000);
  await page.evaluate(async () => {
    await window.studio.jobs.pause();
    for (const prompt of ['A lighthouse beam sweeps the fog', 'Rain on a tin roof', 'A lighthouse beam sweeps the fog']) {
      const r = await window.studio.jobs.submit({ params: { modelId: 'ark/seedance-1-0-pro-250528', prompt, resolution: '480p', aspectRatio: '16:9', duration: 2 } });
      if (!r.ok) throw new Error(r.error.message);
    }
  });
  const prompt = page.getByRole('textbox', { name: /Prompt/ });
  await prompt.fill('something else');
  const open = page.getByRole('button', { name: 'Prompt history' });
  await open.click();
  const dialog = page.getByRole('dialog', { name: 'Prompt history' });
  const items = dialog.getByRole('list', { name: 'Prompts' }).getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText('A lighthouse beam sweeps the fog');
  await expect(items.first()).toContainText('used 2×');
  await expect(items.first()).toContainText('Seedance 1.0 Pro');

  // Keyboard: type to search, ↓ to the first match, Enter puts it into the prompt.
  await page.keyboard.type('tin');
  await expect(items).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await expect(items.first().getByRole('button', { name: /Rain on a tin roof/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(prompt).toHaveValue('Rain on a tin roof');
  await expect(open).toBeFocused();

  // Star one: starred first, "Starred only" keeps it alone, and it stays starred after a reload.
  await open.click();
  const lighthouse = items.filter({ hasText: 'lighthouse' });
  await lighthouse.getByRole('button', { name: 'Star' }).click();
  await expect(lighthouse.getByRole('button', { name: 'Star' })).toHaveAttribute('aria-pressed', 'true');
  await dialog.getByLabel('Starred only').check();
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('lighthouse');
  const axe = await new AxeBuilder({ page }).include('[role="dialog"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.reload();
  await page.locator('html[data-app-state="ready"]').waitFor();
  await page.getByRole('button', { name: 'Prompt history' }).click();
  await expect(items.first()).toContainText('lighthouse');
  await expect(items.first().getByRole('button', { name: 'Star' })).toHaveAttribute('aria-pressed', 'true');
  await expect(items.nth(1).getByRole('button', { name: 'Star' })).toHaveAttribute('aria-pressed', 'false');
});
