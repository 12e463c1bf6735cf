import { expect, type Page } from '@playwright/test';

/** Switches the UI to Simplified Chinese the way a user does (Settings → Language) and waits for `<html lang="zh-CN">`. */
export async function chooseChinese(page: Page): Promise<void> {
  await page.keyboard.press('Control+5');
  await page.getByRole('region', { name: 'Language' }).getByRole('radio', { name: '简体中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
}
