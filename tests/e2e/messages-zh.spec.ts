import { FIXTURE_IMAGES } from '../fixtures/images';
import { connectArk, useArkSimulator } from './ark-simulator';
import { expect, test } from './fixtures';
import { chooseChinese } from './language';
import { makeClipVideo, seedClip } from './library-seed';

/**
 * Issue 14 "Languages": sentences made in main and the engine — a provider's failure and its fix in
 * the Queue, an image verdict in Compose — reach a Chinese UI in Chinese. They travel as phrases
 * (a code and its values) beside their English `message`, which the CLI and logs keep using.
 */

/** 1080 × 1920: sent at 16:9 the provider centre-crops most of its height. */
const ALTAI = `${FIXTURE_IMAGES}/altai-portrait-1080x1920.png`;

test.describe('a failed job in Chinese', () => {
  const sim = useArkSimulator(test, 'messages-zh');

  test('ModelArk refuses a real face: the Queue says what happened and what to do in Chinese', async ({ app: page }) => {
    test.setTimeout(120_000);
    await connectArk(page, sim());
    // The simulator fails the next task with ModelArk's own payload for a real person's face.
    sim().setFaults({ ark: { failTask: { times: 1, kind: 'image_policy' } } });
    await chooseChinese(page);
    await page.evaluate(async () => {
      const r = await window.studio.jobs.submit({
        params: { modelId: 'ark/seedance-1-0-pro-250528', prompt: 'A portrait turns to the light', resolution: '480p', aspectRatio: '16:9', duration: 2 },
      });
      if (!r.ok) throw new Error(r.error.message);
    });

    await page.keyboard.press('Control+2');
    const row = page.locator('li.job-row').filter({ hasText: 'A portrait turns to the light' });
    await expect(row.locator('.job-chip')).toHaveText('失败', { timeout: 90_000 });
    const message =
      'BytePlus ModelArk 的内容审核拒绝了提示词、某张图片或生成结果：Seedance 2.x 拒绝含有真实人脸的图片；请使用不含真实人脸的图片。请修改提示词或图片后重试。';
    await expect(row.locator('.job-error-message')).toHaveText(message);
    await expect(row.locator('.job-error-fix')).toHaveText('请修改提示词或图片（复制任务），然后重新提交。');

    await row.locator('.job-select').click();
    const panel = page.getByRole('complementary', { name: '任务详情' });
    await expect(panel.locator('.job-error-message')).toHaveText(message);
    // The provider's own words stay as the provider wrote them.
    await expect(panel.locator('.job-error')).toContainText('InputImageSensitiveContentDetected.PrivacyInformation');

    // The English of record is unchanged: what the CLI, the logs and an English UI show.
    const stored = await page.evaluate(async () => {
      const r = await window.studio.jobs.list();
      return r.ok ? r.data.jobs[0]?.error : undefined;
    });
    expect(stored?.message).toBe(
      "BytePlus ModelArk's content filter refused the prompt, an image or the result: Seedance 2.x refuses images showing real human faces; use an image without a real face. Change the prompt or image and retry.",
    );
    expect(stored?.phrase?.code).toBe('failure.content_policy');
  });
});

test('an image verdict in Chinese: the provider’s centre crop of a portrait sent at 16:9', async ({ app: page }) => {
  test.setTimeout(90_000);
  await chooseChinese(page);
  await page.keyboard.press('Control+1');
  await page.getByRole('combobox', { name: '模型' }).click();
  await page.getByRole('group', { name: 'fal' }).getByRole('option', { name: /Seedance 1\.5 Pro · 图生视频/ }).click();
  await page.locator('label.chip', { has: page.getByRole('radio', { name: '16:9', exact: true }) }).click();
  const first = page.getByRole('region', { name: '首帧', exact: true });
  await page.getByLabel('为首帧选择照片').setInputFiles(ALTAI);
  await expect(first.getByText('altai-portrait-1080x1920.png')).toBeVisible({ timeout: 20_000 });
  await expect(first.getByText('照片（1080 × 1920）与 16:9 不符：提供商会居中裁掉高度的 68%。')).toBeVisible({ timeout: 20_000 });
  await expect(first).not.toContainText('does not match');
});

/*
 * Sentences the renderer's store builds (not main's phrases): Generate's outcome in Compose, and the
 * Library's delete toast and its Undo, in Chinese — with no English left around the names that stay
 * as they are (the model's, the clip's prompt).
 */
test('Generate’s outcome in Chinese: queued on the model, follow it in the Queue', async ({ app: page }) => {
  test.setTimeout(90_000);
  await chooseChinese(page);
  await page.keyboard.press('Control+1');
  await page.getByRole('combobox', { name: '模型' }).click();
  await page.getByRole('group', { name: 'fal' }).getByRole('option', { name: 'Seedance 1.5 Pro · 文生视频', exact: true }).click();
  await page.locator('label.chip', { has: page.getByRole('radio', { name: '480p', exact: true }) }).click();
  await page.getByRole('textbox', { name: '提示词' }).fill('Fog rolls over a pine ridge at dawn');
  const generate = page.getByRole('button', { name: /^生成/ });
  await expect(generate).toBeEnabled({ timeout: 30_000 });
  await generate.click();
  const outcome = page.locator('.generate-outcome');
  await expect(outcome).toContainText(/已加入队列，模型：Seedance 1\.5 Pro.*。可在队列中查看进度。/);
  await expect(outcome).not.toContainText('Queued');
  await expect(outcome).not.toContainText('Follow');
});

test('the Library’s delete toast and its Undo in Chinese', async ({ app: page, harness }) => {
  test.setTimeout(90_000);
  const prompt = 'A heron wades through the shallows at dusk';
  await seedClip(harness, { videoPath: makeClipVideo(), prompt, modelId: 'novita/seedance-v1-pro-t2v' });
  await chooseChinese(page);
  await page.keyboard.press('Control+3');
  const card = page.getByRole('gridcell', { name: /heron/ });
  await card.click();
  await expect(page.getByRole('heading', { level: 2, name: /heron/ })).toBeVisible();
  await page.getByRole('toolbar', { name: '视频操作' }).getByRole('button', { name: '删除' }).click();
  const toast = page.locator('.library-toast');
  await expect(toast).toContainText(`已移到回收站：${prompt}`);
  await expect(card).toHaveCount(0);
  await toast.getByRole('button', { name: '撤销' }).click();
  await expect(toast).toContainText(`已恢复：${prompt}`);
  await expect(toast).not.toContainText(/Moved|Restored/);
  await expect(card).toBeVisible();
});

test('model names say their mode in Chinese, and stay the catalogue’s English names in English', async ({ app: page }) => {
  test.setTimeout(90_000);
  const picker = () => page.getByRole('combobox', { name: /^(模型|Model)$/ });
  await chooseChinese(page);
  await page.keyboard.press('Control+1');
  await picker().click();
  const options = page.getByRole('option');
  // Each option's name (its ItemText), without the mode badges and the reason beside it.
  const names = page.locator('[role="option"] .model-item-main > span:first-child');
  await expect(options.first()).toBeVisible();
  const zh = await names.allTextContents();
  expect(zh).toContain('Seedance 2.0 · 文生视频');
  expect(zh).toContain('Seedance 1.5 Pro · 图生视频');
  expect(zh).toContain('Seedance 2.5 · 参考生视频');
  expect(zh.filter((name) => / to video/.test(name))).toEqual([]);
  await page.getByRole('group', { name: 'fal' }).getByRole('option', { name: /Seedance 1\.5 Pro · 图生视频/ }).click();
  await expect(picker()).toContainText('Seedance 1.5 Pro · 图生视频');

  await page.keyboard.press('Control+5');
  await page.getByRole('region', { name: '语言' }).getByRole('radio', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.keyboard.press('Control+1');
  await expect(picker()).toContainText('Seedance 1.5 Pro · image to video');
  await picker().click();
  await expect(options.first()).toBeVisible();
  const en = await names.allTextContents();
  expect(en).toContain('Seedance 2.0 · text to video');
  expect(en).toContain('Seedance 2.5 · reference to video');
  expect(en.filter((name) => /视频/.test(name))).toEqual([]);
  await expect(page.getByRole('group', { name: 'fal' }).getByRole('option', { name: 'Seedance 1.5 Pro · image to video', exact: true })).toBeVisible();
});
