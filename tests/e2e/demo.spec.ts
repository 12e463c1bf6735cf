import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

test.use({ demoIntroSeen: false });

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

test('first run: demo mode explains itself, how to leave it, and stays dismissed', async ({ app: page }) => {
  const intro = page.getByRole('region', { name: 'You are trying the demo' });
  await expect(intro).toBeVisible();
  await expect(intro).toContainText('nothing is billed; prices show what a job would cost');
  await expect(intro).toContainText('To leave the demo, add a provider key in Settings → Providers.');
  await page.screenshot({ path: 'test-results/demo-intro.png' });
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  // The layout rule of the toast stack holds: Generate stays clickable beside it.
  await expect(page.getByRole('button', { name: /Generate/ })).toBeVisible();

  // "Add a key" goes where the key is added, and the explanation is not shown again.
  await intro.getByRole('button', { name: 'Add a key' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
  await expect(intro).toHaveCount(0);
  await page.reload();
  await page.locator('html[data-app-state="ready"]').waitFor();
  await expect(page.getByRole('contentinfo')).toContainText('Demo mode — offline simulator');
  await expect(page.getByRole('region', { name: 'You are trying the demo' })).toHaveCount(0);
});

test('first run: "Got it" dismisses the explanation for good', async ({ app: page }) => {
  const intro = page.getByRole('region', { name: 'You are trying the demo' });
  await intro.getByRole('button', { name: 'Got it' }).click();
  await expect(intro).toHaveCount(0);
  await page.reload();
  await page.locator('html[data-app-state="ready"]').waitFor();
  await expect(page.getByRole('region', { name: 'You are trying the demo' })).toHaveCount(0);
});
