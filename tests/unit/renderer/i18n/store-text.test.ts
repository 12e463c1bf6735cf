import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StudioApi } from '../../../../src/shared/contract/index';
import type { ClipDetail } from '../../../../src/shared/contract/library';
import type { Result, StudioErrorShape } from '../../../../src/shared/contract/result';
import { findModel } from '../../../../src/shared/catalog/models';
import { Draft } from '../../../../src/shared/drafts/draft';
import type { ClipSidecar } from '../../../../src/shared/library/sidecar';
import { createStudioClient } from '../../../../src/renderer/api/client';
import { i18n } from '../../../../src/renderer/i18n/index';
import { seedText, settingsDiff } from '../../../../src/renderer/store/compare/diff';
import { blobToBase64, importImageFile } from '../../../../src/renderer/store/compose/frame-files';
import { generate, generateBatch, readinessNow } from '../../../../src/renderer/store/compose/generate';
import { addReferenceFiles, addReferenceUrl, fixReference } from '../../../../src/renderer/store/compose/reference-actions';
import type { ComposeRequests } from '../../../../src/renderer/store/compose/slice';
import { continueClip, reuseClip } from '../../../../src/renderer/store/library/handoff';
import type { LibraryRequests } from '../../../../src/renderer/store/library/slice';
import { joinWithSource, sourceClip } from '../../../../src/renderer/store/library/source-handoff';
import type { SpendRequests } from '../../../../src/renderer/store/spend/slice';
import { useStudio } from '../../../../src/renderer/store/index';
import { mixedRow } from '../../shared/drafts/reference-row';
import { installFileReader } from '../node-file-reader';
import { clipSidecar } from '../store/library/sidecar-fixture';

/*
 * Issue 14 "Languages": sentences the store builds in plain .ts files — the Library's toasts,
 * Generate's outcome, the tray's refusals, Compare's diff — reach a Chinese UI in Chinese, while the
 * English stays byte for byte what it was (e2e and acceptance tests match it). The store's real
 * actions run over the real client and a bridge answering as main would; main's own refusals carry
 * their phrase, as main sends them.
 */

installFileReader();

const ok = (data: unknown): Promise<Result<unknown>> => Promise.resolve({ ok: true, data });
/** Main's answer when a handler fails: its English `message` and the phrase a window shows. */
const failed = (channel: string): Promise<Result<unknown>> =>
  Promise.resolve({
    ok: false,
    error: { code: 'INTERNAL', message: `Something went wrong handling ${channel}; the log has details.`, phrase: { code: 'request.failed', values: { channel } } } satisfies StudioErrorShape,
  });

/**
 * Latin words left in a sentence once the names that stay as they are (model names, channels,
 * file names, URLs, codecs) are taken out: none means nothing English reached the screen.
 */
function englishIn(text: string | undefined, keep: readonly string[] = []): string[] {
  let rest = text ?? 'undefined';
  for (const k of [...keep, 'https://', 'URL', 'H.264']) rest = rest.split(k).join(' ');
  return rest.match(/[A-Za-z]{2,}/g) ?? [];
}

beforeEach(async () => {
  await i18n.changeLanguage('en');
});
afterEach(async () => {
  await i18n.changeLanguage('en');
});

/** Runs `scene` in English, then in Simplified Chinese, answering what each showed. */
async function inBoth<T>(scene: () => Promise<T>): Promise<{ en: T; zh: T }> {
  const en = await scene();
  await i18n.changeLanguage('zh-CN');
  return { en, zh: await scene() };
}

const T2V = 'ark/seedance-1-0-pro-250528';
const T2V_NAME = findModel(T2V)!.name;

/**
 * Compose on ModelArk's Seedance 1.0 Pro (priced, so the budget is asked) with a prompt; `jobs` answers as main's job domain and
 * the monthly budget is `budgetUsd` (null: none), or cannot be read at all when `budgetUsd` is
 * 'unreadable' (the spend domain is not bound).
 */
function composeOn(jobs: Record<string, () => Promise<Result<unknown>>>, budgetUsd: number | null | 'unreadable') {
  const client = createStudioClient({ jobs, spend: { budget: () => ok({ budgetUsd, committedUsd: 0 }) } } as unknown as StudioApi);
  const state = useStudio.getState();
  state.models.setList({ demo: false, models: [{ ...findModel(T2V)!, available: true }] });
  state.compose.setRequests({ jobs: client.jobs } as unknown as ComposeRequests);
  state.spend.setRequests(budgetUsd === 'unreadable' ? null : (client as unknown as SpendRequests));
  state.compose.loaded(Draft.parse({ id: 'draft-0001', updatedAt: 0, modelId: T2V, prompt: 'A heron lands on a pier', params: { resolution: '480p', aspectRatio: '16:9', duration: 5 } }));
  state.compose.setSubmit({ status: 'idle' });
}

const submitMessage = () => {
  const submit = useStudio.getState().compose.submit;
  return submit.status === 'sent' || submit.status === 'error' ? submit.message : undefined;
};

/** Three takes of the ready draft, seeds 1–3. */
function threeTakes() {
  const ready = readinessNow(useStudio.getState());
  if (!ready.ready) throw new Error(ready.reason);
  return [1, 2, 3].map((seed) => ({ ...ready.params, seed }));
}

const queued = { submit: () => ok({ id: 'job-1' }), submitBatch: () => ok({ jobs: [{}, {}, {}] }) };

describe('Generate says how it went in the UI’s language', () => {
  it('queued on the model', async () => {
    const shown = await inBoth(async () => {
      composeOn(queued, null);
      await generate(useStudio);
      return submitMessage();
    });
    expect(shown.en).toBe(`Queued on ${T2V_NAME}. Follow it in the Queue.`);
    expect(shown.zh).toBe(`已加入队列，模型：${T2V_NAME}。可在队列中查看进度。`);
    expect(englishIn(shown.zh, [T2V_NAME])).toEqual([]);
  });

  it('a batch queued as one', async () => {
    const shown = await inBoth(async () => {
      composeOn(queued, null);
      await generateBatch(useStudio, threeTakes());
      return submitMessage();
    });
    expect(shown.en).toBe('Queued 3 takes as one batch. Follow them in the Queue.');
    expect(shown.zh).toBe('已将 3 条作为一批加入队列。可在队列中查看进度。');
  });

  it('not sent when the budget cannot be read, with the reason', async () => {
    const shown = await inBoth(async () => {
      composeOn(queued, 'unreadable');
      await generate(useStudio);
      return submitMessage();
    });
    expect(shown.en).toBe('Not sent: the budget could not be checked (The app is not connected to its main process yet. Try again in a moment.).');
    expect(shown.zh).toMatch(/^未发送：无法核对预算（.+）。$/);
    expect(englishIn(shown.zh)).toEqual([]);
  });

  it('main’s refusal of the job in its phrase', async () => {
    const shown = await inBoth(async () => {
      composeOn({ submit: () => failed('jobs:submit') }, null);
      await generate(useStudio);
      return submitMessage();
    });
    expect(shown.en).toBe('Something went wrong handling jobs:submit; the log has details.');
    expect(englishIn(shown.zh, ['jobs:submit'])).toEqual([]);
  });

  it('asks the budget about the batch as "these 3 takes" (a count, said by the dialog in the UI’s language)', async () => {
    composeOn(queued, 0.01);
    const sending = generateBatch(useStudio, threeTakes());
    await expect.poll(() => useStudio.getState().spend.ask?.takes).toBe(3);
    useStudio.getState().spend.answer(false);
    await sending;
    expect(useStudio.getState().compose.submit.status).toBe('idle');
  });
});

// A ModelArk Seedance 1.0 Pro clip made from text.
const sidecar = clipSidecar({
  provider: 'ark',
  modelId: 'ark/seedance-1-0-pro-250528',
  mode: 'text-to-video',
  parameters: { resolution: '480p', aspectRatio: '16:9', duration: 5 },
  seed: 42,
  output: { width: 864, height: 480, durationSec: 5 },
});
const CLIP = { id: sidecar.id, prompt: sidecar.prompt, rating: 0, tags: [], sidecar, inputs: [] } as unknown as ClipDetail;
const SOURCE_ID = 'beef5678';

/** The Library's requests over a bridge whose `library` verbs answer as `verbs` (others: main's failure). */
function libraryOn(verbs: Record<string, () => Promise<Result<unknown>>>) {
  const library = new Proxy(verbs, { get: (v, verb: string) => v[verb] ?? (() => failed(`library:${verb}`)) });
  const draft = Draft.parse({ id: 'draft-0002', updatedAt: 0, modelId: sidecar.modelId, prompt: sidecar.prompt, params: sidecar.parameters });
  const client = createStudioClient({ library, drafts: { create: () => ok({ draft }) } } as unknown as StudioApi);
  const state = useStudio.getState();
  state.library.setRequests({ library: client.library, images: client.images, drafts: client.drafts, jobs: client.jobs } as LibraryRequests);
  state.library.setList({ 0: [CLIP] }, 1);
  state.library.showToast(null);
  state.library.setBusy(null);
  state.shell.announce(null);
}

const toast = () => useStudio.getState().library.toast?.text;

describe('the Library’s toasts in the UI’s language', () => {
  it('delete and restore, and main’s refusal of each', async () => {
    const shown = await inBoth(async () => {
      libraryOn({ trash: () => ok({ id: CLIP.id }), restore: () => ok(CLIP) });
      await useStudio.getState().library.trash(CLIP.id);
      const trashed = toast();
      await useStudio.getState().library.restore(CLIP.id);
      const restored = toast();
      libraryOn({});
      await useStudio.getState().library.trash(CLIP.id);
      const notDeleted = toast();
      await useStudio.getState().library.restore(CLIP.id);
      const notRestored = toast();
      await useStudio.getState().library.rate(CLIP.id, 4);
      return { trashed, restored, notDeleted, notRestored, notSaved: toast() };
    });
    expect(shown.en).toEqual({
      trashed: 'Moved to the trash: A dragonfly lands on a reed',
      restored: 'Restored: A dragonfly lands on a reed',
      notDeleted: 'Not deleted: Something went wrong handling library:trash; the log has details.',
      notRestored: 'Not restored: Something went wrong handling library:restore; the log has details.',
      notSaved: 'Not saved: Something went wrong handling library:update; the log has details.',
    });
    expect(shown.zh.trashed).toBe('已移到回收站：A dragonfly lands on a reed');
    expect(shown.zh.restored).toBe('已恢复：A dragonfly lands on a reed');
    expect(shown.zh.notDeleted).toBe('未删除：处理 library:trash 时出了问题；详情见日志。');
    expect(shown.zh.notRestored).toMatch(/^未恢复：/);
    expect(shown.zh.notSaved).toMatch(/^未保存：/);
    for (const text of [shown.zh.notRestored, shown.zh.notSaved]) expect(englishIn(text, ['library:restore', 'library:update'])).toEqual([]);
  });

  it('a clip with no prompt is an untitled clip', async () => {
    const untitled = { ...CLIP, prompt: ' ' };
    const shown = await inBoth(async () => {
      libraryOn({ trash: () => ok({ id: CLIP.id }), restore: () => ok(untitled) });
      await useStudio.getState().library.restore(CLIP.id);
      return toast();
    });
    expect(shown).toEqual({ en: 'Restored: Untitled clip', zh: '已恢复：未命名视频' });
  });

  it('each hand-off to Compose names itself when it fails', async () => {
    const t2v25 = findModel('ark/dreamina-seedance-2-5-260628')!;
    const shown = await inBoth(async () => {
      const out: string[] = [];
      for (const handoff of [
        () => reuseClip(useStudio, CLIP),
        () => continueClip(useStudio, CLIP),
        () => sourceClip(useStudio, CLIP, t2v25, 'edit'),
        () => sourceClip(useStudio, CLIP, t2v25, 'extend'),
        () => joinWithSource(useStudio, CLIP, SOURCE_ID),
      ]) {
        libraryOn({});
        await handoff();
        out.push(toast() ?? '');
      }
      return out;
    });
    const why = (verb: string) => `Something went wrong handling library:${verb}; the log has details.`;
    expect(shown.en).toEqual([
      `Reuse failed: ${why('reuseInputs')}`,
      `Continue from last frame failed: ${why('lastFrame')}`,
      `Edit failed: ${why('sourceVideo')}`,
      `Extend failed: ${why('sourceVideo')}`,
      `Join with the source failed: ${why('join')}`,
    ]);
    expect(shown.zh.map((t) => t.slice(0, t.indexOf('：')))).toEqual(['复用失败', '从尾帧续拍失败', '编辑失败', '延长失败', '与源视频拼接失败']);
    for (const text of shown.zh) expect(englishIn(text, ['library:reuseInputs', 'library:lastFrame', 'library:sourceVideo', 'library:join'])).toEqual([]);
  });

  it('a join says how long the new clip is and how it was made', async () => {
    const joined = { id: 'cafe0000', durationSec: 7.04 };
    const shown = await inBoth(async () => {
      const out: Array<string | undefined> = [];
      for (const answer of [{ method: 'copy', reasons: [] }, { method: 'reencode', reasons: ['frame rates differ: 24, 30', 'sizes differ: 864×480, 1248×704'] }]) {
        libraryOn({ join: () => ok({ clip: joined, ...answer }), get: () => ok({ ...CLIP, id: joined.id }) });
        await joinWithSource(useStudio, CLIP, SOURCE_ID);
        out.push(toast());
      }
      return out;
    });
    expect(shown.en).toEqual([
      'Joined into one 7.0 s clip; the video was copied as it is (nothing re-encoded).',
      'Joined into one 7.0 s clip, re-encoded to H.264 because frame rates differ: 24, 30; sizes differ: 864×480, 1248×704.',
    ]);
    expect(shown.zh[0]).toBe('已拼接为一个 7.0 秒 的视频；视频按原样复制（未重新编码）。');
    expect(englishIn(shown.zh[0])).toEqual([]);
    // The reasons are main's words (ffprobe's facts), passed on as they are.
    expect(shown.zh[1]).toBe('已拼接为一个 7.0 秒 的视频，并重新编码为 H.264，原因：frame rates differ: 24, 30；sizes differ: 864×480, 1248×704。');
  });

  it('a reuse that left inputs behind says so in Compose’s status line', async () => {
    const left = 'The first frame: its file is no longer in the library.';
    const shown = await inBoth(async () => {
      libraryOn({ reuseInputs: () => ok({ frames: [], references: [], left: [left] }) });
      await reuseClip(useStudio, CLIP);
      return useStudio.getState().shell.notice;
    });
    expect(shown.en).toBe(`Reused without some inputs. ${left}`);
    expect(shown.zh).toBe(`已复用，但部分输入未能带回。${left}`);
  });
});

describe('the reference tray’s refusals in the UI’s language', () => {
  /** Compose on the mixed 2.0 row (reference videos by URL only), with media imports refused by main. */
  function trayOn() {
    const client = createStudioClient({ media: { importBytes: () => failed('media:importBytes'), fix: () => failed('media:fix') } } as unknown as StudioApi);
    const row = { ...mixedRow(), available: true };
    useStudio.getState().models.setList({ demo: true, models: [row] });
    useStudio.getState().compose.setRequests({ images: client.images, media: client.media, files: client.files } as unknown as ComposeRequests);
    useStudio.getState().compose.loaded(Draft.parse({ id: 'draft-0001', updatedAt: 0, modelId: row.id, prompt: '', params: { resolution: '720p', aspectRatio: '16:9', duration: 5 } }));
    return row.name;
  }
  const file = (name: string, type: string) => new File([new Uint8Array([1, 2, 3])], name, { type });

  it('files it cannot take, a video it takes only by URL, bad URLs and an item it cannot fix', async () => {
    let model = '';
    const shown = await inBoth(async () => {
      model = trayOn();
      await addReferenceFiles(useStudio, [file('notes.txt', 'text/plain'), file('', 'application/octet-stream'), file('walk.mp4', 'video/mp4'), file('voice.wav', 'audio/wav')]);
      return {
        errors: useStudio.getState().compose.referenceImport.errors,
        badUrl: addReferenceUrl(useStudio, 'http://example.com/walk.mp4'),
        noUrl: addReferenceUrl(useStudio, '  '),
        fix: await fixReference(useStudio, 5, 'reencode'),
      };
    });
    expect(shown.en).toEqual({
      errors: [
        'notes.txt is not an image, a video or an audio file.',
        'The pasted file is not an image, a video or an audio file.',
        `walk.mp4: ${model} takes reference videos only by public URL: put the video where the service can fetch it and paste its https:// address below.`,
        'voice.wav: Something went wrong handling media:importBytes; the log has details.',
      ],
      badUrl: 'Give a public https:// address the service can fetch.',
      noUrl: 'Paste the video’s https:// address first.',
      fix: 'This reference cannot be fixed here.',
    });
    expect(shown.zh.errors.slice(0, 2)).toEqual(['notes.txt 不是图片、视频或音频文件。', '粘贴的文件 不是图片、视频或音频文件。']);
    for (const text of [...shown.zh.errors, shown.zh.badUrl, shown.zh.noUrl, shown.zh.fix]) {
      expect(englishIn(text ?? undefined, ['notes.txt', 'walk.mp4', 'voice.wav', 'media:importBytes', model])).toEqual([]);
    }
  });

  it('a pasted image is named in the UI’s language; an unreadable file says so', async () => {
    const names: string[] = [];
    const requests = {
      files: { grant: async () => null },
      images: { importBytes: async ({ name }: { name: string }) => (names.push(name), { imageId: '0'.repeat(32), previewUrl: 'data:,', info: { name } }) },
    } as unknown as Parameters<typeof importImageFile>[0];
    const gone = file('', 'image/png');
    gone.arrayBuffer = () => Promise.reject(new Error('ENOENT'));
    const shown = await inBoth(async () => {
      await importImageFile(requests, file('', 'image/png'));
      return (await blobToBase64(gone).catch((err: Error) => err)) as Error;
    });
    expect(names).toEqual(['Pasted image', '粘贴的图片']);
    expect(shown.en.message).toBe('The file could not be read.');
    expect(shown.zh.message).toBe('无法读取该文件。');
  });
});

describe('Compare’s diff in the UI’s language', () => {
  const compared = (over: Partial<ClipSidecar['parameters']>, first?: boolean): ClipDetail =>
    ({
      ...CLIP,
      provider: 'ark',
      modelId: 'ark/seedance-1-0-pro-250528',
      prompt: '',
      resolution: '480p',
      aspectRatio: '16:9',
      width: 864,
      height: 480,
      seed: null,
      inputs: first ? [{ role: 'first', kind: 'image', kept: 'original', url: null, sha256: 'aa' }] : [],
      sidecar: { ...sidecar, seed: null, parameters: { ...sidecar.parameters, ...over } },
    }) as unknown as ClipDetail;

  it('labels and words; names and numbers as they are', async () => {
    const clips = [compared({ cameraFixed: true, generateAudio: true, duration: 5 }, true), compared({ cameraFixed: false, generateAudio: false, duration: -1, seed: -1 })];
    const shown = await inBoth(async () => ({ rows: settingsDiff(clips), seed: seedText(clips[1]!) }));
    const values = (rows: typeof shown.en.rows) => Object.fromEntries(rows.map((r) => [r.label, r.values]));
    expect(values(shown.en.rows)).toMatchObject({
      Prompt: ['(no prompt)', '(no prompt)'],
      Seed: ['random (not reported)', 'random (not reported)'],
      Duration: ['5 s', 'Auto'],
      Camera: ['fixed', 'free'],
      Audio: ['generated', 'none'],
      'First frame': ['first frame', 'none'],
      'Last frame': ['none', 'none'],
    });
    expect(values(shown.zh.rows)).toMatchObject({
      提示词: ['（无提示词）', '（无提示词）'],
      时长: ['5 秒', '自动'],
      镜头: ['固定', '不固定'],
      音频: ['已生成', '无'],
      首帧: ['首帧', '无'],
    });
    expect(shown.zh.seed).toBe('随机（未报告）');
    const modelName = findModel('ark/seedance-1-0-pro-250528')!.name;
    for (const row of shown.zh.rows) expect(englishIn([row.label, ...row.values].join(' '), [modelName, 'BytePlus ModelArk'])).toEqual([]);
  });
});
