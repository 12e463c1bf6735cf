import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { expectNoHorizontalScroll, expectUncovered } from './layout-checks';
import { FIXTURE_IMAGES } from '../fixtures/images';

/** 4224 × 3168 (4:3): within every rule, so its verdict is "fits". */
const DRAGONFLY = `${FIXTURE_IMAGES}/dragonfly-4224x3168.jpg`;
/** WCAG 2.1 A/AA rules plus axe's best practices, as in a11y.spec.ts. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

// The smallest window the layout must hold at (issue 14): Chinese text must not widen Compose.
test.use({ viewport: { width: 1024, height: 640 } });

test('Compose in Simplified Chinese: headings, labels, frames, parameters, verdict and Generate are Chinese; axe clean; no sideways scroll', async ({ app: page }) => {
  const html = page.locator('html');
  await page.keyboard.press('Control+5');
  await page.getByRole('region', { name: 'Language' }).getByRole('radio', { name: '简体中文' }).click();
  await expect(html).toHaveAttribute('lang', 'zh-CN');

  await page.keyboard.press('Control+1');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('创作');
  await expect(page.getByText('从提示词、首帧，或首帧加尾帧开始一段视频。')).toBeVisible();

  // The model picker and a row with frames and parameters (fal's 1.5 Pro image-to-video).
  await page.getByRole('combobox', { name: '模型' }).click();
  await page.getByRole('group', { name: 'fal' }).getByRole('option', { name: /Seedance 1\.5 Pro · 图生视频/ }).click();
  await expect(page.getByRole('combobox', { name: '模型' })).toContainText('Seedance 1.5 Pro · 图生视频');
  await expect(page.locator('.model-picker').getByText('演示', { exact: true })).toBeVisible();

  // The prompt, its placeholder and hint.
  const prompt = page.getByRole('textbox', { name: '提示词' });
  await expect(prompt).toHaveAttribute('placeholder', '描述镜头：主体、动作、运镜、光线、氛围…');
  await expect(page.getByText('把台词放在"双引号"中即可生成语音')).toBeVisible();
  await prompt.fill('一只蜻蜓停在芦苇上，晨雾，镜头缓慢推近。');

  // The frame sections, and the parameters in their groups.
  const first = page.getByRole('region', { name: '首帧', exact: true });
  const last = page.getByRole('region', { name: '尾帧', exact: true });
  await expect(first.getByRole('heading', { name: '首帧' })).toBeVisible();
  await expect(last.getByRole('heading', { name: '尾帧' })).toBeVisible();
  await expect(first.getByText(/拖入照片、粘贴，或按 /)).toBeVisible();
  await expect(page.getByRole('button', { name: '交换' })).toBeDisabled();
  const side = page.getByRole('complementary', { name: '模型和参数' });
  const params = side.getByRole('group', { name: '参数' });
  await expect(params.getByRole('group', { name: '分辨率' })).toBeVisible();
  await expect(params.getByRole('group', { name: '宽高比' })).toBeVisible();
  await expect(params.getByRole('textbox', { name: '种子' })).toBeVisible();
  await expect(params.getByRole('switch', { name: '生成音频' })).toBeVisible();
  await expect(side.getByRole('group', { name: '变体' }).getByRole('group', { name: '每次生成的条数' })).toBeVisible();

  // A real photo as the first frame: its verdict, size and the crop box speak Chinese.
  await page.getByLabel('为首帧选择照片').setInputFiles(DRAGONFLY);
  await expect(first.getByText('dragonfly-4224x3168.jpg')).toBeVisible({ timeout: 20_000 });
  await expect(first.getByText(/^符合要求 — 将以 \d+ × \d+ 发送$/)).toBeVisible({ timeout: 20_000 });
  await expect(first.getByText(/^将以 \d+ × \d+ · JPEG · /)).toBeVisible({ timeout: 30_000 });
  await expect(first.getByRole('button', { name: '重新取景首帧…' })).toBeVisible();
  await expect(page.getByRole('button', { name: '首帧同时用作尾帧' })).toBeEnabled();

  // The footer: its facts, a price in Chinese form, and Generate.
  const footer = page.locator('.generate-bar');
  for (const term of ['输出', '时长', '花费']) await expect(footer.getByText(term, { exact: true })).toBeVisible();
  await expect(page.getByTestId('cost')).toContainText(/≈ US\$\d+\.\d\d，估算截至 /);
  const generate = page.getByRole('button', { name: /^生成/ });
  await expect(generate).toBeEnabled();
  await expect(generate).toContainText('生成');

  await expectNoHorizontalScroll(page);
  await expectUncovered(prompt, 'the prompt');
  await expectUncovered(generate, 'Generate');

  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  expect(blocking).toEqual([]);
});

test("the catalogue's model notes follow the language: English, then Chinese, then English again", async ({ app: page }) => {
  const html = page.locator('html');
  const notes = page.locator('.model-facts .model-note');
  const chooseLanguage = async (name: string) => {
    await page.keyboard.press('Control+5');
    await page.getByRole('region', { name: /^(Language|语言)$/ }).getByRole('radio', { name }).click();
    await page.keyboard.press('Control+1');
  };
  await chooseLanguage('English');
  await expect(html).toHaveAttribute('lang', 'en');
  await page.getByRole('combobox', { name: 'Model' }).click();
  await page.getByRole('group', { name: 'Novita' }).getByRole('option', { name: /Seedance 1\.5 Pro · image to video/ }).click();
  await expect(notes).toHaveText(['Dialogue in double quotes drives generated speech.', 'Service tier "flex" is half price and slower.']);

  await chooseLanguage('简体中文');
  await expect(html).toHaveAttribute('lang', 'zh-CN');
  await expect(notes).toHaveText(['双引号中的对白会生成语音。', '推理模式“flex”（离线推理）价格减半，但速度更慢。']);

  await chooseLanguage('English');
  await expect(notes).toHaveText(['Dialogue in double quotes drives generated speech.', 'Service tier "flex" is half price and slower.']);
});
