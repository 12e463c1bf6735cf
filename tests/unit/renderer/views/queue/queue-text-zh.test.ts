import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../../../src/renderer/i18n/index';
import { cancelExplanation } from '../../../../../src/renderer/views/queue/cancel-text';
import { fixLabel } from '../../../../../src/renderer/views/queue/error-fix';
import { jobCost, retryPriceText } from '../../../../../src/renderer/views/queue/job-cost';
import { costOf, durationWords, etaText, promptExcerpt, stateWord } from '../../../../../src/renderer/views/queue/job-text';
import { takeDiffers, takeLine } from '../../../../../src/renderer/views/queue/take-text';
import { waitReason } from '../../../../../src/renderer/views/queue/wait-reason';
import { batchProgressText } from '../../../../../src/renderer/views/queue/BatchRow';
import { jobThrough } from '../../store/jobs/jobs-fixture';

/**
 * Issue 14 "Languages": the Queue's text-building functions say the same things in English (byte for
 * byte as before the i18n layer) and in Simplified Chinese, with zh-CN money ("US$0.05"). The fixture
 * job is ModelArk Seedance 1.0 Pro, 480p 16:9, 2 s: 19,440 tokens at $2.50 per million = $0.0486.
 */

afterEach(async () => {
  await i18n.changeLanguage('en');
});

const done = () => jobThrough('job-zh000001', ['queued', 'submitting', 'submitted', 'running', 'downloading', 'completed'], { route: 'provider' });

describe('Queue text in English and Simplified Chinese', () => {
  it('state words, excerpts, durations and the ETA', async () => {
    expect(stateWord({ state: 'running', progress: 42.7 })).toBe('Generating 42%');
    expect(stateWord({ state: 'queued' })).toBe('Not sent yet');
    expect(promptExcerpt(' ')).toBe('No prompt');
    expect(durationWords(5)).toBe('5 s');
    expect(durationWords(-1)).toBe('Auto');
    const job = { state: 'running' as const, etaSeconds: 80, updatedAt: 0 };
    expect(etaText(job, 0)).toBe('about 1:20 left');
    expect(etaText(job, 80_000)).toBe('any moment now');

    await i18n.changeLanguage('zh-CN');
    expect(stateWord({ state: 'running', progress: 42.7 })).toBe('生成中 42%');
    expect(stateWord({ state: 'queued' })).toBe('尚未发送');
    expect(stateWord({ state: 'completed' })).toBe('完成');
    expect(promptExcerpt(' ')).toBe('无提示词');
    expect(durationWords(5)).toBe('5 秒');
    expect(durationWords(-1)).toBe('自动');
    expect(etaText(job, 0)).toBe('约剩 1:20');
    expect(etaText(job, 80_000)).toBe('即将完成');
  });

  it('costs in each language: "≈ $0.05" and "≈ US$0.05"', async () => {
    expect(costOf(done().params)?.text).toBe('≈ $0.05');
    expect(jobCost(done())).toEqual({ kind: 'estimate', text: '≈ $0.05', title: 'Estimate, prices as of 2026-11' });
    expect(jobCost({ ...done(), route: 'demo' }).text).toBe('would cost ≈ $0.05');
    expect(jobCost(jobThrough('job-zh000002', ['queued', 'cancelled'])).text).toBe('not billed');
    expect(retryPriceText(done(), true)).toBe('It runs in the demo, so nothing is billed (with a real BytePlus ModelArk key it would cost ≈ $0.05).');
    expect(retryPriceText(done(), false)).toBe('It is sent to BytePlus ModelArk as a new job and billed again: ≈ $0.05 (estimate, prices as of 2026-11).');

    await i18n.changeLanguage('zh-CN');
    expect(costOf(done().params)?.text).toBe('≈ US$0.05');
    expect(jobCost(done())).toEqual({ kind: 'estimate', text: '≈ US$0.05', title: '估算，价格截至 2026-11' });
    expect(jobCost({ ...done(), route: 'demo' }).text).toBe('预计花费 ≈ US$0.05');
    expect(jobCost(jobThrough('job-zh000002', ['queued', 'cancelled'])).text).toBe('未计费');
    const running = jobCost(jobThrough('job-zh000003', ['queued', 'submitting', 'submitted', 'running', 'cancelled'], { route: 'provider' }));
    expect(running.text).toBe('可能已计费 ≈ US$0.05');
    expect(running.title).toBe('在 BytePlus ModelArk 开始后取消：请查看 BytePlus ModelArk 控制台');
    expect(retryPriceText(done(), true)).toBe('它在演示模式中运行，因此不会计费（使用真实的 BytePlus ModelArk 密钥预计花费 ≈ US$0.05）。');
    expect(retryPriceText(done(), false)).toBe('它将作为新任务发送到 BytePlus ModelArk 并再次计费：≈ US$0.05（估算，价格截至 2026-11）。');
  });

  it('why a job waits, what Cancel does and the remedy buttons', async () => {
    const stats = { provider: 'ark' as const, active: 2, limit: 2, cooldownMs: 0, waiting: 1 };
    expect(waitReason({ state: 'queued', provider: 'ark' }, { paused: false, online: true, provider: stats })).toBe(
      'Held: 2 of 2 jobs are already running at BytePlus ModelArk (Settings → Jobs at once). It is sent when one finishes.',
    );
    expect(cancelExplanation({ state: 'running', provider: 'novita' })).toBe('Novita has no way to cancel a task: the app stops tracking it; it may still be billed.');
    expect(fixLabel('settings')).toBe('Check your key in Settings');

    await i18n.changeLanguage('zh-CN');
    expect(waitReason({ state: 'queued', provider: 'ark' }, { paused: false, online: true, provider: stats })).toBe(
      '暂缓：BytePlus ModelArk 上已有 2/2 个任务在运行（设置 → 同时运行的任务数）。有任务完成后即发送。',
    );
    expect(waitReason({ state: 'queued', provider: 'ark' }, { paused: true, online: true, provider: undefined })).toBe('暂缓：队列已暂停。恢复队列后发送。');
    expect(waitReason({ state: 'running', provider: 'fal' }, { paused: false, online: false, provider: undefined })).toBe('离线：fal 仍在处理；网络恢复后继续轮询状态。');
    expect(cancelExplanation({ state: 'running', provider: 'novita' })).toBe('Novita 无法取消提供商任务：应用将停止跟踪它；它仍可能计费。');
    expect(cancelExplanation({ state: 'queued', provider: 'fal' })).toBe('尚未发送，因此不会计费。');
    expect(fixLabel('settings')).toBe('在设置中检查密钥');
    expect(fixLabel('retry-without-audio')).toBe('不带音频重试');
  });

  it('takes and batches: "Take 2 of 3" is "第 2 条，共 3 条"', async () => {
    const second = { n: 2, of: 3, seed: 4821, differs: ['seed', 'aspect ratio'] };
    expect(takeLine(second)).toBe('Take 2 of 3 · seed 4821');
    expect(takeLine({ n: 1, of: 1, seed: null, differs: [] })).toBeNull();
    expect(takeDiffers(second)).toBe('Take 2 of 3 — differs from take 1 in seed, aspect ratio');
    expect(takeDiffers({ ...second, differs: [] })).toBe('Take 2 of 3 — same settings as take 1');
    const takes = [done(), jobThrough('job-zh000004', ['queued', 'submitting']), jobThrough('job-zh000005', ['queued', 'failed'])];
    expect(batchProgressText(takes)).toBe('3 takes · 1 done · 1 under way · 1 failed or cancelled');

    await i18n.changeLanguage('zh-CN');
    expect(takeLine(second)).toBe('第 2 条，共 3 条 · 种子 4821');
    expect(takeLine({ n: 2, of: 3, seed: null, differs: [] })).toBe('第 2 条，共 3 条 · 随机种子');
    expect(takeDiffers(second)).toBe('第 2 条，共 3 条——与第 1 条的不同：种子、宽高比');
    expect(takeDiffers({ n: 1, of: 3, seed: 1, differs: [] })).toBe('第 1 条，共 3 条');
    expect(batchProgressText(takes)).toBe('3 条 · 1 条完成 · 1 条进行中 · 1 条失败或已取消');
  });
});
