import { describe, expect, it } from 'vitest';
import { CATALOG, findModel } from '../../../../src/shared/catalog/models';
import { promptTaskHints } from '../../../../src/shared/catalog/task-type';
import { promptStarter, sourceChoices, sourceLengthFor } from '../../../../src/shared/library/source-video';
import { sourceSeed } from '../../../../src/renderer/store/library/source-seed';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-12-02T12:00:00Z');
const models = CATALOG.map((m) => ({ ...m, available: true }));

describe('sourceLengthFor (seedance-2.5.md §2.3, the row\'s range)', () => {
  it('takes edit 4–30 s, extend 2–30 s (fal 1.8–30.2 s), judged at 1/100 s, and says why not otherwise', () => {
    const ark = findModel('ark/dreamina-seedance-2-5-260628')!;
    const fal = findModel('fal/bytedance/seedance-2.5/reference-to-video')!;
    expect(sourceLengthFor(ark, 'edit', 4)).toBeNull();
    expect(sourceLengthFor(ark, 'edit', 30.0004)).toBeNull();
    expect(sourceLengthFor(ark, 'edit', 3.9)).toBe('The source clip lasts 3.9 s: to edit a clip, Seedance 2.5 takes a source of 4–30 s.');
    expect(sourceLengthFor(ark, 'extend', 1.9)).not.toBeNull();
    expect(sourceLengthFor(fal, 'extend', 1.9)).toBeNull();
  });
});

describe('sourceChoices', () => {
  it('offers every 2.5 row that takes the task; ModelArk only while the clip\'s link lasts', () => {
    const live = sourceChoices('edit', { durationSec: 5, sidecar: { resultLink: { url: 'https://x.example/v.mp4', expiresAt: NOW + HOUR } } }, models, NOW);
    expect(live.problem).toBeNull();
    expect(live.choices.map((c) => c.model.provider).sort()).toEqual(['ark', 'evolink', 'fal']);
    expect(live.choices.every((c) => !c.reason)).toBe(true);
    const expired = sourceChoices('edit', { durationSec: 5, sidecar: { resultLink: { url: 'https://x.example/v.mp4', expiresAt: NOW - HOUR } } }, models, NOW);
    const ark = expired.choices.find((c) => c.model.provider === 'ark');
    expect(ark?.reason?.message).toMatch(/expired on Wed, 02 Dec 2026 11:00:00 GMT \(links last 24 h\)\. fal and EvoLink can take the clip's file instead\./);
    expect(expired.choices.filter((c) => !c.reason).map((c) => c.model.provider).sort()).toEqual(['evolink', 'fal']);
  });

  it('says when the clip is too short, when no row takes the task, and when a model is not set up', () => {
    expect(sourceChoices('edit', { durationSec: 3, sidecar: {} }, models, NOW)).toEqual({
      problem: expect.objectContaining({ message: 'The source clip lasts 3 s: to edit a clip, Seedance 2.5 · reference to video takes a source of 4–30 s.' }),
      choices: [],
    });
    // 1.9 s fits only fal's extend range (1.8–30.2 s): only fal is offered.
    expect(sourceChoices('extend', { durationSec: 1.9, sidecar: {} }, models, NOW).choices.map((c) => c.model.provider)).toEqual(['fal']);
    expect(sourceChoices('extend', { durationSec: 5, sidecar: {} }, [], NOW).problem?.message).toBe('No Seedance 2.5 model in this version can extend a clip.');
    const noKeys = sourceChoices('extend', { durationSec: 5, sidecar: {} }, models.map((m) => ({ ...m, available: false, unavailableReason: 'Add a key.' })), NOW);
    expect(noKeys.choices.every((c) => c.reason?.message === 'Add a key.')).toBe(true);
  });
});

describe('promptStarter', () => {
  it('reads as the task it starts (the wording the providers document), never as the other one', () => {
    expect(promptTaskHints(promptStarter('edit')).map((h) => h.task)).toEqual(['edit']);
    expect(promptTaskHints(promptStarter('extend')).map((h) => h.task)).toEqual(['extend']);
  });
});

describe('sourceSeed', () => {
  it('opens the 2.5 row with the task, the clip as @video1, the starter, the locks and the lineage', () => {
    const entry = CATALOG.find((m) => m.provider === 'fal' && m.tasks?.includes('edit'));
    expect(entry).toBeDefined();
    const sidecar = { id: 'k3v9x0a2mq', parameters: { resolution: '720p' as const, aspectRatio: '16:9' as const, duration: 5, generateAudio: false } };
    const seed = sourceSeed(sidecar, entry!, 'edit', { mediaId: 'a'.repeat(32) });
    expect(seed).toMatchObject({
      modelId: entry!.id,
      task: 'edit',
      prompt: 'Edit video @video1: replace ',
      references: [{ kind: 'video', id: 'a'.repeat(32) }],
      params: { resolution: '720p', generateAudio: false, aspectRatio: 'auto', duration: -1 },
      sourceClip: { clipId: 'k3v9x0a2mq', mediaId: 'a'.repeat(32) },
    });
    const ark = findModel('ark/dreamina-seedance-2-5-260628')!;
    const extend = sourceSeed(sidecar, ark, 'extend', { url: 'https://x.example/v.mp4' });
    expect(extend.params).toMatchObject({ aspectRatio: 'adaptive' });
    expect(extend.params?.duration).toBeUndefined();
    expect(extend.references).toEqual([{ kind: 'video', url: 'https://x.example/v.mp4' }]);
  });
});
