import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { connectArk, useArkSimulator } from './ark-simulator';
import { expect } from './fixtures';
import { test } from './slow-start';
import { composeDragonfly, DOCS, expectPictureIn, fourTakesInLibrary, openCompareOfFour, setLanguage, shoot } from './scenes';

/*
 * The README's screenshots (issue 14 "Done when"): Compose, a 4-way Compare and the Spend view, light
 * and dark, English and Simplified Chinese, at 1280×800 in docs/. Each checks what is in the picture:
 * the frame in the UI's language (rail, status line, <html lang>) and a real picture where one belongs.
 * (The English Compare and Spend pictures come from variations.spec.ts and spend.spec.ts.)
 */

const LANGS = {
  en: { lang: 'en', compose: 'Compose', spend: 'Spend', demo: 'Demo mode', live: 'Live providers', views: 'Views' },
  zh: { lang: 'zh-CN', compose: '创作', spend: '花费', demo: '演示模式', live: '真实提供商', views: '视图' },
} as const;

/** The rail marks `view` as open and the status line says `words`, both in the picture's language. */
async function expectFrameIn(page: Page, lang: keyof typeof LANGS, view: 'compose' | 'spend', words: string): Promise<void> {
  const l = LANGS[lang];
  await expect(page.locator('html')).toHaveAttribute('lang', l.lang);
  await expect(page.getByRole('navigation', { name: l.views }).getByRole('button', { name: l[view] })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('contentinfo').getByRole('status')).toContainText(words);
}

for (const lang of ['en', 'zh'] as const) {
  test(`Compose with a photo, light and dark, ${lang}`, async ({ app: page }) => {
    const photo = await composeDragonfly(page);
    if (lang === 'zh') {
      await setLanguage(page, 'zh-CN');
      await page.keyboard.press('Control+1');
    }
    await expect(photo).toBeVisible();
    expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      await expectFrameIn(page, lang, 'compose', LANGS[lang].demo);
      await expectPictureIn(await shoot(page, join(DOCS, `compose-${scheme}-${lang}.png`)), photo);
    }
  });
}

test('Compare of four takes, light and dark, zh', async ({ app: page }) => {
  test.setTimeout(180_000);
  const cards = await fourTakesInLibrary(page);
  await setLanguage(page, 'zh-CN');
  const compare = await openCompareOfFour(page, cards);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expectPictureIn(await shoot(page, join(DOCS, `compare-${scheme}-zh.png`)), compare.locator('video').first());
  }
});

test.describe('Spend with a billed job', () => {
  const sim = useArkSimulator(test, 'shots');

  test('Spend, light and dark, zh', async ({ app: page }) => {
    test.setTimeout(180_000);
    // ModelArk pointed at the simulator with a key: the jobs take the real, billed route (the demo never
    // bills); a budget, so the picture shows the month against it.
    await connectArk(page, sim(), 1);
    await page.evaluate(async () => {
      const params = { modelId: 'ark/seedance-1-0-pro-250528', resolution: '480p', aspectRatio: '16:9', duration: 5 } as const;
      for (const prompt of ['A lighthouse beam sweeps the fog at dusk', 'Rain on a tin roof, slow pan across the yard']) {
        const j = await window.studio.jobs.submit({ params: { ...params, prompt } });
        if (!j.ok) throw new Error(j.error.message);
      }
    });
    await setLanguage(page, 'zh-CN');
    await page.keyboard.press('Control+4');
    const ledger = page.locator('.view table').first();
    await expect(ledger.locator('.spend-status')).toHaveCount(2);
    await expect(ledger.locator('.spend-reported')).toHaveText([/\$0\.\d\d/, /\$0\.\d\d/], { timeout: 120_000 });
    // Both "Video ready" toasts are up once both jobs are billed; dismissed, they leave the view clear.
    const dismiss = page.locator('.job-toast button.icon-button');
    await expect(dismiss).toHaveCount(2);
    while ((await dismiss.count()) > 0) await dismiss.first().click();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      await expectFrameIn(page, 'zh', 'spend', LANGS.zh.live);
      await expectPictureIn(await shoot(page, join(DOCS, `spend-${scheme}-zh.png`)), page.locator('main.view'));
    }
  });
});
