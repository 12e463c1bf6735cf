import type { Page } from '@playwright/test';
import { expect, test, VIEWS } from './fixtures';
import { dropFile } from './drop-file';
import { expectNoHorizontalScroll, expectUncovered, SIZES } from './layout-checks';
import { FIXTURE_IMAGES } from '../fixtures/images';

const NUTHATCH = `${FIXTURE_IMAGES}/nuthatch-6028x3391.jpg`;
const DRAGONFLY = `${FIXTURE_IMAGES}/dragonfly-4224x3168.jpg`;

async function pickModel(page: Page, provider: string, name: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Model' }).click();
  await page.getByRole('group', { name: provider }).getByRole('option', { name, exact: true }).click();
  await expect(page.getByRole('combobox', { name: 'Model' })).toContainText(name);
}

/** The prompt and Generate are on screen and uncovered, the window does not scroll sideways, the footer is one line. */
async function expectComposeFits(page: Page, state: string): Promise<void> {
  await expectNoHorizontalScroll(page);
  await expectUncovered(page.getByRole('textbox', { name: /Prompt/ }), `the prompt (${state})`);
  await expectUncovered(page.getByRole('button', { name: /Generate/ }), `Generate (${state})`);
  // One line: the footer is no taller than its button row (40 px button + padding + border).
  const footer = await page.locator('.generate-bar').boundingBox();
  expect(footer?.height, `the footer's height (${state})`).toBeLessThanOrEqual(64);
}

/** Writes a screenshot for a person to look at (test-results, not committed). */
async function shot(page: Page, name: string): Promise<void> {
  const { width, height } = page.viewportSize() as { width: number; height: number };
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}x${height}-${colorScheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

for (const size of SIZES) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('Compose fits: prompt and Generate uncovered with frames loaded and with several footer messages', async ({ app: page }) => {
      await expectComposeFits(page, 'empty');

      // Both frames loaded, with their verdicts (the tallest the frames get).
      await pickModel(page, 'fal', 'Seedance 1.5 Pro · image to video');
      const first = page.getByRole('region', { name: 'First frame', exact: true });
      await dropFile(first, NUTHATCH, 'nuthatch-6028x3391.jpg', 'image/jpeg');
      await expect(first.getByText(/Sent as 1280 × 720/)).toBeVisible({ timeout: 30_000 });
      await page.getByLabel('Choose a photo for the last frame').setInputFiles(DRAGONFLY);
      const last = page.getByRole('region', { name: 'Last frame', exact: true });
      await expect(last.getByText('Fits — will be sent as 1280 × 720')).toBeVisible({ timeout: 20_000 });
      await expectComposeFits(page, 'frames loaded');
      await shot(page, 'compose-frames');

      // A text-to-video model with the frames still loaded: they are greyed and left out, Generate works.
      await pickModel(page, 'fal', 'Seedance 1.5 Pro · text to video');
      const prompt = page.getByRole('textbox', { name: /Prompt/ });
      await prompt.fill('A dragonfly rests on a reed at dawn; slow push-in, mist over the water, soft warm light.');
      await page.getByRole('button', { name: /Generate/ }).click();
      await expect(page.locator('.generate-outcome')).toContainText('Queued on Seedance 1.5 Pro · text to video');
      // Two messages (why Generate is off, and the last outcome): one line, the rest behind "+1".
      await prompt.fill('');
      await expect(page.locator('.generate-reason')).toHaveText('Write a prompt.');
      const more = page.getByRole('button', { name: 'Show 1 more message' });
      await expect(more).toBeVisible();
      await expect(page.locator('.generate-outcome')).toBeHidden();
      await expectComposeFits(page, 'two messages');
      await more.click();
      await expect(page.locator('.generate-outcome')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Hide 1 more message' })).toHaveAttribute('aria-expanded', 'true');
      await shot(page, 'compose-messages');
      await page.getByRole('button', { name: 'Hide 1 more message' }).click();

      // A long blocking reason stays on one line, cut, with its full text on hover.
      await pickModel(page, 'fal', 'Seedance 1.0 Pro · text to video');
      await prompt.fill('x'.repeat(2001));
      await expectComposeFits(page, 'long prompt');

      // The Queue row of the job sent above keeps its title readable.
      await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Queue' }).click();
      const title = page.locator('.job-prompt').first();
      await expect(title).toHaveText(/^A dragonfly rests on a reed/);
      await expectUncovered(title, 'the Queue row title');
      expect((await title.boundingBox())?.width, 'the Queue row title width').toBeGreaterThanOrEqual(160);
      await expectNoHorizontalScroll(page);
      await shot(page, 'queue');
    });

    test('every view scrolls in its own pane: after a wheel to the end, the rail and the status line are still there', async ({ app: page }) => {
      const rail = page.getByRole('navigation', { name: 'Views' });
      const status = page.getByRole('contentinfo');
      for (const view of VIEWS) {
        await rail.getByRole('button', { name: view.name }).click();
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(view.name);
        const main = page.locator('main#main');
        await main.hover();
        // Far more wheel than any view is tall.
        for (let i = 0; i < 8; i += 1) await page.mouse.wheel(0, 2000);
        // The pane reached its end (a pane with nothing to scroll is at its end at 0).
        await expect
          .poll(() => main.evaluate((el) => Math.abs(el.scrollHeight - el.clientHeight - el.scrollTop) <= 1 || el.scrollHeight <= el.clientHeight))
          .toBe(true);
        expect(await page.evaluate(() => (document.scrollingElement as Element).scrollTop), `${view.name}: the window scrolled`).toBe(0);
        await expectNoHorizontalScroll(page);
        await expectUncovered(rail.getByRole('button', { name: view.name }), `${view.name}: its rail button`);
        await expectUncovered(status.locator('.status-segments'), `${view.name}: the status line`);
        if (view.name === 'Settings') await shot(page, 'settings-end');
      }
    });
  });
}

test('a blocked Ctrl+Enter says why, next to Generate and to assistive tech', async ({ app: page }) => {
  await pickModel(page, 'fal', 'Seedance 1.5 Pro · image to video');
  const reason = page.locator('.generate-reason');
  // fal's image-to-video schema requires a prompt: Generate names that first, then the first frame.
  await expect(reason).toHaveText('Write a prompt.');
  await page.getByRole('textbox', { name: /Prompt/ }).fill('A heron lifts off the water.');
  await expect(page.locator('.save-status')).toHaveText('Saved');
  await expect(reason).toHaveText('Add a first frame: this model starts from a photo.');
  await expect(reason).toHaveAttribute('data-tone', 'info');
  await page.keyboard.press('Control+Enter');
  await expect(reason).toHaveAttribute('data-tone', 'nudge');
  await expectUncovered(reason, 'the reason');
  await expect(page.getByRole('alert')).toHaveText('Generate is blocked: Add a first frame: this model starts from a photo.');
  // Nothing was queued.
  await expect(page.locator('.generate-outcome')).toHaveCount(0);
  // Any change to the draft quietens it again.
  await page.getByRole('textbox', { name: /Prompt/ }).fill('A heron lifts off the still water.');
  await expect(reason).toHaveAttribute('data-tone', 'info');
  await expect(page.getByRole('alert')).toHaveText('');
});

test('a text-to-video model ignores a frame still loaded: Ctrl+Enter queues, the frame stays in the draft', async ({ app: page }) => {
  await pickModel(page, 'fal', 'Seedance 1.5 Pro · image to video');
  const first = page.getByRole('region', { name: 'First frame', exact: true });
  await page.getByLabel('Choose a photo for the first frame').setInputFiles(DRAGONFLY);
  await expect(first.getByText('Fits — will be sent as 1280 × 720')).toBeVisible({ timeout: 20_000 });
  await pickModel(page, 'fal', 'Seedance 1.5 Pro · text to video');
  await expect(first.getByText('This model makes video from text only: a photo here is kept in the draft but not sent.')).toBeVisible();
  await page.getByRole('textbox', { name: /Prompt/ }).fill('Morning fog over a lake, a dragonfly skims the surface.');
  await expect(page.getByRole('button', { name: /Generate/ })).toBeEnabled();
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.generate-outcome')).toContainText('Queued on Seedance 1.5 Pro · text to video');
  // The job went without the photo; the draft still has it for an image model.
  const frames = await page.evaluate(async () => {
    const answer = await window.studio.jobs.list();
    return answer.ok ? answer.data.jobs.map((j) => j.params.firstFrame ?? null) : answer.error.message;
  });
  expect(frames).toEqual([null]);
  await expect(first.getByText('dragonfly-4224x3168.jpg')).toBeVisible();
});
