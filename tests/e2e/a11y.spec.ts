import AxeBuilder from '@axe-core/playwright';
import { expect, test, VIEWS } from './fixtures';

/** WCAG 2.1 A/AA rules plus axe's best practices (landmarks, one h1, skip link…). */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });

    for (const view of VIEWS) {
      test(`${view.name} has no serious or critical axe violations`, async ({ app }) => {
        await app.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: view.name }).click();
        await expect(app.getByRole('heading', { level: 1 })).toHaveText(view.name);
        const results = await new AxeBuilder({ page: app }).withTags(TAGS).analyze();
        const blocking = results.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
        expect(blocking).toEqual([]);
      });
    }
  });
}
