import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

// Seedance 2.5 Draft → final from the app (seedance-2.5.md §2.6): Generate as a 480p Draft from
// Compose, then "Make final (1080p)…" on the draft clip in the Library, against the offline demo's
// simulator; the final is filed as a new clip whose Lineage reads "Final of" its draft.

const PROMPT = 'A paper boat drifts down a rainy gutter, close up';

test('draft from Compose, Make final from the Library, final linked to its draft', async ({ app: page }) => {
  test.setTimeout(240_000);
  await page.getByRole('combobox', { name: 'Model' }).click();
  await page.getByRole('group', { name: 'BytePlus ModelArk' }).getByRole('option', { name: /^Seedance 2\.5\b/ }).first().click();
  await page.getByRole('textbox', { name: /Prompt/ }).fill(PROMPT);

  // The switch is offered on a row that documents Draft; on, the resolution choice steps aside.
  const draft = page.getByRole('switch', { name: 'Draft (480p preview)' });
  await draft.check();
  await expect(page.getByRole('group', { name: 'Resolution' })).toHaveCount(0);
  const generate = page.getByRole('button', { name: /Generate/ });
  await expect(generate).toBeEnabled({ timeout: 30_000 });
  await generate.click();

  const rail = page.getByRole('navigation', { name: 'Views' });
  await rail.getByRole('button', { name: 'Library' }).click();
  const draftCard = page.getByRole('gridcell', { name: new RegExp(`${PROMPT}.*480p`) });
  await expect(draftCard).toBeVisible({ timeout: 120_000 });
  await draftCard.click();

  // Make final asks first: both stages billed, both prices, until when.
  await page.getByRole('button', { name: 'Make final (1080p)…' }).click();
  const confirm = page.getByRole('group', { name: 'Confirm final' });
  await expect(confirm).toContainText('Demo: nothing is billed. With a real key both stages are billed');
  await expect(confirm).toContainText(/the draft ≈ \$\d+\.\d\d .*the final ≈ \$\d+\.\d\d/);
  await expect(confirm).toContainText(/can be made final until \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await confirm.getByRole('button', { name: 'Send final' }).click();
  await expect(confirm).toHaveCount(0);

  // The final arrives as a new 1080p clip linked to its draft.
  await page.getByRole('button', { name: 'All clips' }).click();
  const finalCard = page.getByRole('gridcell', { name: new RegExp(`${PROMPT}.*1080p`) });
  await expect(finalCard).toBeVisible({ timeout: 180_000 });
  await finalCard.click();
  const lineage = page.getByRole('region', { name: 'Lineage' });
  await expect(lineage).toContainText('Final of');
  await lineage.getByRole('button', { name: new RegExp(PROMPT) }).click();
  await expect(page.getByRole('button', { name: 'Make final (1080p)…' })).toBeVisible();
});
