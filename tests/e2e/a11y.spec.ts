import { blockingViolations } from './axe';
import { expect, test, VIEWS } from './fixtures';

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    for (const view of VIEWS) {
      test(`${view.name} has no serious or critical axe violations`, async ({ app }) => {
        await app.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view.name }).click();
        await expect(app.getByRole('heading', { level: 1 })).toHaveText(view.name);
        expect(await blockingViolations(app)).toEqual([]);
      });
    }
  });
}
