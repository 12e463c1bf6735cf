import { blockingViolations } from './axe';
import { expect } from './fixtures';
import { chooseChinese } from './language';
import { test } from './slow-start';

/** The views in rail order: their Chinese rail names (I18N.md glossary) and shortcut digits. */
const ZH_VIEWS = [
  { name: '创作', key: '1' },
  { name: '队列', key: '2' },
  { name: '视频库', key: '3' },
  { name: '花费', key: '4' },
  { name: '设置', key: '5' },
];

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme, Simplified Chinese`, () => {
    test.use({ colorScheme: scheme });

    test('every view passes axe in Chinese; the rail, status line and Settings are Chinese', async ({ app }) => {
      test.setTimeout(180_000);
      await chooseChinese(app);
      const rail = app.getByRole('navigation', { name: '视图' });
      await expect(rail).toBeVisible();
      await expect(app.getByRole('link', { name: '跳到主要内容' })).toBeAttached();
      const status = app.getByRole('contentinfo').getByRole('status');
      await expect(status).toContainText('演示模式 — 离线模拟器');
      await expect(status).toContainText(/在线|离线|正在检查网络连接/);
      await expect(status).not.toContainText(/Online|Offline|Demo mode|Library:/);

      for (const view of ZH_VIEWS) {
        await app.keyboard.press(`Control+${view.key}`);
        await expect(rail.getByRole('button', { name: view.name })).toHaveAttribute('aria-current', 'page');
        await expect(app.getByRole('heading', { level: 1 })).toBeVisible();
        expect(await blockingViolations(app), `${view.name} (${scheme})`).toEqual([]);
      }

      // Settings (the last view opened) is Chinese from its heading to its provider cards.
      await expect(app.getByRole('heading', { level: 1 })).toHaveText('设置');
      for (const region of ['提供商', '视频库', '通知', '外观', '语言', '高级', '关于']) {
        await expect(app.getByRole('region', { name: region, exact: true })).toBeVisible();
      }
      const novita = app.locator('[data-provider="novita"]');
      await expect(novita.getByRole('button', { name: '保存密钥' })).toBeVisible();
      await expect(novita.getByRole('button', { name: '检查密钥 （Novita）' })).toBeVisible();
      await expect(novita.getByText('未设置', { exact: true })).toBeVisible();
      await expect(app.getByRole('switch', { name: '视频完成时通知' })).toBeVisible();
      await expect(app.locator('html')).toHaveAttribute('lang', 'zh-CN');
    });
  });
}

test('a key check and a refused value answer in Chinese', async ({ app }) => {
  test.setTimeout(120_000);
  await chooseChinese(app);
  const novita = app.locator('[data-provider="novita"]');
  await novita.getByRole('button', { name: '保存密钥' }).click();
  await expect(novita.getByRole('alert')).toHaveText('请先输入 Novita 的密钥。');
  const advanced = app.getByRole('region', { name: '高级' });
  await advanced.getByRole('spinbutton', { name: '最短等待（秒）' }).fill('0');
  await advanced.getByRole('button', { name: '保存 （轮询）' }).click();
  await expect(advanced.getByRole('alert').first()).toContainText('请输入');
});
