import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStudio, type Studio } from '../../../src/main/composition/create-studio';
import { deliverToLibrary } from '../../../src/main/library/deliver';
import { createFileLogger } from '../../../src/main/logging/logger';
import { probeVideo } from '../../../src/main/media-tools/ffmpeg';
import type { ClipDetail } from '../../../src/shared/contract/library';
import type { Job } from '../../../src/shared/jobs/job';
import { makeTestVideo } from '../../fixtures/videos';
import { callStudio, testStudioConfig } from '../../fixtures/studio-config';
import { fields } from './clip-fields';

/**
 * Edit/extend sources, Join with the source and a chain as one film (issue 15 §2, issue 14),
 * through the assembled core with the engine in this process: real H.264 MP4s made by ffmpeg, the
 * router's channels, the library on disk.
 */

let root: string;
let studio: Studio;
let saveTo: string | null = null;
const call = <T>(channel: string, input: unknown): Promise<T> => callStudio<T>(studio, channel, input);
const HOUR = 3_600_000;

/** A real clip in the library: `seconds` long at `width`×`height`, filed with `overrides`; returns its id. */
async function addClip(name: string, opts: { seconds: number; width?: number; height?: number }, overrides: Parameters<typeof fields>[0] = {}): Promise<string> {
  const dir = join(root, 'videos', name);
  mkdirSync(dir, { recursive: true });
  const videoPath = makeTestVideo(dir, 'h264', { seconds: opts.seconds, width: opts.width ?? 320, height: opts.height ?? 240 });
  const clip = await studio.library.addClip({ videoPath, keepSource: true, ...fields({ prompt: `clip ${name}`, ...overrides }) });
  return clip.id;
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'films-'));
  studio = await createStudio(
    testStudioConfig(join(root, 'data'), {
      libraryDir: join(root, 'library'),
      chooseSavePath: async ({ defaultName }) => (saveTo ? join(saveTo, defaultName) : null),
    }),
  );
});
afterAll(async () => {
  await studio.dispose();
  rmSync(root, { recursive: true, force: true });
});

describe('the source video of a 2.5 edit or extend (library:sourceVideo)', () => {
  it('registers the clip\'s own file for fal and EvoLink, and refuses a source outside the task\'s length', async () => {
    const id = await addClip('five', { seconds: 5 });
    const fal = await call<{ as: string; media: { mediaId: string; info: { durationSec: number; kind: string } } }>('library:sourceVideo', { id, provider: 'fal', task: 'edit' });
    expect(fal.as).toBe('media');
    expect(fal.media.info.kind).toBe('video');
    expect(fal.media.info.durationSec).toBeCloseTo(5, 0);
    const short = await addClip('three', { seconds: 3 });
    await expect(call('library:sourceVideo', { id: short, provider: 'evolink', task: 'edit' })).rejects.toThrow(/The source clip lasts 3 s: to edit a clip, Seedance 2\.5 · video edit takes a source of 4–30 s\./);
    await expect(call('library:sourceVideo', { id: short, provider: 'evolink', task: 'extend' })).resolves.toMatchObject({ as: 'media' });
  });

  it('gives ModelArk the clip\'s own link while it lasts, and says plainly when it has expired or is missing', async () => {
    const fresh = await addClip('linked', { seconds: 5 }, { resultLink: { url: 'https://ark-results.example.com/v.mp4?sig=1', expiresAt: Date.now() + HOUR } });
    await expect(call('library:sourceVideo', { id: fresh, provider: 'ark', task: 'extend' })).resolves.toMatchObject({ as: 'url', url: 'https://ark-results.example.com/v.mp4?sig=1' });
    const old = await addClip('expired', { seconds: 5 }, { resultLink: { url: 'https://ark-results.example.com/old.mp4', expiresAt: Date.now() - HOUR } });
    await expect(call('library:sourceVideo', { id: old, provider: 'ark', task: 'edit' })).rejects.toThrow(/link expired on .* \(links last 24 h\)\. fal and EvoLink can take the clip's file instead\./);
    const none = await addClip('unlinked', { seconds: 5 });
    await expect(call('library:sourceVideo', { id: none, provider: 'ark', task: 'edit' })).rejects.toThrow(/no link recorded\. fal and EvoLink can take the clip's file instead\./);
    const demo = await addClip('demo-link', { seconds: 5 }, { resultLink: { url: 'http://127.0.0.1:5555/v.mp4', expiresAt: Date.now() + HOUR } });
    await expect(call('library:sourceVideo', { id: demo, provider: 'ark', task: 'edit' })).rejects.toThrow(/public https link/);
  });
});

describe('Join with the source (library:join)', () => {
  it('joins the source and its extension into a new clip with "joined from" lineage, copying matching streams', async () => {
    const source = await addClip('source', { seconds: 4 });
    const extension = await addClip('extension', { seconds: 3 }, { extendedFrom: source });
    const ext = await call<ClipDetail>('library:get', { id: extension });
    expect(ext.lineage.extendedFrom).toEqual({ id: source, present: true });
    const joined = await call<{ clip: { id: string; durationSec: number; prompt: string }; method: string; reasons: string[] }>('library:join', { ids: [source, extension] });
    expect(joined.method).toBe('copy');
    expect(joined.clip.durationSec).toBeCloseTo(7, 0);
    const detail = await call<ClipDetail>('library:get', { id: joined.clip.id });
    expect(detail.lineage.joinedFrom).toEqual([
      { id: source, present: true },
      { id: extension, present: true },
    ]);
    expect(detail.sidecar).toMatchObject({ joinedFrom: [source, extension], prompt: 'clip source', seed: null, cost: { estimate: null, usage: null } });
    const probe = await probeVideo('ffprobe', join(studio.library.dir, detail.folder, 'clip.mp4'));
    expect(probe.durationSec).toBeCloseTo(7, 0);
    // Nothing is left in the work folder once the clip is filed.
    expect(existsSync(join(root, 'data', 'joins')) ? execFileSync('ls', [join(root, 'data', 'joins')]).toString().trim() : '').toBe('');
  });

  it('re-encodes when the extension came back at another size, and names why', async () => {
    const source = await addClip('big', { seconds: 2, width: 320, height: 240 });
    const extension = await addClip('small', { seconds: 2, width: 256, height: 144 }, { extendedFrom: source });
    const joined = await call<{ method: string; reasons: string[]; clip: { width: number; height: number } }>('library:join', { ids: [source, extension] });
    expect(joined).toMatchObject({ method: 'reencode', reasons: ['sizes differ: 320×240, 256×144'], clip: { width: 320, height: 240 } });
  });
});

describe('a chain as one film (library:chain, library:exportChain)', () => {
  it('follows the chain up and down, taking the highest-rated take where it branches', async () => {
    const a = await addClip('chain-a', { seconds: 2 });
    const b1 = await addClip('chain-b1', { seconds: 2 }, { continuedFrom: a });
    const b2 = await addClip('chain-b2', { seconds: 2 }, { continuedFrom: a, rating: 4 });
    const c = await addClip('chain-c', { seconds: 2 }, { continuedFrom: b2 });
    const fromMiddle = await call<{ clips: Array<{ id: string }>; branched: boolean }>('library:chain', { id: b2 });
    expect(fromMiddle.clips.map((x) => x.id)).toEqual([a, b2, c]);
    const fromRoot = await call<{ clips: Array<{ id: string }>; branched: boolean }>('library:chain', { id: a });
    expect(fromRoot).toMatchObject({ branched: true });
    expect(fromRoot.clips.map((x) => x.id)).toEqual([a, b2, c]);
    const fromOtherTake = await call<{ clips: Array<{ id: string }> }>('library:chain', { id: b1 });
    expect(fromOtherTake.clips.map((x) => x.id)).toEqual([a, b1]);
  });

  it('exports the chain as one MP4 where the user picks, and refuses a clip in no chain', async () => {
    const a = await addClip('film-a', { seconds: 2 });
    const b = await addClip('film-b', { seconds: 3 }, { continuedFrom: a });
    saveTo = join(root, 'exports');
    mkdirSync(saveTo, { recursive: true });
    const saved = await call<{ outcome: string; fileName: string; folder: string; bytes: number; clips: number }>('library:exportChain', { id: b });
    expect(saved).toMatchObject({ outcome: 'saved', folder: saveTo, clips: 2 });
    const probe = await probeVideo('ffprobe', join(saveTo, saved.fileName));
    expect(probe.durationSec).toBeCloseTo(5, 0);
    saveTo = null;
    await expect(call('library:exportChain', { id: b })).resolves.toEqual({ outcome: 'cancelled' });
    const lone = await addClip('lone', { seconds: 2 });
    await expect(call('library:exportChain', { id: lone })).rejects.toThrow(/not part of a chain/);
  });
});

describe('filing a 2.5 edit or extend (deliverToLibrary)', () => {
  it('records "edited from" / "extended from" by the job\'s task, and the provider\'s link with its expiry', async () => {
    const source = await addClip('to-edit', { seconds: 5 });
    const log = createFileLogger(join(root, 'deliver.log'));
    const deliver = deliverToLibrary({
      library: studio.library,
      catalog: () => undefined,
      // A reference job with no frames: nothing to prepare.
      prepareImages: async () => ({}),
      sources: { image: () => Promise.reject(new Error('this job has no images')) },
      appVersion: 'test',
      log,
    });
    for (const task of ['edit', 'extend'] as const) {
      const dir = join(root, 'videos', `out-${task}`);
      mkdirSync(dir, { recursive: true });
      const path = makeTestVideo(dir, 'h264', { seconds: 5 });
      const probe = await probeVideo('ffprobe', path);
      const now = Date.now();
      const job: Job = {
        id: `00000000-0000-4000-8000-00000000000${task === 'edit' ? 1 : 2}`,
        params: { modelId: 'ark/dreamina-seedance-2-5-260628', prompt: 'Edit video @video1: replace the sky', task, resolution: '720p', aspectRatio: 'adaptive', duration: -1 },
        provider: 'ark',
        state: 'downloading',
        remote: { taskId: `cgt-${task}`, handle: {}, resultUrl: 'https://ark-results.example.com/out.mp4', resultExpiresAt: now + 24 * HOUR },
        times: { queued: now - 1000, submitted: now - 900, downloading: now },
        updatedAt: now,
        attempts: 1,
        requests: 3,
        history: [],
        order: 1,
        sourceClip: source,
      };
      const bytes = readFileSync(path);
      const filed = await deliver(job, { path, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, probe });
      const detail = await call<ClipDetail>('library:get', { id: filed.libraryId });
      expect(detail.sidecar.resultLink).toEqual({ url: 'https://ark-results.example.com/out.mp4', expiresAt: now + 24 * HOUR });
      if (task === 'edit') expect(detail.lineage).toMatchObject({ editedFrom: { id: source, present: true } });
      else expect(detail.lineage).toMatchObject({ extendedFrom: { id: source, present: true } });
    }
    log.close();
  });
});
