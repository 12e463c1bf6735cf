import { describe, expect, it } from 'vitest';
import { findModel } from '../../../../src/shared/catalog/models';
import { autoDurationSpec } from '../../../../src/shared/catalog/param-specs';
import { estimateCost, paramsSchema } from '../../../../src/shared/catalog/params';
import { AUTO_DURATION, promptTaskHints, sourceLengthProblem, sourceSeconds, taskLocks, taskLockViolations, taskMismatchWarning } from '../../../../src/shared/catalog/task-type';
import type { JobParams, ModelEntry } from '../../../../src/shared/catalog/types';
import { durationText } from '../../../../src/shared/format/duration';

// A Seedance 2.5-shaped row (seedance-2.5.md §2.1–2.2): task types, 4–30 s or Auto, adaptive ratio.
// Built from the ModelArk 2.0 row so only what 2.5 changes is stated here.
const base = findModel('ark/dreamina-seedance-2-0-260128') as ModelEntry;
const row25: ModelEntry = {
  ...base,
  id: 'test/seedance-2.5',
  name: 'Seedance 2.5 (test row)',
  sizeFamily: 'seedance-2.5',
  tasks: ['reference', 'edit', 'extend'],
  params: base.params.map((p) => (p.key === 'duration' ? autoDurationSpec(4, 30, 5) : p)),
};
/** An edit or extension needs its source clip: a reference video (by URL, as ModelArk takes them). */
const SOURCE = [{ kind: 'video' as const, url: 'https://example.com/source.mp4' }];
const parse = (p: Partial<JobParams>) => paramsSchema(row25).safeParse({ modelId: row25.id, prompt: 'a fox runs', resolution: '720p', references: SOURCE, ...p });

describe('taskLocks (seedance-2.5.md §2.2)', () => {
  it('edit keeps the source ratio and length; extend keeps the ratio; reference is free', () => {
    expect(taskLocks(row25, { task: 'edit' })).toEqual({ aspectRatio: 'adaptive', duration: AUTO_DURATION });
    expect(taskLocks(row25, { task: 'extend' })).toEqual({ aspectRatio: 'adaptive' });
    expect(taskLocks(row25, { task: 'reference' })).toEqual({});
    expect(taskLocks(row25, {})).toEqual({});
  });

  it('a first frame on 2.5 forces adaptive; rows without task types have no locks', () => {
    expect(taskLocks(row25, { firstFrame: 'a'.repeat(32) })).toEqual({ aspectRatio: 'adaptive' });
    expect(taskLocks(base, { task: 'edit' })).toEqual({});
  });
});

describe('paramsSchema with task types', () => {
  it('fills the locked values when they are left out', () => {
    const edit = parse({ task: 'edit' });
    expect(edit.success && edit.data).toMatchObject({ task: 'edit', aspectRatio: 'adaptive', duration: -1 });
    const extend = parse({ task: 'extend', duration: 12 });
    expect(extend.success && extend.data).toMatchObject({ aspectRatio: 'adaptive', duration: 12 });
  });

  it('refuses a fixed ratio or a fixed duration on an edit, in plain words (what TaskTypeConstraint would say)', () => {
    const r = parse({ task: 'edit', aspectRatio: '16:9', duration: 8 });
    expect(r.success).toBe(false);
    const messages = r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toContain("aspectRatio: To edit a clip, Seedance 2.5 (test row) keeps the source's aspect ratio: set it to adaptive.");
    expect(messages).toContain("duration: To edit a clip, Seedance 2.5 (test row) keeps the source clip's length: set the duration to Auto.");
  });

  it('refuses a task the row does not offer, and accepts Auto only where the row has it', () => {
    const onBase = paramsSchema(base).safeParse({ modelId: base.id, prompt: 'p', resolution: '720p', duration: 5, task: 'edit' });
    expect(onBase.success).toBe(false);
    expect(parse({ duration: -1 }).success).toBe(true);
    expect(parse({ duration: 31 }).success).toBe(false);
    expect(parse({ duration: 0 }).success).toBe(false);
    const v1 = findModel('novita/seedance-v1-pro-t2v') as ModelEntry;
    expect(paramsSchema(v1).safeParse({ modelId: v1.id, prompt: 'p', resolution: '720p', duration: -1 }).success).toBe(false);
  });

  it('has no price for an Auto duration, and says "Auto"', () => {
    const r = parse({ task: 'edit' });
    expect(r.success && estimateCost(row25, r.data, { width: 1280, height: 720 })).toBeNull();
    expect(durationText(-1)).toBe('Auto');
    expect(durationText(5)).toBe('5 s');
  });

  it('lists each violation once with its parameter', () => {
    expect(taskLockViolations(row25, { modelId: row25.id, prompt: '', resolution: '720p', aspectRatio: '1:1', duration: 5, task: 'extend' })).toMatchObject([
      { path: 'aspectRatio', message: "To extend a clip, Seedance 2.5 (test row) keeps the source's aspect ratio: set it to adaptive." },
    ]);
  });
});

describe('edit and extend need their source clip (seedance-2.5.md §2.2, §2.3)', () => {
  it('refuses an edit or extension without a reference video, before sending', () => {
    for (const task of ['edit', 'extend'] as const) {
      const r = parse({ task, references: [{ kind: 'image', id: 'a'.repeat(32) }] });
      expect(r.success).toBe(false);
      expect(r.success ? [] : r.error.issues.map((i) => i.message)).toContain(`To ${task} a clip, Seedance 2.5 (test row) needs the clip itself: add it as the first reference video (@video1).`);
    }
    expect(parse({ task: 'reference', references: [{ kind: 'image', id: 'a'.repeat(32) }] }).success).toBe(true);
  });

  it('locks EvoLink\'s video-edit row to edit: Auto duration, adaptive, no other task', () => {
    const edit = findModel('evolink/seedance-2.5-video-edit') as ModelEntry;
    const input = { modelId: edit.id, prompt: 'make @video1 rainy', references: [{ kind: 'video', id: 'b'.repeat(32) }] };
    const ok = paramsSchema(edit).safeParse(input);
    expect(ok.success && ok.data).toMatchObject({ aspectRatio: 'adaptive', duration: AUTO_DURATION });
    const fixed = paramsSchema(edit).safeParse({ ...input, duration: 8 });
    expect(fixed.success ? [] : fixed.error.issues.map((i) => i.message)).toEqual([
      "To edit a clip, Seedance 2.5 · video edit keeps the source clip's length: set the duration to Auto.",
    ]);
    expect(paramsSchema(edit).safeParse({ ...input, task: 'extend' }).success).toBe(false);
    expect(paramsSchema(edit).safeParse({ ...input, references: [] }).success).toBe(false);
  });

  it('gives each task its source length: edit 4–30 s, extend 2–30 s, fal extend 1.8–30.2 s', () => {
    const ark = findModel('ark/dreamina-seedance-2-5-260628') as ModelEntry;
    const fal = findModel('fal/bytedance/seedance-2.5/reference-to-video') as ModelEntry;
    expect(sourceSeconds(ark, 'edit')).toEqual({ min: 4, max: 30 });
    expect(sourceSeconds(ark, 'extend')).toEqual({ min: 2, max: 30 });
    expect(sourceSeconds(fal, 'extend')).toEqual({ min: 1.8, max: 30.2 });
    expect(sourceSeconds(fal, 'reference')).toBeNull();
    expect(sourceLengthProblem(ark, 'edit', 3.04)).toBe('The source clip lasts 3 s: to edit a clip, Seedance 2.5 takes a source of 4–30 s.');
    expect(sourceLengthProblem(ark, 'extend', 3.04)).toBeNull();
    expect(sourceLengthProblem(fal, 'extend', 1.9)).toBeNull();
    expect(sourceLengthProblem(ark, 'extend', 31)).toMatch(/2–30 s/);
  });

  it('applies the first-frame lock on the real 2.5 rows: adaptive (ModelArk), auto (fal)', () => {
    const ark = findModel('ark/dreamina-seedance-2-5-260628') as ModelEntry;
    const r = paramsSchema(ark).safeParse({ modelId: ark.id, prompt: 'p', firstFrame: 'img', aspectRatio: '16:9' });
    expect(r.success ? [] : r.error.issues.map((i) => i.message)).toEqual(["With a first frame, Seedance 2.5 keeps the source's aspect ratio: set it to adaptive."]);
    const fal = findModel('fal/bytedance/seedance-2.5/image-to-video') as ModelEntry;
    const f = paramsSchema(fal).safeParse({ modelId: fal.id, prompt: 'p', firstFrame: 'img' });
    expect(f.success && f.data.aspectRatio).toBe('auto');
  });
});

describe('prompt wording vs task (seedance-2.5.md §2.2 trigger words, §2.8 TaskTypeMismatch)', () => {
  it('finds edit and extend wording, whole words only', () => {
    expect(promptTaskHints('Extend the story: the fox continues from the river')).toEqual([{ task: 'extend', words: ['extend the story', 'continues from'] }]);
    expect(promptTaskHints('Replace the hat with a crown and remove the dog')).toEqual([{ task: 'edit', words: ['replace', 'remove'] }]);
    expect(promptTaskHints('change the sky to purple')).toEqual([{ task: 'edit', words: ['change the sky to'] }]);
    expect(promptTaskHints('an address, a continent, an addition')).toEqual([]);
  });

  it('warns when the wording reads as another task than the chosen one, and only on rows with task types', () => {
    expect(taskMismatchWarning(row25, { prompt: '@video1: continue the chase' })).toContain('reads as an extension of a clip, but this job is set to make a new clip from references');
    expect(taskMismatchWarning(row25, { prompt: 'continue the chase', task: 'extend' })).toBeNull();
    expect(taskMismatchWarning(row25, { prompt: 'replace the car with a horse', task: 'extend' })).toContain('or choose Edit');
    expect(taskMismatchWarning(base, { prompt: 'continue the chase' })).toBeNull();
  });
});
