import type { Page } from '@playwright/test';
import { blockingViolations as axeBlocking } from './axe';
import { expect, test } from './fixtures';

const PROMPT = 'A red paper lantern drifts over a night market, warm light on wet stones';
/** The compared players' positions, seconds, and whether each is playing. */
function players(page: Page) {
  return page.locator('.compare video').evaluateAll((els) => (els as HTMLVideoElement[]).map((v) => ({ t: v.currentTime, paused: v.paused, ready: v.readyState })));
}

const spread = (times: number[]) => Math.max(...times) - Math.min(...times);

test('Generate ×3 with a seed list → one batch in the Queue → Compare 3 in sync → favourite', async ({ app: page }) => {
  test.setTimeout(180_000);
  // Compose: ModelArk Seedance 1.0 Pro, text to video, short and small.
  await page.getByRole('combobox', { name: 'Model' }).click();
  await page.getByRole('group', { name: 'BytePlus ModelArk' }).getByRole('option', { name: /Seedance 1\.0 Pro/ }).first().click();
  await page.getByRole('textbox', { name: /Prompt/ }).fill(PROMPT);
  const chip = (name: string) => page.locator('label.chip', { has: page.getByRole('radio', { name, exact: true }) });
  await chip('480p').click();
  await page.getByRole('textbox', { name: 'Duration' }).fill('2');

  const takes = page.getByRole('group', { name: 'Takes per Generate' });
  await takes.locator('label.chip', { has: page.getByRole('radio', { name: '3', exact: true }) }).click();
  await expect(takes.getByRole('radio', { name: '3', exact: true })).toBeChecked();
  const seeds = page.getByRole('textbox', { name: 'Seeds for the takes' });
  // A bad list blocks Generate, with the reason beside it.
  await seeds.fill('1, 1');
  await expect(page.getByRole('button', { name: /Generate ×3/ })).toBeDisabled();
  await expect(page.locator('.generate-bar')).toContainText('Seed 1 is listed twice');
  await seeds.fill('1, 2, 42');
  // The footer shows the batch's total before anything is sent.
  await expect(page.getByTestId('cost')).toContainText('3 takes, would cost ≈ $');

  await page.getByRole('button', { name: /Generate ×3/ }).click();
  const confirm = page.getByRole('dialog', { name: 'Send 3 takes as one batch?' });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByTestId('batch-seeds')).toHaveText('Seeds 1, 2 and 42.');
  await expect(confirm.getByTestId('batch-cost')).toContainText('Demo mode: nothing is billed. With a real BytePlus ModelArk key the batch would cost ≈ $');
  expect(await axeBlocking(page)).toEqual([]);
  await confirm.getByRole('button', { name: /^Send 3 jobs/ }).click();
  await expect(confirm).toBeHidden();
  await expect(page.locator('.generate-bar')).toContainText('Queued 3 takes as one batch.');

  // Queue: a batch header over its three takes, its progress, then all done.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Queue' }).click();
  const batch = page.getByRole('region', { name: /^Batch of 3 takes: A red paper lantern/ });
  await expect(batch).toBeVisible();
  await expect(page.locator('li.job-row[data-batch]')).toHaveCount(3);
  await expect(batch).toContainText('3 takes · 3 done', { timeout: 120_000 });
  for (const seed of [1, 2, 42]) await expect(page.locator('li.job-row').filter({ hasText: `seed ${seed}` })).toHaveCount(1);
  expect(await axeBlocking(page)).toEqual([]);

  // Compare from the batch: three players under one transport.
  await batch.getByRole('button', { name: 'Compare' }).click();
  const compare = page.getByRole('dialog', { name: 'Compare 3 clips' });
  await expect(compare).toBeVisible();
  await expect(compare.locator('video')).toHaveCount(3);
  await expect.poll(async () => (await players(page)).every((p) => p.ready >= 2), { timeout: 20_000 }).toBe(true);
  for (const name of ['Take 1 of 3 · seed 1', 'Take 2 of 3 · seed 2', 'Take 3 of 3 · seed 42']) await expect(compare.getByRole('region', { name })).toBeVisible();
  // The diff marks the seed, and only what differs.
  const seedRow = compare.getByRole('row', { name: /^Seed/ });
  await expect(seedRow).toContainText('differs');
  await expect(compare.getByRole('row', { name: /^Model/ })).not.toContainText('differs');
  await compare.getByRole('checkbox', { name: 'Only what differs' }).check();
  await expect(compare.locator('tbody tr')).toHaveCount(1);
  expect(await axeBlocking(page)).toEqual([]);

  // Space plays all; they stay together (sampled while playing).
  await compare.getByRole('heading', { name: 'Compare 3 clips' }).click();
  await page.keyboard.press('Space');
  await expect(compare.getByRole('button', { name: 'Pause all' })).toBeVisible();
  const spreads: number[] = [];
  for (let i = 0; i < 8; i++) {
    await page.waitForTimeout(150);
    const now = await players(page);
    if (now.every((p) => !p.paused)) spreads.push(spread(now.map((p) => p.t)));
  }
  expect(spreads.length).toBeGreaterThan(3);
  console.log(`COMPARE-SYNC ${spreads.length} samples while playing, max spread ${(Math.max(...spreads) * 1000).toFixed(0)} ms`);
  // Two frames at 24 fps is the tolerance; sampling itself takes a few ms between players.
  expect(Math.max(...spreads)).toBeLessThan(0.15);
  await page.keyboard.press('Space');
  await expect(compare.getByRole('button', { name: 'Play all' })).toBeVisible();
  await expect.poll(async () => spread((await players(page)).map((p) => p.t)), { timeout: 5_000 }).toBeLessThan(0.02);

  // Frame step (. and →) moves all by one frame; Home goes back to the start.
  await page.keyboard.press('Home');
  await expect.poll(async () => (await players(page)).map((p) => Math.round(p.t * 24))).toEqual([0, 0, 0]);
  await page.keyboard.press('.');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await players(page)).map((p) => Math.round(p.t * 24))).toEqual([2, 2, 2]);
  await page.keyboard.press(',');
  await expect.poll(async () => (await players(page)).map((p) => Math.round(p.t * 24))).toEqual([1, 1, 1]);
  // L toggles Loop.
  const loop = compare.getByRole('button', { name: 'Loop' });
  await expect(loop).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('l');
  await expect(loop).toHaveAttribute('aria-pressed', 'false');

  // The favourite: take 2 gets the top rating, in its sidecar.
  const favourite = compare.getByRole('button', { name: 'Favourite: Take 2 of 3 · seed 2' });
  await favourite.click();
  await expect(favourite).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(async () =>
      page.evaluate(async () => {
        const r = await window.studio.library.list({ filters: { minRating: 5 } });
        if (!r.ok) throw new Error(r.error.message);
        return r.data.items.map((c) => c.seed);
      }),
    )
    .toEqual([2]);
  await page.keyboard.press('Escape');
  await expect(compare).toBeHidden();

  // The Library shows the batch on its own, from the Queue.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Queue' }).click();
  await page.getByRole('region', { name: /^Batch of 3 takes/ }).getByRole('button', { name: 'Show in Library' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Library');
  await expect(page.getByRole('group', { name: 'Compare' })).toContainText('One batch: 3 takes');
  await expect(page.locator('.clip-card[data-clip-id]')).toHaveCount(3);
  await expect(page.getByRole('gridcell', { name: /take 2 of 3 of a batch, seed 2, 5 stars/ })).toBeVisible();
});

test('Takes per Generate and the seed list stay with the draft: back after a reload and when the draft is reopened', async ({ app: page }) => {
  await page.getByRole('combobox', { name: 'Model' }).click();
  await page.getByRole('group', { name: 'BytePlus ModelArk' }).getByRole('option', { name: /Seedance 1\.0 Pro/ }).first().click();
  await page.getByRole('textbox', { name: /Prompt/ }).fill(PROMPT);
  const takes = page.getByRole('group', { name: 'Takes per Generate' });
  const count = (n: string) => takes.getByRole('radio', { name: n, exact: true });
  const seeds = page.getByRole('textbox', { name: 'Seeds for the takes' });
  await takes.locator('label.chip', { has: page.getByRole('radio', { name: '3', exact: true }) }).click();
  await seeds.fill('11, 22, 33');
  await expect(page.getByRole('button', { name: /Generate ×3/ })).toBeEnabled();

  // The draft saves itself; a reload brings ×3 and the seeds back, Generate still a batch.
  await expect(page.locator('.save-status')).toHaveText('Saved');
  await page.reload();
  await page.locator('html[data-app-state="ready"]').waitFor();
  await expect(page.getByRole('textbox', { name: /Prompt/ })).toHaveValue(PROMPT);
  await expect(count('3')).toBeChecked();
  await expect(seeds).toHaveValue('11, 22, 33');
  await expect(page.getByRole('button', { name: /Generate ×3/ })).toBeEnabled();

  // A new draft starts at one take; reopening this one brings its takes and seeds back.
  await page.getByRole('button', { name: 'New draft' }).click();
  await expect(page.getByRole('textbox', { name: /Prompt/ })).toHaveValue('');
  await expect(count('1')).toBeChecked();
  await expect(seeds).toBeHidden();
  await page.getByRole('button', { name: 'Drafts' }).click();
  await page.getByRole('menuitem', { name: /A red paper lantern/ }).click();
  await expect(page.getByRole('textbox', { name: /Prompt/ })).toHaveValue(PROMPT);
  await expect(count('3')).toBeChecked();
  await expect(seeds).toHaveValue('11, 22, 33');
});

test('Compare 4 clips picked in the Library, light and dark: screenshots and axe', async ({ app: page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.evaluate(async (prompt) => {
    const r = await window.studio.jobs.submitBatch({
      batchId: crypto.randomUUID(),
      takes: [7, 19, 256, 4096].map((seed) => ({ modelId: 'ark/seedance-1-0-pro-250528', prompt, resolution: '480p', aspectRatio: '16:9', duration: 2, seed })),
    });
    if (!r.ok) throw new Error(r.error.message);
  }, PROMPT);
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Library' }).click();
  const cards = page.locator('.clip-card[data-clip-id]');
  await expect(cards).toHaveCount(4, { timeout: 150_000 });
  // The "Video ready" toasts would cover the settings table in the pictures: dismissed, as a user would.
  const dismiss = page.locator('.job-toast button.icon-button');
  await expect(dismiss.first()).toBeVisible();
  while ((await dismiss.count()) > 0) await dismiss.first().click();

  // Pick: X on a focused card, Ctrl+click, and the check mark.
  await cards.nth(0).focus();
  await page.keyboard.press('x');
  await expect(cards.nth(0)).toHaveAttribute('aria-selected', 'true');
  await cards.nth(1).click({ modifiers: ['Control'] });
  await cards.nth(2).hover();
  await cards.nth(2).locator('.clip-pick').click();
  await cards.nth(3).click({ modifiers: ['Control'] });
  const bar = page.getByRole('group', { name: 'Compare' });
  await expect(bar).toContainText('4 of 4 picked for Compare');
  await expect(page.getByRole('gridcell', { selected: true })).toHaveCount(4);
  expect(await axeBlocking(page)).toEqual([]);
  await bar.getByRole('button', { name: 'Compare 4' }).click();

  const compare = page.getByRole('dialog', { name: 'Compare 4 clips' });
  await expect(compare.locator('video')).toHaveCount(4);
  await expect.poll(async () => (await players(page)).every((p) => p.ready >= 2), { timeout: 20_000 }).toBe(true);
  // A moment into the clips, paused, so the posters are real frames.
  await compare.getByRole('slider', { name: 'Position' }).fill('1');
  await expect.poll(async () => (await players(page)).map((p) => Math.round(p.t * 24))).toEqual([24, 24, 24, 24]);
  await compare.getByRole('button', { name: /^Favourite: .*seed 19$/ }).click();

  // Sound: all panes muted until one is picked; then only that one is heard, at the chosen volume.
  const sound = compare.getByRole('group', { name: 'Sound' });
  const audible = () => page.locator('.compare video').evaluateAll((els) => (els as HTMLVideoElement[]).map((v) => (v.muted ? 'muted' : v.volume.toFixed(2))));
  await expect.poll(audible).toEqual(['muted', 'muted', 'muted', 'muted']);
  const from = sound.getByRole('combobox', { name: 'Sound from' });
  await from.selectOption({ label: 'Take 2 of 4 · seed 19' });
  await expect.poll(audible).toEqual(['muted', '1.00', 'muted', 'muted']);
  const volume = sound.getByRole('slider', { name: 'Volume' });
  await volume.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(volume).toHaveAttribute('aria-valuetext', '90%');
  await expect.poll(audible).toEqual(['muted', '0.90', 'muted', 'muted']);
  // One at a time: another pick mutes the first.
  await from.focus();
  await from.selectOption({ label: 'Take 4 of 4 · seed 4096' });
  await expect.poll(audible).toEqual(['muted', 'muted', 'muted', '0.90']);
  // Arrow keys on the slider moved the volume, not the players.
  expect((await players(page)).map((p) => Math.round(p.t * 24))).toEqual([24, 24, 24, 24]);
  expect(await axeBlocking(page)).toEqual([]);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: 'docs/compare-light.png' });

  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(compare).toBeVisible();
  expect(await axeBlocking(page)).toEqual([]);
  await page.screenshot({ path: 'docs/compare-dark.png' });

  // Compare's own colours follow the app's theme (<html data-theme>), not the OS's: a light theme
  // chosen in Settings on a dark OS gets the light star.
  const star = () => compare.evaluate((el) => getComputedStyle(el).getPropertyValue('--star').trim());
  await expect.poll(star).toBe('#f5c451');
  await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
  await expect.poll(star).toBe('#b7791f');
});
