import { describe, expect, it } from 'vitest';
import { createNativeText } from '../../../../src/main/i18n/native-text';
import { ambiguousSubmitError } from '../../../../src/main/jobs/failures';
import { registerSecret } from '../../../../src/main/logging/redact';
import { notificationFor, notifySettingFor } from '../../../../src/main/notify/notification-text';
import { JobState } from '../../../../src/shared/jobs/job';
import { jobThrough } from './job-fixture';

const LIFE = ['queued', 'submitting', 'submitted', 'running', 'downloading'] as const;
/** Main's text in English and in Simplified Chinese (a system that prefers Chinese, setting `system`). */
const en = createNativeText(() => []);
const zh = createNativeText(() => ['zh-Hans-CN', 'en-US']);
zh.apply('system');

describe('notifySettingFor', () => {
  it.each([
    ['completed', 'onFinish'],
    ['failed', 'onFail'],
    ['expired', 'onFail'],
    ['needs_attention', 'onFail'],
    ['cancelled', null],
    ['draft', null],
    ['queued', null],
    ['submitting', null],
    ['submitted', null],
    ['running', null],
    ['downloading', null],
  ] as const)('%s → %s', (state, setting) => {
    expect(notifySettingFor(state)).toBe(setting);
  });

  it('notifies for exactly the four end states the user must hear about', () => {
    expect(JobState.options.filter((s) => notifySettingFor(s) !== null)).toEqual(['completed', 'failed', 'expired', 'needs_attention']);
  });
});

describe('notificationFor', () => {
  it('says "Video ready" with the prompt and the model name, and offers Continue when the clip is filed', () => {
    const job = jobThrough('job-done-01', [...LIFE, 'completed'], { result: { libraryId: 'abcd1234efgh' } });
    expect(notificationFor(job, en)).toEqual({
      title: 'Video ready',
      body: 'a paper boat on a pond, job-done-01 · Seedance 1.0 Pro · text to video',
      jobId: 'job-done-01',
      actions: ['open', 'continue'],
    });
  });

  it('offers only Open when no clip was filed, and names an unknown model by its id', () => {
    const job = jobThrough('job-done-02', [...LIFE, 'completed'], { params: { modelId: 'gone/old-model', prompt: '', resolution: '480p', aspectRatio: '16:9', duration: 5 } });
    expect(notificationFor(job, en)).toEqual({ title: 'Video ready', body: 'No prompt · gone/old-model', jobId: 'job-done-02', actions: ['open'] });
  });

  it('cuts a long prompt to one line of 80 characters', () => {
    const prompt = `a very   long\nprompt ${'with many words '.repeat(20)}`;
    const job = jobThrough('job-done-03', [...LIFE, 'completed'], { params: { modelId: 'novita/seedance-v1-pro-t2v', prompt, resolution: '480p', aspectRatio: '16:9', duration: 5 } });
    const excerpt = notificationFor(job, en)?.body.split(' · ')[0] ?? '';
    expect(excerpt).toHaveLength(80);
    expect(excerpt.startsWith('a very long prompt with many words')).toBe(true);
    expect(excerpt.endsWith('…')).toBe(true);
  });

  it.each([
    ['failed', 'Video failed', { kind: 'content_policy', message: 'The provider refused the prompt under its content policy.', providerMessage: 'RAW: policy 1234' }, 'The provider refused the prompt under its content policy.'],
    ['expired', 'Video expired', { kind: 'expired', message: 'The video link expired before it was downloaded (task t-1).' }, 'The video link expired before it was downloaded (task t-1).'],
    ['needs_attention', 'Job needs attention', { kind: 'interrupted', message: 'The app stopped while sending this job.' }, 'The app stopped while sending this job.'],
    ['failed', 'Video failed', undefined, 'The provider could not make this video.'],
    ['expired', 'Video expired', undefined, 'The video link expired before the download finished.'],
  ] as const)('%s says "%s" and gives the plain reason, never the provider raw message', (state, title, error, reason) => {
    const states = state === 'needs_attention' ? (['queued', 'submitting', 'needs_attention'] as const) : ([...LIFE, state] as const);
    const job = jobThrough('job-bad-01', [...states], error ? { error: { ...error } } : {});
    const n = notificationFor(job, en);
    expect(n).toEqual({ title, body: `${reason}\na paper boat on a pond, job-bad-01`, jobId: 'job-bad-01', actions: ['open'] });
    expect(n?.body).not.toContain('RAW');
  });

  it.each(['draft', 'queued', 'submitting', 'submitted', 'running', 'downloading', 'cancelled'] as const)('%s makes no notification', (state) => {
    expect(notificationFor(jobThrough('job-none-01', [state]), en)).toBeNull();
  });

  it('is in Simplified Chinese when the language is: titles, reasons, "No prompt"; prompt, model and error message as they are', () => {
    const done = jobThrough('job-zh-01', [...LIFE, 'completed'], { params: { modelId: 'gone/old-model', prompt: '', resolution: '480p', aspectRatio: '16:9', duration: 5 } });
    expect(notificationFor(done, zh)).toEqual({ title: '视频已就绪', body: '无提示词 · gone/old-model', jobId: 'job-zh-01', actions: ['open'] });
    const failed = jobThrough('job-zh-02', [...LIFE, 'failed']);
    expect(notificationFor(failed, zh)).toMatchObject({ title: '视频生成失败', body: '提供商无法生成此视频。\na paper boat on a pond, job-zh-02' });
    const lost = jobThrough('job-zh-03', ['queued', 'submitting', 'needs_attention'], { error: { kind: 'interrupted', message: 'The app stopped while sending this job.' } });
    expect(notificationFor(lost, zh)).toMatchObject({ title: '任务需要处理', body: 'The app stopped while sending this job.\na paper boat on a pond, job-zh-03' });
  });

  it('gives a failure reason that carries a phrase in the app’s language, and in English when the app is', () => {
    const error = ambiguousSubmitError('fal');
    const lost = jobThrough('job-zh-04', ['queued', 'submitting', 'needs_attention'], { error });
    expect(notificationFor(lost, zh)?.body).toBe('发送此任务时连接中断；它可能已到达 fal，也可能没有。重试前请先查看提供商的控制台：重试可能会重复计费。\na paper boat on a pond, job-zh-04');
    expect(notificationFor(lost, en)?.body).toBe(`${error.message}\na paper boat on a pond, job-zh-04`);
    // A phrase this build does not know: the English message it came with.
    const newer = jobThrough('job-zh-05', [...LIFE, 'failed'], { error: { kind: 'provider_error', message: 'A newer sentence.', phrase: { code: 'job.fromTheFuture' } } });
    expect(notificationFor(newer, zh)?.body).toBe('A newer sentence.\na paper boat on a pond, job-zh-05');
  });

  it('masks a registered secret that found its way into an error message', () => {
    const secret = 'sk-notify-test-0123456789';
    registerSecret(secret);
    const job = jobThrough('job-bad-02', [...LIFE, 'failed'], { error: { kind: 'auth', message: `Key ${secret} was refused.` } });
    expect(notificationFor(job, en)?.body).toBe('Key ••• was refused.\na paper boat on a pond, job-bad-02');
  });
});
