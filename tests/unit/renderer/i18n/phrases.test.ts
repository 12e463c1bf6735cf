import { afterEach, describe, expect, it } from 'vitest';
import { ambiguousSubmitError, jobErrorOf, retryNotice } from '../../../../src/main/jobs/failures';
import { checkImage } from '../../../../src/main/images/check';
import { planCancel, providerCancelAnswer } from '../../../../src/main/jobs/cancel-plan';
import { inspectImage } from '../../../../src/main/images/inspect';
import { arkFailure } from '../../../../src/main/providers/ark';
import { makeFailure, modelRefused } from '../../../../src/main/providers/failure';
import { novitaAdapter, novitaFailure, parseNovitaTask } from '../../../../src/main/providers/novita';
import { ProviderError } from '../../../../src/main/providers/types';
import { checkSet } from '../../../../src/main/references/check';
import { i18n } from '../../../../src/renderer/i18n/index';
import { phraseText } from '../../../../src/renderer/i18n/phrase';
import { findModel } from '../../../../src/shared/catalog/models';
import type { JobParams, ModelEntry } from '../../../../src/shared/catalog/types';
import { cropNotices } from '../../../../src/shared/drafts/crop';
import { JobError } from '../../../../src/shared/jobs/job';
import en from '../../../../src/shared/messages/en.json';
import { english, lookup, type Phrase } from '../../../../src/shared/messages/phrase';
import { PHOTOS } from '../../main/images/derive';
import { both, englishLeft } from './in-both';
import { newQueuedJob } from '../../../../src/main/jobs/new-job';
import { prepareReferencesWith } from '../../../../src/main/jobs/prepare-references';
import { paramsSchema } from '../../../../src/shared/catalog/params';
import { StudioError } from '../../../../src/shared/contract/result';
import type { Job } from '../../../../src/shared/jobs/job';

type Tree = { [key: string]: string | Tree };

/** Every code of a resource tree. */
function codes(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : codes(value, `${prefix}${key}.`)));
}

const fix = (e: { fix?: string; fixPhrase?: Phrase }) => ({ message: e.fix ?? '', phrase: e.fixPhrase });
const answer = (status: number, body: unknown) => ({ status, headers: new Headers(), body, text: JSON.stringify(body) });
const model = (id: string): ModelEntry => findModel(id) ?? (() => { throw new Error(`catalog row ${id} missing`); })();

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('phrases: main’s sentences in the UI’s language (issue 14)', () => {
  it('every code renders in the UI exactly as main renders its English, and differently in Chinese', async () => {
    for (const code of codes(en as Tree)) {
      const names = [...(lookup(en as Tree, code) ?? '').matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
      const p: Phrase = { code, values: Object.fromEntries(names.map((n) => [n, `<${n}>`])) };
      const { en: inEnglish, zh } = await both({ message: 'fallback', phrase: p });
      expect(inEnglish, code).toBe(english(p));
      expect(zh, code).not.toBe('fallback');
      for (const n of names) expect(zh, `${code} keeps {{${n}}}`).toContain(`<${n}>`);
      // Chinese text, except the few fragments that are only punctuation or a space and a value.
      if (/\b[a-z]{3,}\b/.test(inEnglish.replace(/<\w+>/g, ''))) expect(zh, code).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('a provider refusing the key: the old sentence in English, Chinese in Chinese; the fix too', async () => {
    const failure = arkFailure(answer(401, { error: { code: 'AuthenticationError', message: 'The API key format is incorrect.' } }));
    expect(await both(failure)).toEqual({
      en: 'BytePlus ModelArk refused the API key: The API key format is incorrect. Check the key in Settings → Providers.',
      zh: 'BytePlus ModelArk 拒绝了 API 密钥：The API key format is incorrect. 请在“设置 → 提供商”中检查密钥。',
    });
    expect(failure.message).toBe('BytePlus ModelArk refused the API key: The API key format is incorrect. Check the key in Settings → Providers.');
    expect(await both(fix(jobErrorOf(failure)))).toEqual({ en: 'Check the key in Settings → Providers, then use Retry.', zh: '请在“设置 → 提供商”中检查密钥，然后点“重试”。' });
  });

  it('TaskTypeMismatch: our advice in place of the provider’s words', async () => {
    const failure = arkFailure(answer(400, { error: { code: 'InvalidParameter.TaskTypeMismatch', message: 'task type mismatch' } }));
    const out = await both(failure);
    expect(out.en).toBe(
      'BytePlus ModelArk rejected the request: the prompt\'s wording asks for another task than the one chosen (words like “extend”, “continue”, “replace” or “remove” read as an extension or an edit): reword the prompt, or choose the task it describes. Change the parameters or images and retry.',
    );
    expect(out.zh).toBe(
      'BytePlus ModelArk 拒绝了该请求：提示词的措辞要求的是另一种任务（“延长”“继续”“替换”“移除”等词会被理解为延长或编辑）：请改写提示词，或选择与之相符的任务。请修改参数或图片后重试。',
    );
  });

  it('rate limits, timeouts and failures without a detail', async () => {
    expect(await both(novitaFailure(answer(429, { code: 429, reason: 'RATE_LIMIT', message: 'slow down' })))).toEqual({
      en: 'Novita is limiting how fast requests are sent. The request will be retried shortly.',
      zh: 'Novita 正在限制请求频率，稍后会自动重试。',
    });
    expect(await both(makeFailure({ kind: 'timeout', provider: 'fal' }))).toEqual({ en: 'fal did not answer in time. The request can be retried.', zh: 'fal 未能及时响应，该请求可以重试。' });
    expect(await both(makeFailure({ kind: 'quota', provider: 'EvoLink' }))).toEqual({
      en: 'EvoLink says the account has no credit left. Top up the balance, then retry.',
      zh: 'EvoLink 表示账户余额已用完。请充值后重试。',
    });
  });

  it('a status the provider’s docs do not list, with its reason', async () => {
    const status = parseNovitaTask({ task: { task_id: 't', status: 'TASK_STATUS_HELD', reason: 'queue paused' }, videos: [] });
    expect(await both(status.error!)).toEqual({
      en: 'Novita reported an error on its side: it reported the status TASK_STATUS_HELD, which its docs do not list: queue paused. Retry later.',
      zh: 'Novita 自身出错：它报告了状态 TASK_STATUS_HELD，其文档中没有列出该状态：queue paused. 请稍后重试。',
    });
  });

  it('a retired model: name, date, source and replacement', async () => {
    const raw = arkFailure(answer(404, { error: { code: 'InvalidEndpointOrModel.NotFound', message: 'gone' } }));
    const { failure } = modelRefused(raw, 'ark', 'seedance-1-5-pro-251215', 'gone');
    expect(await both(failure)).toEqual({
      en: 'BytePlus ModelArk says the model Seedance 1.5 Pro (seedance-1-5-pro-251215) does not exist or is no longer offered. It was retired on 2026-11-11 (per a third-party source). Use Seedance 2.0 instead.',
      zh: 'BytePlus ModelArk 表示模型 Seedance 1.5 Pro (seedance-1-5-pro-251215) 不存在或已不再提供。它已于 2026-11-11 下线（据第三方来源）。请改用 Seedance 2.0。',
    });
    expect(await both(fix(jobErrorOf(failure)))).toEqual({
      en: 'Pick another model in Compose (Reuse keeps the prompt and settings), then submit again.',
      zh: '请在“创作”中选择其他模型（“复用”会保留提示词和设置），然后重新提交。',
    });
  });

  it('a submit that may or may not have reached the provider', async () => {
    const error = ambiguousSubmitError('fal');
    expect((await both(error)).en).toBe(
      "The connection broke while sending this job; it may or may not have reached fal. Check the provider's dashboard before retrying: retrying may bill twice.",
    );
    expect((await both(error)).zh).toBe('发送此任务时连接中断；它可能已到达 fal，也可能没有。重试前请先查看提供商的控制台：重试可能会重复计费。');
    expect(await both(fix(error))).toEqual({ en: 'Open the fal dashboard; if no task is there, use Retry.', zh: '打开 fal 控制台；如果那里没有该任务，再点“重试”。' });
  });

  it('a retry notice: the failure, then when it is tried again', async () => {
    const limited = novitaFailure(answer(429, { code: 429, reason: 'RATE_LIMIT', message: 'slow down' }));
    const { notice, noticePhrase } = retryNotice(limited, 11_200, 'send');
    expect(await both({ message: notice, phrase: noticePhrase })).toEqual({
      en: 'Novita is limiting how fast requests are sent. The request will be retried shortly. Trying again in 12 s.',
      zh: 'Novita 正在限制请求频率，稍后会自动重试。 12 秒后重试。',
    });
    const download = retryNotice('The connection was reset.', 3000, 'check');
    expect(await both({ message: download.notice, phrase: download.noticePhrase })).toEqual({
      en: 'The connection was reset. Checking again in 3 s.',
      zh: 'The connection was reset. 3 秒后再次查询。',
    });
  });

  it('cancel outcomes: a stopped download and a provider that could not cancel', async () => {
    const plan = planCancel({ state: 'downloading', provider: 'ark' }, { cancel: 'queued-only' });
    if (plan.kind !== 'download') throw new Error(plan.kind);
    expect(await both(plan.note)).toEqual({
      en: 'Download stopped. BytePlus ModelArk already made (and billed) the video; its link works until it expires.',
      zh: '已停止下载。BytePlus ModelArk 已生成（并已计费）该视频；其链接在过期前仍可用。',
    });
    const refused = providerCancelAnswer('ark', { cancelled: false, reason: 'running' });
    if (refused.cancelled) throw new Error('cancelled');
    expect(await both(refused.message)).toEqual({
      en: 'BytePlus ModelArk could not cancel it (running): it has probably started. It keeps running and the video will be downloaded.',
      zh: 'BytePlus ModelArk 无法取消（running）：它可能已开始生成。任务会继续运行，视频会被下载。',
    });
  });

  it('a provider that cannot cancel says why in Chinese: the adapter’s own answer, and a failed ask', async () => {
    const noApi = await novitaAdapter.cancelTask({ taskId: 'task-1', handle: {} }, { apiKey: 'k', baseUrls: { api: 'https://api.novita.ai' }, fetch });
    if (noApi.cancelled) throw new Error('Novita cancelled');
    const refused = providerCancelAnswer('novita', { cancelled: false, ...(noApi.reason ? { reason: noApi.reason } : {}) });
    if (refused.cancelled) throw new Error('cancelled');
    expect(await both(refused.message)).toEqual({
      en: 'Novita could not cancel it (Novita has no cancel API; the task runs to the end.): it has probably started. It keeps running and the video will be downloaded.',
      zh: 'Novita 无法取消（Novita 没有取消接口；任务会一直运行到结束。）：它可能已开始生成。任务会继续运行，视频会被下载。',
    });
    const down = providerCancelAnswer('fal', { error: new ProviderError(makeFailure({ kind: 'network', provider: 'fal' })) });
    if (down.cancelled) throw new Error('cancelled');
    const shown = await both(down.message);
    expect(shown.en).toMatch(/^Could not ask fal to cancel it \(Could not reach fal/);
    expect(englishLeft(shown.zh, ['fal'])).toEqual([]);
  });

  it('an image verdict on a real photo: the nuthatch is over the 6000 px limit', async () => {
    const info = await inspectImage(PHOTOS.nuthatch);
    const [violation] = checkImage(info, model('novita/seedance-v1-pro-i2v'), { resolution: '720p', aspectRatio: '16:9', role: 'first' }).violations;
    expect(await both(violation!)).toEqual({ en: 'longer side 6028 px is over the 6000 px limit.', zh: '长边 6028 px 超过了 6000 px 的上限。' });
    expect(await both(fix(violation!))).toEqual({ en: 'Scale down to 1248 × 704.', zh: '缩小到 1248 × 704。' });
  });

  it('crop notices: the provider’s centre crop of the Altai portrait and its upscale', async () => {
    const [crop, upscale] = cropNotices({ width: 1080, height: 1920 }, { width: 1080, height: 608 }, { width: 1280, height: 720 }, { by: 'provider', label: '16:9' });
    expect(await both(crop!)).toEqual({
      en: 'the photo (1080 × 1920) does not match 16:9: the provider centre-crops 68 % of its height.',
      zh: '照片（1080 × 1920）与 16:9 不符：提供商会居中裁掉高度的 68%。',
    });
    expect((await both(upscale!)).en).toBe('after cropping, the photo has 1080 × 608 px, fewer than the 1280 × 720 output: it will be upscaled and look softer.');
  });

  it('a reference set verdict: audio alone', async () => {
    const entry = model('evolink/seedance-2.0-reference-to-video');
    const [alone] = checkSet(entry, entry.references!, [{ kind: 'audio' }]).filter((v) => v.rule === 'audio_alone');
    expect(await both(alone!)).toEqual({
      en: `Audio alone is not accepted: ${entry.name} needs at least one reference image or video with it.`,
      zh: `不接受只有音频：${entry.name} 需要至少搭配一张参考图片或一段参考视频。`,
    });
    expect(await both(fix(alone!))).toEqual({ en: 'Add a reference image or video.', zh: '请添加参考图片或视频。' });
  });

  it('cancelling a job that has ended: the state in the UI’s language', async () => {
    const plan = planCancel({ state: 'completed', provider: 'fal' }, { cancel: 'queued-only' });
    if (plan.kind !== 'ended') throw new Error(plan.kind);
    expect(await both(plan.message)).toEqual({ en: 'This job has already ended (completed); there is nothing to cancel.', zh: '此任务已经结束（已完成）；没有可取消的内容。' });
  });

  it('a new job the model refuses: each of zod’s first three issues in the UI’s language', async () => {
    const entry = model('novita/seedance-v1-pro-t2v');
    const params: JobParams = { modelId: entry.id, prompt: 'a paper boat', resolution: '4k', aspectRatio: '16:9', duration: 7, seed: 1.5 };
    let err: unknown;
    try {
      newQueuedJob(params, findModel, { id: undefined, order: 0, now: Date.UTC(2026, 0, 1) });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StudioError);
    const issues = paramsSchema(entry).safeParse(params).error!.issues.slice(0, 3);
    expect(issues.length).toBeGreaterThan(1);
    const { en, zh } = await both(err as StudioError);
    expect(en).toBe(issues.map((i) => i.message).join('; '));
    expect(zh.split('；')).toHaveLength(issues.length);
    expect(englishLeft(zh, [entry.name, '480p', '720p', '1080p', 'Auto'])).toEqual([]);
  });

  it('references the engine refuses before asking for any file: the verdict lines, each in the UI’s language', async () => {
    const entry = model('evolink/seedance-2.0-reference-to-video');
    const prepare = prepareReferencesWith({
      catalog: findModel,
      files: () => Promise.reject(new Error('no file is asked for')),
      media: { prepare: () => Promise.reject(new Error('no file is probed')) },
    });
    const job = { params: { modelId: entry.id, prompt: 'hum', resolution: '720p', aspectRatio: '16:9', duration: 5, references: [{ kind: 'audio', id: 'a'.repeat(32) }] } } as unknown as Job;
    const err = await prepare(job).then(
      () => null,
      (e: unknown) => e as StudioError,
    );
    expect(err?.code).toBe('BAD_INPUT');
    expect(await both(err!)).toEqual({
      en: `The references cannot be sent:\nAudio alone is not accepted: ${entry.name} needs at least one reference image or video with it. Fix: Add a reference image or video.`,
      zh: `无法发送这些参考：\n不接受只有音频：${entry.name} 需要至少搭配一张参考图片或一段参考视频。修复方法：请添加参考图片或视频。`,
    });
  });

  it('falls back to the English message: no phrase (a job saved before phrases), an unknown code, an unknown nested code', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(phraseText(undefined, 'Old English sentence.')).toBe('Old English sentence.');
    expect(phraseText({ code: 'failure.fromTheFuture' }, 'Newer English sentence.')).toBe('Newer English sentence.');
    expect(phraseText({ code: 'failure.auth', values: { provider: 'fal', why: { code: 'failure.why.fromTheFuture' } } }, 'fal refused the API key.')).toBe('fal refused the API key.');
  });

  it('reads job errors leniently: an old one without phrases, and a malformed phrase dropped, never the error', () => {
    expect(JobError.parse({ kind: 'auth', message: 'Old.', fix: 'Fix.' })).toEqual({ kind: 'auth', message: 'Old.', fix: 'Fix.' });
    const bad = JobError.parse({ kind: 'auth', message: 'Old.', phrase: { code: 42 }, fix: 'Fix.', fixPhrase: 'not a phrase' });
    expect(bad).toEqual({ kind: 'auth', message: 'Old.', fix: 'Fix.' });
  });
});
