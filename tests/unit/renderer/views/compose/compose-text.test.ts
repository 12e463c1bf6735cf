import { afterEach, describe, expect, it } from 'vitest';
import { CATALOG } from '../../../../../src/shared/catalog/models';
import type { ImageCheck } from '../../../../../src/shared/contract/images';
import type { ReferenceItemCheck } from '../../../../../src/shared/contract/media';
import { i18n } from '../../../../../src/renderer/i18n/index';
import { batchCostText } from '../../../../../src/renderer/views/compose/batch-cost-text';
import { formatCost, formatDuration } from '../../../../../src/renderer/views/compose/format';
import { promptLimit } from '../../../../../src/renderer/views/compose/prompt-limit';
import { tileFacts } from '../../../../../src/renderer/views/compose/reference-facts';
import { referenceVerdict } from '../../../../../src/renderer/views/compose/reference-verdict';
import { lockReason, taskHelp, taskLabel } from '../../../../../src/renderer/views/compose/task-words';
import { verdictFor } from '../../../../../src/renderer/views/compose/verdict';

/*
 * The text Compose builds outside components (issue 14 "Languages"): English exactly as the app has
 * always said it (e2e and acceptance tests read it), and Simplified Chinese with the glossary's words,
 * with the same numbers and sizes, and prices in zh-CN's form (US$).
 */

const entry = CATALOG.find((m) => m.imageRules && m.modes.includes('image-to-video'));
if (!entry?.imageRules) throw new Error('the catalogue has no image-to-video row with image rules');
const rules = entry.imageRules;

/** The image service's answer for a photo of `width` × `height` px sent at 1280 × 720. */
function check(width: number, height: number, violations: ImageCheck['violations'] = []): ImageCheck {
  return {
    ok: violations.length === 0,
    violations,
    warnings: [],
    target: { width: 1280, height: 720 },
    crop: { left: 0, top: 0, width, height },
    info: {
      name: 'nuthatch.jpg', format: 'jpeg', mime: 'image/jpeg', width, height, bytes: 4_000_000, pages: 1, animated: false,
      space: 'srgb', bitDepth: 8, channels: 3, hasAlpha: false, orientation: 1, hasProfile: false,
    },
  };
}

const tooLarge = check(rules.maxSideExclusive + 28, 3391, [{ rule: 'max_side', message: 'too large', fix: 'Scaled down to fit.' }]);
const each = { usd: 0.26, asOf: '2026-11', estimate: true } as const;

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('Compose text in English (unchanged)', () => {
  it('says the frame verdicts as before', () => {
    expect(verdictFor(check(4224, 3168), entry).headline).toBe('Fits — will be sent as 1280 × 720');
    expect(verdictFor(tooLarge, entry).headline).toBe(`Too large: ${rules.maxSideExclusive + 28} px > ${rules.maxSideExclusive} px — will be fixed`);
    const two = check(rules.maxSideExclusive + 28, 3391, [...tooLarge.violations, { rule: 'orientation', message: 'stored sideways', fix: 'Turned upright.' }]);
    expect(verdictFor(two, entry).headline).toBe(`Too large: ${rules.maxSideExclusive + 28} px > ${rules.maxSideExclusive} px — will be fixed (and 1 more)`);
    expect(verdictFor(two, entry).details.map((d) => d.text)).toEqual(['Too large Scaled down to fit.', 'Stored sideways Turned upright.']);
  });

  it('says prices, durations, the prompt limit, the tasks and the tray as before', () => {
    expect(formatCost(each)).toBe('≈ $0.26, estimate as of 2026-11');
    expect(formatCost({ usd: 0.004, asOf: '2026-11', estimate: true })).toBe('≈ < $0.01, estimate as of 2026-11');
    expect(formatCost(null)).toBe('no published price');
    expect(formatDuration(5)).toBe('5 s');
    expect(formatDuration(-1)).toBe('Auto');
    expect(batchCostText(each, 3, 'fal', false)).toEqual({
      short: '3 takes ≈ $0.78, estimate as of 2026-11',
      sentence: 'fal bills each take: ≈ $0.78 in all (3 × $0.26, estimate as of 2026-11).',
      button: 'Send 3 jobs, ≈ $0.78',
    });
    expect(batchCostText(each, 2, 'fal', true).sentence).toBe('Demo mode: nothing is billed. With a real fal key the batch would cost ≈ $0.52 (2 × $0.26, estimate as of 2026-11).');
    expect(batchCostText(null, 4, 'fal', false).short).toBe('4 takes, no published price');
    expect(promptLimit('x'.repeat(2001), { maxChars: 2000, hard: true, required: true }).message).toBe("1 characters over this model's limit: shorten the prompt to generate.");
    expect(promptLimit('x'.repeat(1900), { maxChars: 2000, hard: false, required: true }).message).toBe('100 characters left.');
    expect(lockReason({ firstFrame: { imageId: 'a'.repeat(32) } } as never, 'reference')).toBe('A first frame sets the aspect ratio: the video follows the image.');
    expect(taskLabel('edit')).toBe('Edit a clip');
    expect(taskHelp('extend')).toBe('Continues the first reference video (@video1) forward or backward; same ratio.');
    const fits: ReferenceItemCheck = { index: 0, kind: 'image', tag: '@image1', ok: true, violations: [], warnings: [] };
    expect(referenceVerdict(fits).headline).toBe('Fits');
    expect(tileFacts({ kind: 'video', id: 'v'.repeat(32) }, {}, {}).name).toBe('Video');
  });
});

describe('Compose text in Simplified Chinese', () => {
  it('says the frame verdicts in Chinese, with the same numbers', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(verdictFor(check(4224, 3168), entry).headline).toBe('符合要求 — 将以 1280 × 720 发送');
    expect(verdictFor(tooLarge, entry).headline).toBe(`太大：${rules.maxSideExclusive + 28} px > ${rules.maxSideExclusive} px — 将自动修正`);
    const wide = check(6000, 1000, [{ rule: 'ratio', message: 'too wide', fix: 'Cropped.' }]);
    expect(verdictFor(wide, entry).headline).toBe(`太宽：宽高比 6.00 超出 ${rules.minRatio} – ${rules.maxRatio} — 将自动修正`);
  });

  it('says prices (US$), durations (秒), the prompt limit, the tasks and the tray in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(formatCost(each)).toBe('≈ US$0.26，估算截至 2026-11');
    expect(formatCost(null)).toBe('无公开价格');
    expect(formatDuration(5)).toBe('5 秒');
    expect(formatDuration(-1)).toBe('自动');
    expect(batchCostText(each, 3, 'fal', false)).toEqual({
      short: '3 条 ≈ US$0.78，估算截至 2026-11',
      sentence: 'fal 对每一条计费：共 ≈ US$0.78（3 × US$0.26，估算截至 2026-11）。',
      button: '发送 3 个任务，≈ US$0.78',
    });
    expect(batchCostText(each, 2, 'fal', true).button).toBe('发送 2 个任务（演示，未计费）');
    expect(promptLimit('x'.repeat(1900), { maxChars: 2000, hard: false, required: true }).message).toBe('还剩 100 个字符。');
    expect(lockReason({ task: 'edit' } as never, 'edit')).toBe('编辑保持源视频的宽高比和时长。');
    expect(taskLabel('extend')).toBe('延长片段');
    const fits: ReferenceItemCheck = { index: 0, kind: 'image', tag: '@image1', ok: true, violations: [], warnings: [] };
    expect(referenceVerdict(fits).headline).toBe('符合要求');
    expect(tileFacts({ kind: 'audio', id: 'a'.repeat(32) }, {}, {}).name).toBe('音频');
  });
});
