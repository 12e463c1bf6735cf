import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { RunningHarness } from './harness-process';
import { expectNoHorizontalScroll, SIZES } from './layout-checks';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** What the harness's scripted folder picker answers next (the harness has no native dialog). */
async function pickerAnswers(harness: RunningHarness, path: string | null) {
  const res = await fetch(`${harness.origin}/__test/folder-choice?t=${harness.token}`, { method: 'POST', body: JSON.stringify({ path }) });
  expect(res.status).toBe(200);
}

async function openSettings(page: Page) {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
}

test('Browse… picks the library folder through main, which checks it; nothing moves until "Use this folder"', async ({ app: page, harness }) => {
  await openSettings(page);
  const library = page.getByRole('region', { name: 'Library' });
  const field = library.getByLabel('Library folder');
  const before = await field.inputValue();

  // Cancelled: nothing changes.
  await library.getByRole('button', { name: 'Browse…' }).click();
  await expect(field).toHaveValue(before);

  // A folder that does not exist, then a file: plain errors, the folder in use stays.
  await pickerAnswers(harness, join(harness.dataDir, 'nowhere'));
  await library.getByRole('button', { name: 'Browse…' }).click();
  await expect(library.getByRole('alert')).toHaveText(`That folder cannot hold the library: "${join(harness.dataDir, 'nowhere')}" does not exist. Pick another one.`);
  writeFileSync(join(harness.dataDir, 'a-file.txt'), 'x');
  await pickerAnswers(harness, join(harness.dataDir, 'a-file.txt'));
  await library.getByRole('button', { name: 'Browse…' }).click();
  await expect(library.getByRole('alert')).toContainText('is a file, not a folder.');
  await expect(field).toHaveValue(before);

  // A good folder fills the field; "Use this folder" moves the library there.
  const chosen = join(harness.dataDir, 'picked-library');
  mkdirSync(chosen);
  await pickerAnswers(harness, chosen);
  await library.getByRole('button', { name: 'Browse…' }).click();
  await expect(field).toHaveValue(chosen);
  await expect(library).toContainText('Picked. Press “Use this folder” to move the library there.');
  await expect(library.locator('.in-use')).toHaveText(before);
  await library.getByRole('button', { name: 'Use this folder' }).click();
  await expect(library.locator('.in-use')).toHaveText(chosen);
  await expect(library).toContainText('Moved: the library and its clips are in the new folder.');
});

for (const size of SIZES) {
  test(`theme: light, dark or system, saved, applied at the next start before the first paint (${size.width}×${size.height})`, async ({ app: page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    await openSettings(page);
    const html = page.locator('html');
    const appearance = page.getByRole('region', { name: 'Appearance' });
    const theme = appearance.getByRole('group', { name: 'Theme' });
    // The test browser prefers light; System follows it.
    await expect(theme.getByRole('radio', { name: 'System' })).toBeChecked();
    await expect(html).toHaveAttribute('data-theme', 'light');

    // The radios show main's value: a click checks one once main has saved it.
    await theme.getByRole('radio', { name: 'Dark' }).click();
    await expect(theme.getByRole('radio', { name: 'Dark' })).toBeChecked();
    await expect(html).toHaveAttribute('data-theme', 'dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(19, 19, 24)');
    await appearance.scrollIntoViewIfNeeded();
    await expectNoHorizontalScroll(page);
    const axe = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`settings-dark-${size.width}x${size.height}.png`) });

    // Next start: dark from the very first paint, before the app has even asked main for the settings.
    const firstPaint: string[] = [];
    page.on('console', (m) => firstPaint.push(m.text()));
    await page.addInitScript(() => {
      document.addEventListener('readystatechange', () => {
        if (document.readyState === 'interactive') console.log(`theme at parse end: ${document.documentElement.dataset.theme}`);
      });
    });
    await page.reload();
    await expect.poll(() => firstPaint).toContain('theme at parse end: dark');
    await page.locator('html[data-app-state="ready"]').waitFor();
    await expect(html).toHaveAttribute('data-theme', 'dark');

    // System follows the operating system, also while the window is open.
    await openSettings(page);
    await page.getByRole('region', { name: 'Appearance' }).getByRole('radio', { name: 'System' }).click();
    await expect(html).toHaveAttribute('data-theme', 'light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await page.getByRole('region', { name: 'Appearance' }).getByRole('radio', { name: 'Light' }).click();
    await expect(html).toHaveAttribute('data-theme', 'light');
  });
}

test('language: Simplified Chinese or English, applied at once, saved, and in place at the next start', async ({ app: page }) => {
  const html = page.locator('html');
  await expect(html).toHaveAttribute('lang', 'en');
  await openSettings(page);
  const language = page.getByRole('region', { name: 'Language' });
  await expect(language.getByRole('radio', { name: 'Same as the computer' })).toBeChecked();
  await language.getByRole('radio', { name: '简体中文' }).click();
  await expect(html).toHaveAttribute('lang', 'zh-CN');
  const zhLanguage = page.getByRole('region', { name: '语言' });
  await expect(zhLanguage.getByRole('radio', { name: '简体中文' })).toBeChecked();
  await expect(page.getByRole('region', { name: '外观' }).getByRole('radio', { name: '深色' })).toBeVisible();

  // The next start renders Chinese from the first paint: the setting is main's, mirrored for the boot.
  await page.reload();
  await expect(html).toHaveAttribute('lang', 'zh-CN');
  await page.keyboard.press('Control+5');
  await expect(page.getByRole('region', { name: '语言' }).getByRole('radio', { name: '简体中文' })).toBeChecked();

  await page.getByRole('region', { name: '语言' }).getByRole('radio', { name: 'English' }).click();
  await expect(html).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('region', { name: 'Language' }).getByRole('radio', { name: 'English' })).toBeChecked();
});
