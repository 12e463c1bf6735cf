import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { FIXTURE_IMAGES } from '../fixtures/images';
import { makeClipVideo, seedClip } from './library-seed';

/** WCAG 2.1 A/AA rules plus axe's best practices, as in a11y.spec.ts. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** Serious or critical axe findings on the page as it is now. */
async function axeBlocking(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/** How many lines the text inside `el` takes: the height its text boxes span over the tallest one (1 = one line; an icon beside the text counts as its line). */
function textLines(el: Locator): Promise<number> {
  return el.evaluate((node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    const span = Math.max(...rects.map((r) => r.bottom)) - Math.min(...rects.map((r) => r.top));
    return Math.round(span / Math.max(...rects.map((r) => r.height)));
  });
}

// Local noon on 2 December 2026: the date every seeded clip carries, so the expected Chinese date is fixed.
const DEC_2_2026 = new Date(2026, 11, 2, 12, 0).getTime();

test('the Library and Compare in Simplified Chinese: grid, card names, the clip detail and Compare, Chinese dates, axe clean', async ({ page, harness }) => {
  test.setTimeout(120_000);
  const dragonfly = await seedClip(harness, {
    videoPath: makeClipVideo('testsrc2=size=640x360:rate=24'),
    prompt: 'A dragonfly lands on a reed, slow push in, morning mist',
    inputs: [{ role: 'first', path: join(FIXTURE_IMAGES, 'dragonfly-4224x3168.jpg') }],
    createdAt: DEC_2_2026 - 60_000,
  });
  await seedClip(harness, {
    videoPath: makeClipVideo('smptehdbars=size=640x360:rate=24'),
    prompt: 'Golden sunset over the sea, drone shot gliding forward',
    createdAt: DEC_2_2026,
    continuedFrom: dragonfly,
    rating: 4,
  });
  await page.goto(harness.url);
  await page.locator('html[data-app-state="ready"]').waitFor();

  // Settings (Ctrl+5) → Language → 简体中文; then the Library (Ctrl+3).
  await page.keyboard.press('Control+5');
  await page.getByRole('region', { name: 'Language' }).getByRole('radio', { name: '简体中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.keyboard.press('Control+3');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('视频库');
  await expect(page.locator('.library-count')).toHaveText('2 个视频');

  // The grid, its filters and the cards' accessible names, with Chinese dates.
  await expect(page.getByRole('search', { name: '筛选视频' }).getByRole('searchbox', { name: '搜索提示词和标签' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '排序' })).toHaveValue('newest');
  await expect(page.getByRole('option', { name: '最新优先' })).toBeAttached();
  const grid = page.getByRole('grid', { name: '视频' });
  await expect(grid.getByRole('gridcell')).toHaveCount(2);
  const sunsetCard = grid.getByRole('gridcell', { name: /^Golden sunset over the sea, drone shot gliding forward — .+，3 秒，480p，16:9，种子 1234，4 星，2026年12月2日$/ });
  await expect(sunsetCard).toBeVisible();
  await expect(sunsetCard.locator('.clip-format')).toContainText('种子 1234');
  expect(await axeBlocking(page)).toEqual([]);

  // A card picked for Compare (Ctrl+click): the pick bar says how many and asks for one more.
  await sunsetCard.click({ modifiers: ['Control'] });
  await expect(page.getByRole('group', { name: '对比' }).getByRole('status')).toHaveText('已选 1 个用于对比（最多 4 个） — 再选一个（Ctrl+点击或按 X）');

  await page.getByRole('button', { name: '清除选择' }).click();

  // The clip detail: heading, facts, lineage and actions in Chinese.
  await sunsetCard.click();
  await expect(page.getByRole('heading', { level: 2, name: /Golden sunset/ })).toBeVisible();
  await expect(page.getByRole('button', { name: '所有视频' })).toBeVisible();
  await expect(page.locator('.clip-detail-sub')).toContainText('2026年12月2日');
  const actions = page.getByRole('toolbar', { name: '视频操作' });
  for (const name of ['复用', '从尾帧续拍', '在文件夹中显示', '另存副本…', '导出附属文件（sidecar）', '删除']) {
    await expect(actions.getByRole('button', { name })).toBeVisible();
  }
  const playerBar = page.getByRole('toolbar', { name: '播放器控制' });
  await expect(playerBar.getByRole('button', { name: '播放' })).toBeVisible();
  // The player's time and its Loop label each keep to one line in Chinese (they once wrapped to two in the detail column).
  for (const control of [playerBar.locator('.player-time'), playerBar.getByRole('button', { name: '循环' })]) {
    expect(await textLines(control)).toBe(1);
  }
  for (const name of ['输入', '评分和标签', '来源关系', '提示词', '生成方式', '输出', '提供商任务', '花费']) {
    await expect(page.getByRole('heading', { level: 3, name, exact: true })).toBeVisible();
  }
  const facts = page.locator('.clip-facts');
  await expect(facts.locator('dt', { hasText: '种子' })).toBeVisible();
  await expect(facts.locator('dt', { hasText: '创建时间' }).locator('+ dd')).toHaveText(/^2026年12月2日 \d{1,2}:\d{2}$/);
  await expect(facts.locator('dt', { hasText: '估算' }).locator('+ dd')).toHaveText('≈ US$0.26，价格截至 2026-11');
  await expect(facts.locator('dt', { hasText: '提供商报告' }).locator('+ dd')).toHaveText('48,600 个 token');
  await expect(page.locator('.lineage dt')).toHaveText('续拍自');
  await expect(page.getByRole('radiogroup', { name: '评分' }).getByRole('radio', { name: '4 星' })).toHaveAttribute('aria-checked', 'true');
  await expect(page.locator('.rating-word')).toHaveText('4 / 5');
  await expect(page.getByRole('button', { name: '复制提示词' })).toBeVisible();
  expect(await axeBlocking(page)).toEqual([]);

  // Back to the grid; pick both and compare them.
  await page.getByRole('button', { name: '所有视频' }).click();
  await grid.getByRole('gridcell').first().click({ modifiers: ['Control'] });
  await grid.getByRole('gridcell').nth(1).click({ modifiers: ['Control'] });
  await page.getByRole('button', { name: '对比 2 个' }).click();
  const compare = page.getByRole('dialog', { name: '对比 2 个视频' });
  await expect(compare).toBeVisible();
  await expect(compare.getByRole('region', { name: '视频 1 · 种子 1234' })).toBeVisible();
  await expect(compare.getByRole('toolbar', { name: '播放控制' }).getByRole('button', { name: '全部播放' })).toBeVisible();
  await expect(compare.getByRole('button', { name: '收藏：视频 2 · 种子 1234' })).toBeVisible();
  await expect(compare.getByRole('heading', { name: /^设置 — \d+ 项不同$/ })).toBeVisible();
  await expect(compare.getByRole('rowheader', { name: /^提示词/ })).toContainText('不同');
  await expect(compare.getByRole('columnheader', { name: '设置项' })).toBeVisible();
  // The values the store words, in Chinese too (both clips: 5 s, camera free).
  const values = (label: string) => compare.locator('tr', { has: page.getByRole('rowheader', { name: label, exact: true }) }).locator('td');
  await expect(values('时长')).toHaveText(['5 秒', '5 秒']);
  await expect(values('镜头')).toHaveText(['不固定', '不固定']);
  expect(await axeBlocking(page)).toEqual([]);
  await compare.getByRole('button', { name: '关闭对比' }).click();
  await expect(compare).toBeHidden();
});
