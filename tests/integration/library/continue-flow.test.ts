import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
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

  it('on ModelArk uses the provider’s own last frame (return_last_frame), filed with the clip, and extracts nothing', async () => {
    const params = { modelId: 'ark/seedance-1-0-pro-250528', prompt: 'a lighthouse at dusk', resolution: '480p', aspectRatio: '16:9', duration: 2 };
    const clip = await clipOf(await finished((await call<{ job: JobView }>('jobs:submit', { params })).job.id));
    const filed = join(root, 'library', clip.folder, 'last-frame.png');
    const meta = await sharp(filed).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', clip.sidecar.output.width, clip.sidecar.output.height]);
    const { frame } = await call<{ token: string; frame: { width: number; height: number } }>('library:lastFrame', { id: clip.id });
    expect(frame).toEqual({ width: clip.sidecar.output.width, height: clip.sidecar.output.height });
    // The fallback writes `<data>/frames/<id>-last.png`; with the provider's frame it never runs.
    expect(existsSync(join(root, 'data', 'frames', `${clip.id}-last.png`))).toBe(false);
  });

  it('reuse brings back the original 4224×3168 photo under its own name, through a token, never a path', async () => {
    const { items } = await call<{ items: Array<{ id: string }> }>('library:list', {});
    const clip = await call<ClipDetail>('library:get', { id: items[items.length - 1]!.id });
    const first = clip.sidecar.inputs.find((i) => i.role === 'first')!;
    expect(first.sent?.width).toBeLessThan(4224); // what was sent is the shrunk copy…
    expect(clip.inputs[0]).toMatchObject({ role: 'first', kept: 'original', name: 'dragonfly-4224x3168.jpg', width: 4224, height: 3168 });
    const answer = await call<{ frames: Array<{ role: string; token: string }>; references: unknown[]; left: string[] }>('library:reuseInputs', { id: clip.id });
    expect(answer.frames.map((f) => f.role)).toEqual(['first']);
    expect(answer.references).toEqual([]);
    expect(answer.left).toEqual([]);
    expect(answer.frames[0]!.token).toMatch(/^[0-9a-f]{32}$/);
    const imported = await call<{ imageId: string; info: { name: string; width: number; height: number } }>('images:importFrame', { token: answer.frames[0]!.token });
    expect(imported.info).toMatchObject({ name: 'dragonfly-4224x3168.jpg', width: 4224, height: 3168 }); // …Reuse brings back the original
  });

  it('stores a photo used by two clips once, and keeps it while a clip uses it', async () => {
    const photo = await call<{ imageId: string }>('images:import', { token: grantFile(studio, DRAGONFLY) });
    const params = { modelId: MODEL, prompt: 'the dragonfly again, another take', resolution: '480p', aspectRatio: '16:9', duration: 5, firstFrame: photo.imageId };
    const take = await clipOf(await finished((await call<{ job: JobView }>('jobs:submit', { params })).job.id));
    const { items } = await call<{ items: Array<{ id: string }> }>('library:list', {});
    const details = await Promise.all(items.map((i) => call<ClipDetail>('library:get', { id: i.id })));
    const dragonflies = details.filter((d) => d.inputs[0]?.name === 'dragonfly-4224x3168.jpg');
    expect(dragonflies).toHaveLength(2);
    const [a, b] = dragonflies.map((d) => d.sidecar.inputs[0]!.original!.file);
    expect(a).toBe(b);
    const store = join(root, 'library', '.inputs');
    const files = readdirSync(store, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.filter((f) => a!.endsWith(f.name))).toHaveLength(1);

    // Trashing one take leaves the photo the other still uses; the clean-up keeps it too.
    await call('library:trash', { id: take.id });
    expect(await call('library:cleanInputs', {})).toEqual({ files: 0, bytes: 0 });
    const other = dragonflies.find((d) => d.id !== take.id)!;
    const again = await call<{ frames: Array<{ token: string }> }>('library:reuseInputs', { id: other.id });
    const imported = await call<{ info: { name: string; width: number } }>('images:importFrame', { token: again.frames[0]!.token });
    expect(imported.info).toMatchObject({ name: 'dragonfly-4224x3168.jpg', width: 4224 });
  });
});
