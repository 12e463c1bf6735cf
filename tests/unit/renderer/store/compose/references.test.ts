import { describe, expect, it } from 'vitest';
import type { ReferenceItem } from '../../../../../src/shared/catalog/types';
import type { ReferenceCheck } from '../../../../../src/shared/contract/media';
import { Draft } from '../../../../../src/shared/drafts/draft';
import { draftSeedFromJobParams, inputsFor, jobParamsFromDraft } from '../../../../../src/shared/drafts/params';
import { referenceBlocker } from '../../../../../src/renderer/store/compose/reference-readiness';
import { withReferenceMoved, withReferenceRemoved, withReferencesAdded } from '../../../../../src/renderer/store/compose/reference-edits';
import { referenceKindOf } from '../../../../../src/renderer/store/compose/reference-files';
import { readiness } from '../../../../../src/renderer/store/compose/readiness';
import { IDLE } from '../../../../../src/renderer/store/compose/frame-state';
import { i18n } from '../../../../../src/renderer/i18n/index';
import { mixedRow, referenceRow } from '../../../shared/drafts/reference-row';

const id = (c: string) => c.repeat(32);
const img = (c: string): ReferenceItem => ({ kind: 'image', id: id(c) });
const vid = (c: string): ReferenceItem => ({ kind: 'video', id: id(c) });
const aud = (c: string): ReferenceItem => ({ kind: 'audio', id: id(c) });

function draft(over: Partial<Draft> = {}): Draft {
  return Draft.parse({ id: 'draft-0001', updatedAt: 0, modelId: referenceRow().id, prompt: '', params: { resolution: '720p', aspectRatio: '16:9', duration: 5 }, ...over });
}

const done = (value: Partial<ReferenceCheck>) => ({ status: 'done' as const, key: 'k', value: { ok: true, items: [], violations: [], ...value } });

describe('jobParamsFromDraft with a tray', () => {
  it('sends the tray in tag order and no frame on a reference row', () => {
    const d = draft({ references: [img('a'), vid('b'), aud('c')], firstFrame: { imageId: id('f') } });
    const params = jobParamsFromDraft(d, referenceRow());
    expect(params.references).toEqual([img('a'), vid('b'), aud('c')]);
    expect(params.firstFrame).toBeUndefined();
    // The job's copy is its own: editing the draft later does not change a sent job.
    expect(params.references?.[0]).not.toBe(d.references[0]);
  });

  it('on a row taking both, follows the pick, else the tray when it holds anything', () => {
    const row = mixedRow();
    const d = draft({ modelId: row.id, references: [img('a')], firstFrame: { imageId: id('f') } });
    expect(inputsFor(d, row)).toBe('references');
    expect(inputsFor({ references: [] }, row)).toBe('frames');
    const frames = jobParamsFromDraft(d, row, 'frames');
    expect(frames.firstFrame).toBe(id('f'));
    expect(frames.references).toBeUndefined();
  });

  it('never sends the tray on a row without references', () => {
    expect(inputsFor(draft({ references: [img('a')] }), { ...referenceRow(), modes: ['image-to-video'], references: undefined })).toBe('frames');
  });

  it('comes back into a draft seed (Duplicate to Compose, Reuse)', () => {
    const params = jobParamsFromDraft(draft({ references: [img('a'), vid('b')] }), referenceRow());
    expect(draftSeedFromJobParams(params).references).toEqual([img('a'), vid('b')]);
  });
});

describe('tray edits keep the prompt meaning the same files', () => {
  it('moving @image2 earlier swaps the two tags in the prompt; removing @image1 marks its mentions', () => {
    const d = draft({ prompt: '@image1 waves at @image2 while @audio1 plays', references: [img('a'), img('b'), aud('c')] });
    const moved = withReferenceMoved(d, 1, -1);
    expect(moved?.references).toEqual([img('b'), img('a'), aud('c')]);
    expect(moved?.prompt).toBe('@image2 waves at @image1 while @audio1 plays');
    const removed = withReferenceRemoved(moved ?? d, 0);
    expect(removed?.references).toEqual([img('a'), aud('c')]);
    expect(removed?.prompt).toBe('@image1 waves at @image? while @audio1 plays');
  });

  it('adding keeps kinds grouped and skips a file already in the tray', () => {
    const d = withReferencesAdded(draft({ references: [img('a'), aud('c')] }), [vid('v'), img('a'), img('b')]);
    expect(d.references).toEqual([img('a'), img('b'), vid('v'), aud('c')]);
  });
});

describe('referenceBlocker', () => {
  it.each([
    [[], '', IDLE, 'Add a reference image or video to start from.'],
    [[aud('c')], '', IDLE, 'Add a reference image or video: audio cannot be used alone.'],
    [[img('a')], '@image? walks', IDLE, 'The prompt still mentions a removed reference (@image?): tag another file or rewrite it.'],
    [[img('a')], '@image1 meets @image2 and @video1', IDLE, 'The prompt uses @image2 and @video1, which have no file in the tray.'],
    [[img('a')], '@image1 walks', IDLE, 'Checking the references…'],
    [[img('a')], '@image1 walks', { status: 'busy', key: 'k' }, 'Checking the references…'],
    [[img('a')], '@image1 walks', { status: 'error', key: 'k', message: 'Reference videos and audio are not available in this build yet.' }, 'The references cannot be checked: Reference videos and audio are not available in this build yet.'],
  ] as const)('%j, %j, %j → %j', (references, prompt, check, reason) => {
    expect(referenceBlocker({ prompt, references: [...references] }, check)).toBe(reason);
  });

  it('says the same reasons in Simplified Chinese, with main’s verdict in Chinese from its phrase', async () => {
    await i18n.changeLanguage('zh-CN');
    try {
      expect(referenceBlocker({ prompt: '', references: [aud('c')] }, IDLE)).toBe('请添加参考图片或视频：音频不能单独使用。');
      expect(referenceBlocker({ prompt: '@image1 meets @image2 and @video1', references: [img('a')] }, IDLE)).toBe('提示词使用了 @image2和@video1，但参考素材中没有对应的文件。');
      const phrase = { code: 'reference.tooLong', values: { seconds: '21 s', max: '15 s' } };
      const item = { index: 0, kind: 'video' as const, tag: '@video1', ok: false, violations: [{ rule: 'max_seconds', message: '21 s long: each clip may be at most 15 s.', phrase, fix: 'trim' }], warnings: [] };
      expect(referenceBlocker({ prompt: '', references: [vid('b')] }, done({ ok: false, items: [item] }))).toBe('@video1：时长 21 s：每个片段最多 15 s。');
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('names the first broken rule: an item by its tag, else the set', () => {
    const refs = [img('a'), vid('b')];
    const item = { index: 1, kind: 'video' as const, tag: '@video1', ok: false, violations: [{ rule: 'seconds', message: 'Too long: 21.0 s, at most 15 s.', fix: 'trim' }], warnings: [] };
    expect(referenceBlocker({ prompt: '', references: refs }, done({ ok: false, items: [item] }))).toBe('@video1: Too long: 21.0 s, at most 15 s.');
    const set = { rule: 'total-seconds', message: 'The videos last 18 s together; at most 15 s.' };
    expect(referenceBlocker({ prompt: '', references: refs }, done({ ok: false, violations: [set] }))).toBe(set.message);
    expect(referenceBlocker({ prompt: '@image1 and @video1', references: refs }, done({ ok: true }))).toBeNull();
  });
});

describe('readiness of a reference job', () => {
  it('goes through the tray, not the frames: no first frame is asked for', () => {
    const row = { ...referenceRow(), available: true };
    const state = readiness({ draft: draft({ prompt: 'a dance', references: [] }), models: [row], checks: { first: IDLE, last: IDLE }, sending: false });
    expect(state).toEqual({ ready: false, reason: 'Add a reference image or video to start from.' });
  });

  it('on a row taking both, the frames pick ignores the tray', () => {
    const row = { ...mixedRow(), available: true };
    const d = draft({ modelId: row.id, prompt: '@image9 nothing', references: [img('a')] });
    const refs = readiness({ draft: d, models: [row], checks: { first: IDLE, last: IDLE }, sending: false });
    expect(refs).toMatchObject({ ready: false, reason: expect.stringContaining('@image9') });
    const frames = readiness({ draft: d, models: [row], checks: { first: IDLE, last: IDLE }, inputs: 'frames', sending: false });
    expect(frames.ready).toBe(true);
    expect(frames.ready && frames.params.references).toBeUndefined();
  });
});

describe('referenceKindOf', () => {
  it.each([
    [{ name: 'a.JPG', type: '' }, 'image'],
    [{ name: 'clip', type: 'video/mp4' }, 'video'],
    [{ name: 'voice.mp3', type: '' }, 'audio'],
    [{ name: 'take.MOV', type: 'application/octet-stream' }, 'video'],
    [{ name: 'notes.txt', type: 'text/plain' }, null],
  ])('%j → %s', (file, kind) => {
    expect(referenceKindOf(file)).toBe(kind);
  });
});
