import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStudio, type Studio } from '../../../src/main/composition/create-studio';
import type { ClipDetail } from '../../../src/shared/contract/library';
import type { JobView } from '../../../src/shared/jobs/job';
import { fixture } from '../../fixtures/images';
import { callStudio, testStudioConfig } from '../../fixtures/studio-config';
import { grantFile } from '../../fixtures/grant';

/**
 * "Continue from the last frame" and "Reuse" through the assembled core, in the offline demo (no
 * key: the built-in simulator stands in for the provider): a real photo becomes a clip, its last
 * frame becomes the next job's first frame, and the lineage lands in both sidecars' index.
 */

const DRAGONFLY = fixture('dragonfly-4224x3168.jpg');
const MODEL = 'novita/seedance-v1-pro-i2v';

let root: string;
let studio: Studio;
const call = <T>(channel: string, input: unknown): Promise<T> => callStudio<T>(studio, channel, input);

async function finished(jobId: string): Promise<JobView> {
  const end = Date.now() + 60_000;
  for (;;) {
    const { jobs } = await call<{ jobs: JobView[] }>('jobs:list', {});
    const job = jobs.find((j) => j.id === jobId);
    if (job && ['completed', 'failed', 'expired', 'needs_attention', 'cancelled'].includes(job.state)) return job;
    if (Date.now() > end) throw new Error(`job ${jobId} did not finish: ${job?.state}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function clipOf(job: JobView): Promise<ClipDetail> {
  expect(job.state, JSON.stringify(job.error)).toBe('completed');
  const { items } = await call<{ items: Array<{ id: string; prompt: string }> }>('library:list', {});
  const id = items.find((i) => i.prompt === job.params.prompt)?.id;
  expect(id).toBeDefined();
  return call<ClipDetail>('library:get', { id });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'continue-flow-'));
  studio = await createStudio(testStudioConfig(join(root, 'data'), { libraryDir: join(root, 'library'), env: { SEEDANCE_DEMO_TIME_SCALE: '0.2' } }));
});
afterAll(async () => {
  await studio.dispose();
  rmSync(root, { recursive: true, force: true });
});

describe('continue from the last frame, through the core', () => {
  it('chains two clips: the second starts on the first one’s last frame and records the lineage', async () => {
    const photo = await call<{ imageId: string }>('images:import', { token: grantFile(studio, DRAGONFLY) });
    const params = { modelId: MODEL, prompt: 'the dragonfly takes off', resolution: '480p', aspectRatio: '16:9', duration: 5, firstFrame: photo.imageId };
    const first = await clipOf(await finished((await call<{ job: JobView }>('jobs:submit', { params })).job.id));
    expect(first.sidecar.inputs.map((i) => i.role)).toEqual(['first']);

    const { token, frame } = await call<{ token: string; frame: { width: number; height: number } }>('library:lastFrame', { id: first.id });
    expect(frame).toEqual({ width: first.sidecar.output.width, height: first.sidecar.output.height });
    const lastFrame = await call<{ imageId: string; info: { width: number; height: number } }>('images:importFrame', { token });
    expect([lastFrame.info.width, lastFrame.info.height]).toEqual([frame.width, frame.height]);

    const next = { ...params, prompt: 'it lands on a reed', firstFrame: lastFrame.imageId };
    const submitted = await call<{ job: JobView }>('jobs:submit', { params: next, continuedFrom: first.id });
    const second = await clipOf(await finished(submitted.job.id));

    const onDisk = JSON.parse(readFileSync(join(root, 'library', second.folder, 'clip.json'), 'utf8')) as { continuedFrom?: string };
    expect(onDisk.continuedFrom).toBe(first.id);
    expect(second.lineage.continuedFrom).toEqual({ id: first.id, present: true });
    const firstAgain = await call<ClipDetail>('library:get', { id: first.id });
    expect(firstAgain.lineage.continuedBy).toEqual([second.id]);
  });

  it('reuse imports the clip’s own processed input through a token, never a path', async () => {
    const { items } = await call<{ items: Array<{ id: string }> }>('library:list', {});
    const clip = await call<ClipDetail>('library:get', { id: items[items.length - 1]!.id });
    const { token } = await call<{ token: string }>('library:inputFrame', { id: clip.id, role: 'first' });
    expect(token).not.toContain('/');
    const imported = await call<{ imageId: string; info: { width: number; height: number } }>('images:importFrame', { token });
    const input = clip.sidecar.inputs.find((i) => i.role === 'first')!;
    expect([imported.info.width, imported.info.height]).toEqual([input.width, input.height]);
    const missing = await studio.router.dispatch('library:inputFrame', { id: clip.id, role: 'last' }, { host: 'harness' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
