import { describe, expect, it } from 'vitest';
import { arkAdapter, buildArkBody, DRAFT_HANDLE_KEY } from '../../../../src/main/providers/ark';
import { buildFalBody, FAL_FINAL_CODEC, falAdapter, parseFalResult } from '../../../../src/main/providers/fal';
import type { ProviderContext } from '../../../../src/main/providers/types';
import { findModel } from '../../../../src/shared/catalog/models';
import { paramsSchema } from '../../../../src/shared/catalog/params';
import type { JobParams, ModelEntry } from '../../../../src/shared/catalog/types';

// Draft → final request shapes (seedance-2.5.md §2.6 ModelArk, §3 fal).

const ARK = findModel('ark/dreamina-seedance-2-5-260628') as ModelEntry;
const FAL_I2V = findModel('fal/bytedance/seedance-2.5/image-to-video') as ModelEntry;
const ctx: ProviderContext = { apiKey: 'k', baseUrls: { api: 'http://127.0.0.1:9', files: 'http://127.0.0.1:9' }, fetch };
const finalOf = { clipId: 'abcd1234efgh', draftId: 'cgt-20261202101010-abcdef' };

/** The final's params as the Library makes them: the draft's own, at 1080p, with `finalOf`. */
function finalJob(entry: ModelEntry, draft: Partial<JobParams>): JobParams {
  return paramsSchema(entry).parse({ ...draft, modelId: entry.id, resolution: '1080p', finalOf });
}

describe('ModelArk draft and final requests', () => {
  it('a draft is the normal request with draft:true at 480p', () => {
    const p = paramsSchema(ARK).parse({ modelId: ARK.id, prompt: 'a heron takes off', aspectRatio: '16:9', duration: 5, draft: true });
    expect(p.resolution).toBe('480p');
    const body = buildArkBody(ARK, p, {});
    expect(body).toMatchObject({ model: 'dreamina-seedance-2-5-260628', resolution: '480p', ratio: '16:9', duration: 5, draft: true });
    expect(body.content).toEqual([{ type: 'text', text: 'a heron takes off' }]);
    // providers.md, BytePlus ModelArk: return_last_frame is not valid with draft.
    expect(body).not.toHaveProperty('return_last_frame');
  });

  it('a job that is not a draft sends no draft field', () => {
    const p = paramsSchema(ARK).parse({ modelId: ARK.id, prompt: 'a heron', aspectRatio: '16:9', duration: 5 });
    expect(buildArkBody(ARK, p, {})).not.toHaveProperty('draft');
  });

  it('the final sends only the draft_task item, the model and 1080p (and watermark, return_last_frame), nothing inherited', async () => {
    const p = finalJob(ARK, { prompt: 'a heron takes off', aspectRatio: '16:9', duration: 5, generateAudio: true, watermark: false });
    const prepared = await arkAdapter.prepare({ entry: ARK, params: p, images: {} }, ctx);
    expect(prepared).toEqual({
      url: '/contents/generations/tasks',
      body: { model: 'dreamina-seedance-2-5-260628', content: [{ type: 'draft_task', draft_task: { id: finalOf.draftId } }], resolution: '1080p', watermark: false, return_last_frame: true },
    });
  });

  it('marks a draft task so that its own id becomes the draft id on success', async () => {
    const answers: unknown[] = [{ id: 'cgt-1' }, { id: 'cgt-1', status: 'succeeded', content: { video_url: 'https://x/v.mp4' } }];
    const fakeFetch = (async () => new Response(JSON.stringify(answers.shift()), { status: 200, headers: { 'content-type': 'application/json' } })) as typeof fetch;
    const c = { ...ctx, fetch: fakeFetch };
    const task = await arkAdapter.submit({ url: '/contents/generations/tasks', body: { model: 'm', content: [], draft: true } }, c);
    expect(task.handle[DRAFT_HANDLE_KEY]).toBe('1');
    const status = await arkAdapter.poll(task, c);
    expect(status).toMatchObject({ state: 'succeeded', draftId: 'cgt-1' });
  });

  it('refuses a draft at another resolution and a final below 1080p, before sending', () => {
    const draft = paramsSchema(ARK).safeParse({ modelId: ARK.id, prompt: 'p', resolution: '720p', draft: true });
    expect(draft.success).toBe(false);
    expect(draft.error?.issues[0]?.message).toMatch(/480p/);
    const final = paramsSchema(ARK).safeParse({ modelId: ARK.id, prompt: 'p', resolution: '720p', finalOf });
    expect(final.success).toBe(false);
    expect(final.error?.issues[0]?.message).toMatch(/1080p only/);
  });
});

describe('fal draft and draft/complete requests', () => {
  it('a draft adds draft:true to the endpoint input (field name unconfirmed, as the brief says)', () => {
    const p = paramsSchema(FAL_I2V).parse({ modelId: FAL_I2V.id, prompt: 'p', firstFrame: 'a', duration: 5, draft: true });
    expect(buildFalBody(p, { first: 'https://v3.fal.media/a.jpg' })).toMatchObject({ resolution: '480p', duration: '5', draft: true, image_url: 'https://v3.fal.media/a.jpg' });
  });

  it('the final goes to draft/complete with {draft_id, resolution, codec} only', async () => {
    // The i2v row needs a first frame, but its final carries none: it inherits the draft's.
    const p = finalJob(FAL_I2V, { prompt: 'p', duration: 5, aspectRatio: 'auto', generateAudio: true });
    const prepared = await falAdapter.prepare({ entry: FAL_I2V, params: p, images: {} }, ctx);
    expect(prepared).toEqual({ url: '/bytedance/seedance-2.5/draft/complete', body: { draft_id: finalOf.draftId, resolution: '1080p', codec: FAL_FINAL_CODEC } });
  });

  it('reads draft_id from a draft result', () => {
    const status = parseFalResult({ ok: true, status: 200, headers: new Headers(), body: { video: { url: 'https://v3.fal.media/o.mp4' }, seed: 3, draft_id: 'draft-42' }, text: '' });
    expect(status).toMatchObject({ state: 'succeeded', draftId: 'draft-42', seed: 3 });
  });

  it('a final takes no frames of its own', () => {
    const r = paramsSchema(FAL_I2V).safeParse({ modelId: FAL_I2V.id, prompt: 'p', firstFrame: 'a', resolution: '1080p', finalOf });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message).join(' ')).toMatch(/takes no frames or references/);
  });

  it('rows without Draft refuse both', () => {
    const v2 = findModel('fal/bytedance/seedance-2.0/text-to-video') as ModelEntry;
    expect(paramsSchema(v2).safeParse({ modelId: v2.id, prompt: 'p', resolution: '480p', draft: true }).success).toBe(false);
    expect(paramsSchema(v2).safeParse({ modelId: v2.id, prompt: 'p', resolution: '1080p', finalOf }).success).toBe(false);
  });
});
