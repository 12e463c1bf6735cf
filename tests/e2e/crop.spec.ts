import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { dropFile } from './drop-file';
import { FIXTURE_IMAGES } from '../fixtures/images';
import { expectNoHorizontalScroll, SIZES } from './layout-checks';

/** 1080 × 1920 (9:16): on 16:9 the provider would keep only 32 % of its height. */
const PORTRAIT = `${FIXTURE_IMAGES}/altai-portrait-1080x1920.png`;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** Compose with fal's Seedance 1.5 Pro image-to-video at 16:9 and the portrait as its first frame. */
async function portraitOn16by9(page: Page) {
  await page.getByRole('combobox', { name: 'Model' }).click();
  await page.getByRole('group', { name: 'fal' }).getByRole('option', { name: /Seedance 1\.5 Pro · image to video/ }).click();
  await page.getByRole('group', { name: 'Aspect ratio' }).getByRole('radio', { name: '16:9' }).check();
  const first = page.getByRole('region', { name: 'First frame', exact: true });
  await dropFile(first, PORTRAIT, 'altai-portrait-1080x1920.png', 'image/png');
  await expect(first.getByText('the provider centre-crops 68 % of its height', { exact: false })).toBeVisible({ timeout: 30_000 });
  return first;
}

for (const size of SIZES) {
  test(`crop editor at ${size.width}×${size.height}: large, zoom by wheel, buttons and keys, the verdict follows the rectangle`, async ({ app: page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    const first = await portraitOn16by9(page);

    await first.getByRole('button', { name: 'Reframe the first frame…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reframe the first frame' });
    await expect(dialog).toBeVisible();
    const area = dialog.getByRole('application', { name: 'First frame: the part the provider receives' });
    await expect(area).toBeVisible({ timeout: 20_000 });
    // Large: the dialog takes most of the window, the rectangle is far bigger than the old 120 × 67 px box.
    const dialogBox = (await dialog.boundingBox())!;
    // As wide as the window allows, up to 1200 px (a 16 px margin each side).
    expect(dialogBox.width).toBeGreaterThanOrEqual(Math.min(1200, size.width - 32) - 1);
    const rectBox = (await area.boundingBox())!;
    expect(rectBox.width).toBeGreaterThan(300);
    expect(rectBox.width / rectBox.height).toBeCloseTo(16 / 9, 1);
    await expectNoHorizontalScroll(page);

    const readout = dialog.getByRole('status').filter({ hasText: 'Keeps' });
    await expect(readout).toContainText('Keeps 1080 × 608 px at (0, 656)');
    const zoom = dialog.getByRole('slider', { name: 'Zoom level' });

    // Keyboard: the rectangle is a focusable control; + zooms, arrows move, 0 goes back to the centre.
    await area.focus();
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await expect(zoom).toHaveValue('1.5625');
    await expect(readout).toContainText('Keeps 691 × 389 px');
    const before = await readout.textContent();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
    await expect(readout).not.toHaveText(before!);
    await expect(readout).toContainText('Keeps 691 × 389 px');
    await page.keyboard.press('0');
    await expect(zoom).toHaveValue('1');
    await expect(readout).toContainText('Keeps 1080 × 608 px at (0, 656)');

    // Buttons and the mouse wheel zoom too; dragging moves the photo under the rectangle.
    await dialog.getByRole('button', { name: 'Zoom in' }).click();
    await expect(zoom).toHaveValue('1.25');
    const centre = { x: rectBox.x + rectBox.width / 2, y: rectBox.y + rectBox.height / 2 };
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.wheel(0, -300);
    await expect.poll(async () => Number(await zoom.inputValue())).toBeGreaterThan(1.3);
    await page.mouse.down();
    await page.mouse.move(centre.x, centre.y + 120, { steps: 6 });
    await page.mouse.up();
    await expect(readout).not.toContainText('Keeps 1080 × 608 px');
    await expect(readout).toContainText('Your framing keeps');

    const axe = await new AxeBuilder({ page }).include('[role="dialog"]').withTags(TAGS).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`crop-editor-${size.width}x${size.height}.png`) });

    // Apply: the verdict speaks of the user's rectangle, no longer of the provider's centre crop.
    const kept = (await readout.textContent())!.match(/Keeps (\d+) × (\d+) px/)!;
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect(dialog).toBeHidden();
    await expect(first.getByText(`Your framing keeps ${kept[1]} × ${kept[2]} px of the 1080 × 1920 photo`, { exact: false })).toBeVisible();
    await expect(first.getByText('centre-crops', { exact: false })).toHaveCount(0);
    await expect(first.getByText(/Sent as 1280 × 720 · JPEG/)).toBeVisible({ timeout: 30_000 });
    await page.screenshot({ path: test.info().outputPath(`crop-applied-${size.width}x${size.height}.png`) });
  });
}

test("one click to the photo's own ratio: the job follows the photo (auto on fal) and nothing is cropped", async ({ app: page }) => {
  test.setTimeout(90_000);
  const first = await portraitOn16by9(page);
  // From the editor too; here, from the frame.
  await first.getByRole('button', { name: 'Use the photo’s own ratio (9:16)' }).click();
  await expect(page.getByRole('group', { name: 'Aspect ratio' }).getByRole('radio', { name: 'auto' })).toBeChecked();
  await expect(first.getByText('Fits — will be sent as 720 × 1280')).toBeVisible({ timeout: 30_000 });
  await expect(first.getByText('centre-crops', { exact: false })).toHaveCount(0);
  await expect(first.getByRole('button', { name: /Use the photo’s own ratio/ })).toHaveCount(0);
});
