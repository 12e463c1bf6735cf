import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { connectArk, useArkSimulator } from './ark-simulator';
import { expect, test } from './fixtures';

/**
 * Issue 14 "Languages": the Queue and Spend views in Simplified Chinese — a demo job's row, detail
 * pane and Retry question, the Spend totals, ledger and budget, and the budget question before a
 * paid job, with money and dates in Intl's zh-CN forms ("US$0.05", "12月2日"). Views are reached by
 * their shortcuts (Ctrl+1…5), which do not depend on the rail's language.
 */

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
/** providers.md "Output sizes" and the catalogue: ModelArk 1.0 Pro, 480p 16:9, 2 s = 864×480×24×2/1024 tokens at $2.50 per million. */
const USD = (((864 * 480 * 24 * 2) / 1024) * 2.5) / 1_000_000;
const PROMPT = '灯塔的光束扫过雾气 lighthouse';

/** Settings → Language → 简体中文 (the region is named in English until the switch). */
async function chooseChinese(page: Page): Promise<void> {
  await page.keyboard.press('Control+5');
  await page.getByRole('region', { name: 'Language' }).getByRole('radio', { name: '简体中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
}

async function expectAxeClean(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
}

test('Queue and Spend in Simplified Chinese: a demo job, its detail and Retry question, the ledger and totals', async ({ app: page }) => {
  test.setTimeout(150_000);
  await chooseChinese(page);
  await page.evaluate(async (prompt) => {
    const r = await window.studio.jobs.submit({ params: { modelId: 'ark/seedance-1-0-pro-250528', prompt, resolution: '480p', aspectRatio: '16:9', duration: 2 } });
    if (!r.ok) throw new Error(r.error.message);
  }, PROMPT);

  await page.keyboard.press('Control+2');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('队列');
  await expect(page.getByRole('group', { name: '显示任务' }).getByRole('button', { name: /全部/ })).toHaveAttribute('aria-pressed', 'true');
  const row = page.locator('li.job-row').filter({ hasText: 'lighthouse' });
  await expect(row.locator('.job-chip')).toHaveText('完成', { timeout: 90_000 });
  await expect(row.locator('.job-meta')).toContainText('480p · 2 秒');
  // A demo job "would cost" (预计花费), in zh-CN money.
  await expect(row.locator('.job-cost')).toHaveText(`预计花费 ≈ US$${USD.toFixed(2)}`);
  await expect(row.locator('.job-times')).toContainText('生成用时');
  const toast = page.locator('.job-toast').filter({ hasText: 'lighthouse' });
  await expect(toast.locator('.job-toast-title')).toHaveText('视频已生成 · BytePlus ModelArk');
  await toast.getByRole('button', { name: '关闭' }).click();

  await row.locator('.job-select').click();
  const panel = page.getByRole('complementary', { name: '任务详情' });
  await expect(panel.getByRole('heading', { name: '参数' })).toBeVisible();
  await expect(panel.getByRole('heading', { name: '提供商任务 ID' })).toBeVisible();
  await expect(panel.getByRole('heading', { name: '时间线' })).toBeVisible();
  const params = panel.locator('.job-params');
  await expect(params.locator('div', { has: page.locator('dt', { hasText: '时长' }) }).locator('dd')).toHaveText('2 秒');
  await expect(params.locator('div', { has: page.locator('dt', { hasText: '花费' }) }).locator('dd')).toContainText(`预计花费 ≈ US$${USD.toFixed(2)}——演示任务，不计费`);
  await expect(panel.locator('.job-timeline')).toContainText('完成');
  await expect(panel.getByRole('button', { name: '复制提供商任务 ID' })).toBeVisible();
  await panel.getByRole('group', { name: '任务操作' }).getByRole('button', { name: '重试…' }).click();
  const retry = panel.getByRole('group', { name: '确认重试' });
  await expect(retry).toContainText(`它在演示模式中运行，因此不会计费（使用真实的 BytePlus ModelArk 密钥预计花费 ≈ US$${USD.toFixed(2)}）。`);
  await expectAxeClean(page);
  await retry.getByRole('button', { name: '不发送' }).click();
  await expect(retry).toBeHidden();

  await page.keyboard.press('Control+4');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('花费');
  const ledger = page.getByRole('table', { name: '本月任务' });
  await expect(ledger.getByRole('columnheader')).toHaveText(['时间', '提示词', '模型', '状态', '估算', '提供商报告']);
  const line = ledger.getByRole('row').filter({ hasText: 'lighthouse' });
  await expect(line.locator('.spend-status')).toHaveText('预计花费');
  await expect(line.locator('.spend-status')).toHaveAttribute('title', '演示任务：不计费；这是使用真实密钥的预计花费');
  await expect(line.locator('.spend-estimate')).toHaveText(`≈ US$${USD.toFixed(2)}`);
  await expect(line.locator('.spend-when')).toHaveText(/^\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
  const month = page.getByRole('region', { name: '本月', exact: true });
  await expect(month.locator('dt')).toHaveText(['已计费', '待定', '演示，预计花费', '任务数']);
  await expect(month.locator('.spend-amount')).toHaveText('US$0.00');
  await expect(page.getByRole('table', { name: '本月各提供商' }).getByRole('row', { name: /BytePlus ModelArk/ })).toContainText(`US$${USD.toFixed(2)}`);

  const budget = page.getByRole('region', { name: '每月预算' });
  await expect(budget).toContainText('未设置预算：任务发送时不会询问。');
  await budget.getByLabel('每月预算（美元）').fill('abc');
  await budget.getByRole('button', { name: '保存预算' }).click();
  await expect(budget.getByRole('alert')).toHaveText('请以美元金额输入预算，例如 50。');
  await budget.getByLabel('每月预算（美元）').fill('20');
  await budget.getByRole('button', { name: '保存预算' }).click();
  await expect(budget.getByRole('status')).toHaveText('预算已保存：每月 US$20.00。');
  await expect(budget.getByRole('meter', { name: '本月相对预算' })).toHaveAttribute('aria-valuetext', 'US$0.00 / US$20.00');
  await expect(budget.locator('.spend-budget-line')).toHaveText('本月 US$0.00 / US$20.00——剩余 US$20.00');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expectAxeClean(page);
});

test.describe('the budget question in Chinese', () => {
  const sim = useArkSimulator(test, 'spend-zh');

  test('a paid job that would cross the monthly budget asks first, in Chinese, with zh-CN amounts', async ({ app: page }) => {
    test.setTimeout(90_000);
    await connectArk(page, sim(), 0.01);
    // Compose is set up in English (its own branch translates it), then the language switches.
    await page.getByRole('combobox', { name: 'Model' }).click();
    await page.getByRole('group', { name: 'BytePlus ModelArk' }).getByRole('option', { name: 'Seedance 1.0 Pro', exact: true }).click();
    for (const name of ['480p', '16:9']) await page.locator('label.chip', { has: page.getByRole('radio', { name, exact: true }) }).click();
    await page.getByRole('textbox', { name: /Prompt/ }).fill('Rain on a tin roof');
    // providers.md "Output sizes": 480p 16:9, 5 s (the model's default) = 864×480×24×5/1024 tokens at $2.50 per million.
    const usd = (((864 * 480 * 24 * 5) / 1024) * 2.5) / 1_000_000;
    await expect(page.getByTestId('cost')).toContainText(`$${usd.toFixed(2)}`);

    await chooseChinese(page);
    await page.keyboard.press('Control+1');
    await page.locator('textarea').first().focus();
    await page.keyboard.press('Control+Enter');
    const ask = page.getByRole('dialog', { name: '超出每月预算' });
    await expect(ask).toBeVisible();
    await expect(ask).toContainText(`发送此任务会使本月花费达到 US$${usd.toFixed(2)}，超出 US$0.01 的预算 US$${(usd - 0.01).toFixed(2)}。`);
    await expect(ask.locator('dt')).toHaveText(['此任务（估算）', '本月至今', '加上此任务', '每月预算']);
    await expect(ask.locator('dd')).toHaveText([`US$${usd.toFixed(2)}`, 'US$0.00', `US$${usd.toFixed(2)}`, 'US$0.01']);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expectAxeClean(page);
    await ask.getByRole('button', { name: '不发送' }).click();
    await expect(ask).toBeHidden();
    expect(
      await page.evaluate(async () => {
        const r = await window.studio.jobs.list();
        return r.ok ? r.data.jobs.length : -1;
      }),
    ).toBe(0);
  });
});
