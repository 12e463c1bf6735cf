import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type SimulatorHandle } from '../../../tools/provider-sim/index';
import { auth, call, pollUntil, probe, removeTempDirs, tempDir, type Json } from './sim-helpers';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// Seedance 2.5 Draft → final as the simulator checks it (seedance-2.5.md §2.6 ModelArk, §3 fal).

const ARK_MODEL = 'dreamina-seedance-2-5-260628';
const FAL_T2V = 'bytedance/seedance-2.5/text-to-video';
const FAL_COMPLETE = 'bytedance/seedance-2.5/draft/complete';

let sim: SimulatorHandle;
let ark: string;
let queue: string;
beforeAll(async () => {
  sim = await startSimulator({ dataDir: tempDir('drafts'), timeScale: 0.1 });
  ark = `${sim.url}/ark/api/v3/contents/generations/tasks`;
  queue = `${sim.url}/fal-queue`;
});
afterAll(async () => {
  await sim?.close();
  removeTempDirs();
});

/** Polls a ModelArk task until it leaves queued/running. */
async function arkDone(id: string): Promise<Json> {
  const seen = await pollUntil(() => call('GET', `${ark}/${id}`, auth.ark), (r) => !['queued', 'running'].includes(r.json.status));
  return seen.at(-1)!.json;
}

/** Polls a fal request until COMPLETED and returns its result answer. */
async function falDone(submitted: Json): Promise<{ status: number; json: Json }> {
  await pollUntil(() => call('GET', submitted.status_url, auth.fal), (r) => r.json.status === 'COMPLETED');
  return call('GET', submitted.response_url, auth.fal);
}

/** Downloads a result URL to a file and probes it. */
async function fetchProbe(url: string, name: string) {
  const file = join(tempDir(name), 'out.mp4');
  await writeFile(file, Buffer.from(await (await fetch(url)).arrayBuffer()));
  return probe(file);
}

describe('ModelArk draft and draft_task', () => {
  const draftBody = { model: ARK_MODEL, content: [{ type: 'text', text: 'a lighthouse at dusk' }], resolution: '480p', ratio: '16:9', duration: 4, draft: true };
  let draftId = '';

  it('refuses a draft at any resolution but 480p', async () => {
    const r = await call('POST', ark, auth.ark, { ...draftBody, resolution: '720p' });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('InvalidParameter');
    expect(r.json.error.message).toMatch(/480p/);
  });

  it('makes a 480p draft', async () => {
    const r = await call('POST', ark, auth.ark, draftBody);
    expect(r.status).toBe(200);
    draftId = r.json.id;
    const done = await arkDone(draftId);
    expect(done.status).toBe('succeeded');
    const p = await fetchProbe(done.content.video_url, 'ark-draft');
    expect([p.width, p.height]).toEqual([854, 480]);
  });

  const final = (extra: Record<string, unknown> = {}, content: unknown[] = [{ type: 'draft_task', draft_task: { id: draftId } }]) => ({ model: ARK_MODEL, content, resolution: '1080p', ...extra });

  it.each([['ratio', '16:9'], ['duration', 4], ['seed', 7], ['generate_audio', false], ['omni_reference_task_type', 'reference']] as const)(
    'refuses a final that resends %s',
    async (field, value) => {
      const r = await call('POST', ark, auth.ark, final({ [field]: value }));
      expect(r.status).toBe(400);
      expect(r.json.error.param).toBe(field);
      expect(r.json.error.message).toMatch(/inherited from the draft/);
    },
  );

  it('refuses a final that resends the prompt', async () => {
    const r = await call('POST', ark, auth.ark, final({}, [{ type: 'text', text: 'again' }, { type: 'draft_task', draft_task: { id: draftId } }]));
    expect(r.status).toBe(400);
    expect(r.json.error.param).toBe('content');
  });

  it('refuses a final that is not 1080p', async () => {
    const r = await call('POST', ark, auth.ark, final({ resolution: '720p' }));
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('InvalidResolutionParameter');
  });

  it('refuses an unknown draft id', async () => {
    const r = await call('POST', ark, auth.ark, final({}, [{ type: 'draft_task', draft_task: { id: 'cgt-20260101000000-abcdef' } }]));
    expect(r.status).toBe(400);
    expect(r.json.error.param).toBe('content.draft_task.id');
  });

  it('refuses a draft older than 7 days', async () => {
    sim.setFaults({ ark: { draftAgeDays: 7.01 } });
    try {
      const r = await call('POST', ark, auth.ark, final());
      expect(r.status).toBe(400);
      expect(r.json.error.message).toMatch(/older than 7 days/);
    } finally {
      sim.setFaults({});
    }
  });

  it('makes the 1080p final from the draft, with the draft’s length', async () => {
    const r = await call('POST', ark, auth.ark, final({ watermark: false }));
    expect(r.status).toBe(200);
    const done = await arkDone(r.json.id);
    expect(done.status).toBe('succeeded');
    expect(done.resolution).toBe('1080p');
    const p = await fetchProbe(done.content.video_url, 'ark-final');
    expect([p.width, p.height]).toEqual([1920, 1080]);
    expect(p.duration).toBeCloseTo(4, 0);
    // 2.5 at 1080p arrives as 10-bit HEVC (seedance-2.5.md §2.5).
    expect(p.videoCodec).toBe('hevc');
  });
});

describe('fal draft and draft/complete', () => {
  let draftId = '';

  it('refuses a draft at 720p', async () => {
    const r = await call('POST', `${queue}/${FAL_T2V}`, auth.fal, { prompt: 'a kite', resolution: '720p', duration: '4', draft: true });
    expect(r.status).toBe(422);
    expect(r.json.detail[0].loc).toEqual(['body', 'resolution']);
  });

  it('answers a 480p draft with a draft_id apart from the request id', async () => {
    const r = await call('POST', `${queue}/${FAL_T2V}`, auth.fal, { prompt: 'a kite over a beach', resolution: '480p', duration: '4', aspect_ratio: '16:9', draft: true });
    expect(r.status).toBe(200);
    const result = await falDone(r.json);
    expect(result.status).toBe(200);
    draftId = result.json.draft_id;
    expect(draftId).toMatch(/^draft-/);
    expect(draftId).not.toBe(r.json.request_id);
  });

  it('refuses resent fields and a resolution other than 1080p', async () => {
    const resent = await call('POST', `${queue}/${FAL_COMPLETE}`, auth.fal, { draft_id: draftId, resolution: '1080p', prompt: 'again' });
    expect(resent.status).toBe(422);
    expect(resent.json.detail[0].loc).toEqual(['body', 'prompt']);
    const low = await call('POST', `${queue}/${FAL_COMPLETE}`, auth.fal, { draft_id: draftId, resolution: '720p' });
    expect(low.status).toBe(422);
    expect(low.json.detail[0].loc).toEqual(['body', 'resolution']);
  });

  it('refuses an unknown or expired draft_id', async () => {
    const unknown = await call('POST', `${queue}/${FAL_COMPLETE}`, auth.fal, { draft_id: 'draft-000000000000000000000000', resolution: '1080p' });
    expect(unknown.status).toBe(422);
    expect(unknown.json.detail[0].loc).toEqual(['body', 'draft_id']);
    sim.setFaults({ fal: { draftAgeDays: 8 } });
    try {
      const old = await call('POST', `${queue}/${FAL_COMPLETE}`, auth.fal, { draft_id: draftId, resolution: '1080p' });
      expect(old.status).toBe(422);
      expect(old.json.detail[0].msg).toMatch(/older than 7 days/);
    } finally {
      sim.setFaults({});
    }
  });

  it('completes the draft at 1080p in the codec asked for', async () => {
    const r = await call('POST', `${queue}/${FAL_COMPLETE}`, auth.fal, { draft_id: draftId, resolution: '1080p', codec: 'H264' });
    expect(r.status).toBe(200);
    const result = await falDone(r.json);
    expect(result.status).toBe(200);
    const p = await fetchProbe(result.json.video.url, 'fal-final');
    expect([p.width, p.height, p.videoCodec]).toEqual([1920, 1080, 'h264']);
  });
});
