import { describe, expect, it } from 'vitest';
import { paramsSchema } from '../../../../../src/shared/catalog/params';
import { findModel } from '../../../../../src/shared/catalog/models';
import type { ModelEntry } from '../../../../../src/shared/catalog/types';
import { Draft } from '../../../../../src/shared/drafts/draft';
import { jobParamsFromDraft } from '../../../../../src/shared/drafts/params';
import { withTask } from '../../../../../src/renderer/store/compose/edits';

/** Compose's task (issue 15 §1) on the catalogue's real Seedance 2.5 rows (seedance-2.5.md §2.2). */
const row = (id: string): ModelEntry => {
  const entry = findModel(id);
  if (!entry) throw new Error(`no catalogue row ${id}`);
  return entry;
};
const FAL = row('fal/bytedance/seedance-2.5/reference-to-video');
const ARK = row('ark/dreamina-seedance-2-5-260628');
const EVOLINK_EDIT = row('evolink/seedance-2.5-video-edit');
const video = { kind: 'video' as const, id: 'b'.repeat(32) };

function draft(entry: ModelEntry, over: Partial<Draft> = {}): Draft {
  return Draft.parse({ id: 'draft-0001', updatedAt: 0, modelId: entry.id, prompt: 'Edit video @video1: replace the sky', params: { resolution: '720p', aspectRatio: '16:9', duration: 5 }, references: [video], ...over });
}

describe('withTask', () => {
  it('writes the task and the values it locks into the draft: edit → the source ratio and Auto duration', () => {
    const next = withTask(draft(FAL), FAL, 'edit');
    expect(next.task).toBe('edit');
    expect(next.params).toMatchObject({ aspectRatio: 'auto', duration: -1 });
    expect(withTask(draft(ARK), ARK, 'edit').params).toMatchObject({ aspectRatio: 'adaptive', duration: -1 });
  });

  it('extend locks only the ratio; going back to reference keeps values the row accepts', () => {
    const extend = withTask(draft(FAL), FAL, 'extend');
    expect(extend.params).toMatchObject({ aspectRatio: 'auto', duration: 5 });
    const back = withTask(extend, FAL, 'reference');
    expect(back.task).toBe('reference');
    expect(paramsSchema(FAL).safeParse(jobParamsFromDraft(back, FAL)).success).toBe(true);
  });
});

describe('jobParamsFromDraft and the task locks', () => {
  it('sends the locked values even when the fields hold others, which paramsSchema would refuse', () => {
    const d = draft(FAL, { task: 'edit' });
    const raw = { ...jobParamsFromDraft(d, FAL), aspectRatio: d.params.aspectRatio, duration: d.params.duration };
    const refused = paramsSchema(FAL).safeParse(raw);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => i.path[0])).toEqual(['aspectRatio', 'duration']);

    const sent = jobParamsFromDraft(d, FAL);
    expect(sent).toMatchObject({ task: 'edit', aspectRatio: 'auto', duration: -1 });
    expect(paramsSchema(FAL).safeParse(sent).success).toBe(true);
  });

  it('a row locked to one task gets its locks without a task in the draft', () => {
    expect(jobParamsFromDraft(draft(EVOLINK_EDIT), EVOLINK_EDIT)).toMatchObject({ aspectRatio: 'adaptive', duration: -1 });
  });

  it('sends the task only with the reference tray: a frames job on ModelArk 2.5 carries none', () => {
    const d = draft(ARK, { task: 'edit', references: [] });
    const frames = jobParamsFromDraft(d, ARK, 'frames');
    expect(frames.task).toBeUndefined();
    expect(frames).toMatchObject({ aspectRatio: '16:9', duration: 5 });
    expect(jobParamsFromDraft(draft(ARK, { task: 'extend' }), ARK, 'references')).toMatchObject({ task: 'extend', aspectRatio: 'adaptive', duration: 5 });
  });
});
