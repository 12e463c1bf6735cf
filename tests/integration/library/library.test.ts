import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFrameTokens } from '../../../src/main/library/frame-tokens';
import { createLibraryHandlers } from '../../../src/main/library/handlers';
import { createLibrary, type Library } from '../../../src/main/library/library';
import { hashFile } from '../../../src/main/library/disk';
import { createMemoryLogger } from '../../../src/main/logging/logger';
import { createMediaRegistry } from '../../../src/main/media/registry';
import { libraryDomain } from '../../../src/shared/contract/library';
import { StudioError } from '../../../src/shared/contract/result';
import { ClipSidecar } from '../../../src/shared/library/sidecar';
import { fields } from './clip-fields';
import { makeBlueEndingMp4, makeTestMp4, tools } from './media';
import { FIXTURE_IMAGES } from '../../fixtures/images';

/** These tests do not reuse reference videos or audio; registering one would be a bug here. */
const noMediaImport = (): Promise<never> => Promise.reject(new Error('no media import in this test'));

const FIXTURES = FIXTURE_IMAGES;
const ctx = { host: 'harness' } as const;

describe('library: adding, reading and changing clips (real MP4s)', () => {
  let work: string;
  let root: string;
  let library: Library;
  const log = createMemoryLogger();
  const changes: string[][] = [];
  const systemTrash: string[] = [];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'lib-add-'));
    root = join(work, 'Seedance Studio');
    await makeTestMp4(join(work, 'src-a.mp4'));
    await makeBlueEndingMp4(join(work, 'src-blue.mp4'));
    await makeTestMp4(join(work, 'src-odd.mp4'), '426x240', 1);
    library = createLibrary({
      libraryDir: root,
      framesDir: join(work, 'frames'),
      log,
      watch: false,
      trashItem: async (path) => {
        systemTrash.push(path);
      },
      undoWindowMs: 300,
    });
    library.onChange((ids) => changes.push(ids));
    await library.ready;
  });

  afterAll(async () => {
    await library.dispose();
    await rm(work, { recursive: true, force: true });
  });

  it('adds a clip atomically into the documented layout, moving the video and copying the inputs', async () => {
    const videoPath = join(work, 'src-a.mp4');
    const source = await hashFile(videoPath);
    const firstBefore = await hashFile(join(FIXTURES, 'dragonfly-4224x3168.jpg'));
    const clip = await library.addClip({
      videoPath,
      ...fields({
        inputs: [
          { role: 'first', kind: 'image', name: 'dragonfly-4224x3168.jpg', original: { path: join(FIXTURES, 'dragonfly-4224x3168.jpg') } },
          { role: 'last', kind: 'image', sent: { path: join(FIXTURES, 'altai-portrait-1080x1920.png') } },
        ],
        tags: [' Nature ', 'nature', 'macro'],
      }),
    });

    expect(clip.folder).toMatch(/^\d{4}-\d{2}-\d{2}_a-dragonfly-lands-on-a-reed-at-dawn_[a-z0-9]{10}$/);
    expect(clip.folder.endsWith(`_${clip.id}`)).toBe(true);
    expect((await readdir(clip.paths.dir)).sort()).toEqual(['clip.json', 'clip.mp4', 'poster.jpg']);
    expect(await readdir(join(root, '.staging'))).toEqual([]);
    await expect(stat(videoPath)).rejects.toThrow(); // moved, not left behind

    const onDisk = ClipSidecar.parse(JSON.parse(await readFile(clip.paths.sidecar, 'utf8')));
    expect(onDisk).toEqual(clip.sidecar);
    expect(onDisk.video).toEqual({ sha256: source.sha256, bytes: source.bytes });
    expect(onDisk.output).toMatchObject({ width: 320, height: 240, codec: 'h264' });
    expect(onDisk.output.durationSec).toBeCloseTo(2, 1);
    expect(onDisk.tags).toEqual(['Nature', 'macro']);
    const first = onDisk.inputs.find((i) => i.role === 'first');
    const firstFile = `.inputs/${firstBefore.sha256.slice(0, 2)}/${firstBefore.sha256}.jpg`;
    expect(first).toMatchObject({ kind: 'image', name: 'dragonfly-4224x3168.jpg', original: { file: firstFile, width: 4224, height: 3168, sha256: firstBefore.sha256 } });
    expect(onDisk.inputs.find((i) => i.role === 'last')?.sent).toMatchObject({ width: 1080, height: 1920 });
    expect(await hashFile(join(root, firstFile))).toEqual(firstBefore);
    expect(await hashFile(join(FIXTURES, 'dragonfly-4224x3168.jpg'))).toEqual(firstBefore); // inputs are copied

    const poster = await sharp(join(clip.paths.dir, 'poster.jpg')).metadata();
    expect([poster.format, poster.width, poster.height]).toEqual(['jpeg', 320, 240]);
    expect(changes.flat()).toContain(clip.id);
    expect((await library.list({ query: 'dragon macro' })).items.map((c) => c.id)).toEqual([clip.id]);
  });

  it('keeps the source video when asked and refuses a file that is not a video, leaving nothing behind', async () => {
    const kept = join(work, 'kept.mp4');
    await copyFile(join(work, 'src-odd.mp4'), kept);
    const clip = await library.addClip({ videoPath: kept, keepSource: true, ...fields({ prompt: 'odd size' }) });
    expect((await stat(kept)).isFile()).toBe(true);
    expect(clip.sidecar.output).toMatchObject({ width: 426, height: 240 });

    const notVideo = join(work, 'not-a-video.mp4');
    await writeFile(notVideo, 'this is text, not a video');
    const before = new Set(await readdir(root));
    const err = await library.addClip({ videoPath: notVideo, ...fields() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StudioError);
    expect((err as StudioError).code).toBe('UNAVAILABLE');
    expect(new Set(await readdir(root))).toEqual(before);
    expect(await readdir(join(root, '.staging'))).toEqual([]);
    expect(await readFile(notVideo, 'utf8')).toBe('this is text, not a video');
    await expect(library.addClip({ videoPath: join(work, 'gone.mp4'), ...fields() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await readdir(join(root, '.staging'))).toEqual([]);
  });

  it('files a job once: a second delivery of the same job returns the clip already there', async () => {
    const first = join(work, 'job-a.mp4');
    await makeTestMp4(first, '320x240', 1);
    const again = join(work, 'job-a-again.mp4');
    await copyFile(first, again);
    const other = join(work, 'job-a-other.mp4');
    await makeTestMp4(other, '160x120', 1);

    const clip = await library.addClip({ videoPath: first, ...fields({ prompt: 'filed once', jobId: 'job-0001' }) });
    const total = (await library.list({ limit: 1 })).total;
    const second = await library.addClip({ videoPath: again, ...fields({ prompt: 'filed once', jobId: 'job-0001' }) });
    expect(second.id).toBe(clip.id);
    expect((await library.list({ limit: 1 })).total).toBe(total);
    await expect(stat(again)).rejects.toThrow(); // byte-identical copy: removed

    const third = await library.addClip({ videoPath: other, ...fields({ prompt: 'filed once', jobId: 'job-0001' }) });
    expect(third.id).toBe(clip.id);
    expect((await stat(other)).isFile()).toBe(true); // different bytes: kept for a person to look at
  });

  it('files a job once when deliveries overlap (an engine restart delivers the same job twice at once)', async () => {
    const copies = ['race-1.mp4', 'race-2.mp4', 'race-3.mp4'].map((name) => join(work, name));
    await makeTestMp4(copies[0]!, '320x240', 1);
    for (const copy of copies.slice(1)) await copyFile(copies[0]!, copy);
    const before = (await library.list({ limit: 1 })).total;
    const clips = await Promise.all(
      copies.map((videoPath) => library.addClip({ videoPath, ...fields({ prompt: 'delivered twice', jobId: 'job-race-0001', providerTaskId: 'task-race-1' }) })),
    );
    expect(new Set(clips.map((c) => c.id)).size).toBe(1);
    expect((await library.list({ limit: 1 })).total).toBe(before + 1);
    expect((await readdir(root)).filter((name) => name.includes('delivered-twice'))).toHaveLength(1);
    expect(await readdir(join(root, '.staging'))).toEqual([]);
    for (const copy of copies) await expect(stat(copy)).rejects.toThrow(); // filed or byte-identical: none left behind
  });

  it('extracts the true last frame at the video size (a -sseof -0.1 grab would return the red frame before it)', async () => {
    const clip = await library.addClip({ videoPath: join(work, 'src-blue.mp4'), ...fields({ prompt: 'red then blue' }) });
    const frame = await library.lastFrame(clip.id);
    const meta = await sharp(frame.path).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 320, 240]);
    expect([frame.width, frame.height]).toEqual([320, 240]);
    const [r, g, b] = (await sharp(frame.path).stats()).channels.map((c) => c.mean) as [number, number, number];
    expect(b).toBeGreaterThan(200);
    expect(r).toBeLessThan(40);
    expect(g).toBeLessThan(40);

    const odd = (await library.list({ query: 'odd' })).items[0];
    const oddFrame = await library.lastFrame(odd!.id);
    expect([oddFrame.width, oddFrame.height]).toEqual([426, 240]);
    expect((await sharp(oddFrame.path).metadata()).width).toBe(426);
  });

  it('writes rating and tags into the sidecar, keeping fields it does not know', async () => {
    const clip = (await library.list({ query: 'dragonfly' })).items[0]!;
    const raw = JSON.parse(await readFile(clip.paths.sidecar, 'utf8')) as Record<string, unknown>;
    await writeFile(clip.paths.sidecar, JSON.stringify({ ...raw, futureField: { keep: true } }, null, 2));

    const updated = await library.update(clip.id, { rating: 4, tags: ['keeper', 'Keeper', ' client A '] });
    expect(updated.sidecar.rating).toBe(4);
    const after = JSON.parse(await readFile(clip.paths.sidecar, 'utf8')) as Record<string, unknown>;
    expect(after.rating).toBe(4);
    expect(after.tags).toEqual(['keeper', 'client A']);
    expect(after.futureField).toEqual({ keep: true });
    expect(after.prompt).toBe(raw.prompt);
    expect((await readdir(clip.paths.dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    // A fresh library reads the same rating back: the sidecar is the source of truth.
    const reopened = createLibrary({ libraryDir: root, framesDir: join(work, 'frames2'), log: createMemoryLogger(), watch: false });
    expect((await reopened.get(clip.id)).sidecar.rating).toBe(4);
    expect((await reopened.list({ query: 'client', filters: { minRating: 4 } })).items.map((c) => c.id)).toEqual([clip.id]);
    await reopened.dispose();
  });

  it('refuses to rewrite a sidecar that was broken outside the app', async () => {
    const clip = (await library.list({ query: 'odd' })).items[0]!;
    const broken = '{"schemaVersion":1, "id": "oops"';
    await writeFile(clip.paths.sidecar, broken);
    const err = await library.update(clip.id, { rating: 2 }).catch((e: unknown) => e);
    expect((err as StudioError).code).toBe('CONFLICT');
    expect(await readFile(clip.paths.sidecar, 'utf8')).toBe(broken);
  });

  it('records lineage when a clip continues another', async () => {
    // Its own clips: a test that leaned on an earlier test's clips would fail (or pass) for that test's reasons.
    const parentSrc = join(work, 'parent.mp4');
    await makeTestMp4(parentSrc);
    const parent = await library.addClip({ videoPath: parentSrc, ...fields({ prompt: 'the parent clip of a lineage' }) });
    const src = join(work, 'child.mp4');
    await makeTestMp4(src);
    const child = await library.addClip({ videoPath: src, ...fields({ prompt: 'the blue continues', continuedFrom: parent.id }) });
    expect(await library.lineage(parent.id)).toEqual({ continuedBy: [child.id] });
    expect(await library.lineage(child.id)).toEqual({ continuedFrom: { id: parent.id, present: true }, continuedBy: [] });
  });

  it('trashes into .trash/, restores, and hands over to the system trash after the undo window', async () => {
    const src = join(work, 'trash-me.mp4');
    await makeTestMp4(src);
    const clip = await library.addClip({ videoPath: src, ...fields({ prompt: 'a clip to throw away' }) });
    await library.trash(clip.id);
    await expect(library.get(clip.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await readdir(join(root, '.trash'))).toEqual([clip.folder]);
    const restored = await library.restore(clip.id);
    expect(restored.folder).toBe(clip.folder);
    expect((await library.get(clip.id)).paths.dir).toBe(join(root, clip.folder));

    await library.trash(clip.id);
    // The undo window (300 ms here) ends on the library's own timer: wait for the hand-over itself, not a guess at its time.
    await vi.waitFor(() => expect(systemTrash).toEqual([join(root, '.trash', clip.folder)]), { timeout: 10_000, interval: 50 });
    await expect(library.restore(clip.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers the contract through its handlers: URLs, tokens and the sidecar text, never paths', async () => {
    const media = createMediaRegistry();
    const frameTokens = createFrameTokens();
    const handlers = createLibraryHandlers({
      library,
      registerMedia: (p, m) => media.register(p, m),
      mediaUrl: (id) => `media://clip/${id}`,
      frameTokens,
      importMedia: noMediaImport,
      log,
    });
    const listed = libraryDomain.requests.list.output.parse(await handlers.list(libraryDomain.requests.list.input.parse({ query: 'dragonfly' }), ctx));
    expect(listed.total).toBe(1);
    const item = listed.items[0]!;
    expect(item.videoUrl).toMatch(/^media:\/\/clip\/[0-9a-f]{32}$/);
    expect(media.resolve(item.videoUrl!.split('/').pop()!)?.mime).toBe('video/mp4');
    expect(media.resolve(item.posterUrl!.split('/').pop()!)?.mime).toBe('image/jpeg');

    const detail = libraryDomain.requests.get.output.parse(await handlers.get({ id: item.id }, ctx));
    expect(detail.inputs.map((i) => [i.role, i.width, i.height])).toEqual([
      ['first', 4224, 3168],
      ['last', 1080, 1920],
    ]);
    expect(JSON.stringify(detail)).not.toContain(root);

    const frame = libraryDomain.requests.lastFrame.output.parse(await handlers.lastFrame({ id: item.id }, ctx));
    expect(frame.frame).toEqual({ width: 320, height: 240 });
    expect(frameTokens.resolve(frame.token)?.path).toMatch(/-last\.png$/);
    expect(frameTokens.resolve('0'.repeat(32))).toBeNull();

    // Without a save dialog (the harness) main hands over the sidecar text and the names to download under.
    const exported = libraryDomain.requests.exportSidecar.output.parse(await handlers.exportSidecar({ id: item.id }, ctx));
    if (exported.outcome !== 'no_dialog') throw new Error(`expected no_dialog, got ${exported.outcome}`);
    expect(exported.fileName).toBe(`${detail.folder}.json`);
    expect(JSON.parse(exported.json).futureField).toEqual({ keep: true });
    expect(await handlers.saveCopy({ id: item.id }, ctx)).toEqual({ outcome: 'no_dialog', fileName: `${detail.folder}.mp4` });
    expect(await handlers.reveal({ id: item.id }, ctx)).toEqual({ revealed: false });
    // The status line's size: every clip (the trash not counted) and the sum of the videos on disk.
    const all = await library.list({ limit: 500 });
    let onDisk = 0;
    for (const clip of all.items) onDisk += (await stat(clip.paths.video)).size;
    expect(libraryDomain.requests.stats.output.parse(await handlers.stats({}, ctx))).toEqual({ clips: all.total, bytes: onDisk });
    expect(libraryDomain.requests.update.input.safeParse({ id: item.id }).success).toBe(false);
    expect(libraryDomain.requests.update.input.safeParse({ id: item.id, rating: 9 }).success).toBe(false);
  });

  it('saves a copy of the video and the sidecar where the save dialog says, and nothing on cancel or failure', async () => {
    const item = (await library.list({ query: 'dragonfly' })).items[0]!;
    const clip = await library.get(item.id);
    const out = await mkdtemp(join(work, 'saved-'));
    const asked: Array<{ defaultName: string; kind: string }> = [];
    let answer: string | null = null;
    const handlers = createLibraryHandlers({
      library,
      registerMedia: async () => 'x',
      mediaUrl: (id) => `media://clip/${id}`,
      frameTokens: createFrameTokens(),
      importMedia: noMediaImport,
      log,
      chooseSavePath: async (request) => {
        asked.push(request);
        return answer;
      },
    });
    const saveCopy = async () => libraryDomain.requests.saveCopy.output.parse(await handlers.saveCopy({ id: item.id }, ctx));

    answer = join(out, 'my shot.mp4');
    expect(await saveCopy()).toEqual({ outcome: 'saved', fileName: 'my shot.mp4', folder: out, bytes: (await stat(clip.paths.video)).size });
    expect((await hashFile(answer)).sha256).toBe((await hashFile(clip.paths.video)).sha256);
    // Saving over an existing file (the dialog asked already) replaces it whole.
    await writeFile(answer, 'an older file');
    expect((await saveCopy()).outcome).toBe('saved');
    expect((await hashFile(answer)).sha256).toBe((await hashFile(clip.paths.video)).sha256);

    answer = join(out, 'meta.json');
    const exported = libraryDomain.requests.exportSidecar.output.parse(await handlers.exportSidecar({ id: item.id }, ctx));
    expect(exported).toMatchObject({ outcome: 'saved', fileName: 'meta.json', folder: out });
    expect(await readFile(answer, 'utf8')).toBe(await readFile(clip.paths.sidecar, 'utf8'));
    expect(asked).toEqual([
      { defaultName: `${clip.folder}.mp4`, kind: 'video' },
      { defaultName: `${clip.folder}.mp4`, kind: 'video' },
      { defaultName: `${clip.folder}.json`, kind: 'sidecar' },
    ]);

    answer = null;
    expect(await saveCopy()).toEqual({ outcome: 'cancelled' });
    answer = join(out, 'gone', 'x.mp4');
    await expect(handlers.saveCopy({ id: item.id }, ctx)).rejects.toMatchObject({ code: 'UNAVAILABLE', message: 'The folder or the clip no longer exists.' });
    // Onto the library's own file: refused, and the clip is untouched.
    const before = await hashFile(clip.paths.video);
    answer = clip.paths.video;
    await expect(handlers.saveCopy({ id: item.id }, ctx)).rejects.toMatchObject({ code: 'UNAVAILABLE', message: 'It would replace the original file.' });
    expect(await hashFile(clip.paths.video)).toEqual(before);
    expect((await readdir(out)).sort()).toEqual(['meta.json', 'my shot.mp4']);
    expect((await readdir(clip.paths.dir)).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  it('cleans half-assembled clips an earlier crash left in .staging/ once they are an hour old', async () => {
    const staging = join(root, '.staging');
    await mkdir(join(staging, 'crashedold1'), { recursive: true });
    await writeFile(join(staging, 'crashedold1', 'clip.mp4'), 'half');
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    await utimes(join(staging, 'crashedold1'), twoHoursAgo, twoHoursAgo);
    await mkdir(join(staging, 'inprogress1'), { recursive: true });
    const reopened = createLibrary({ libraryDir: root, framesDir: join(work, 'frames3'), log: createMemoryLogger(), watch: false });
    await reopened.ready;
    expect(await readdir(staging)).toEqual(['inprogress1']);
    await reopened.dispose();
  });

  it('uses the binaries the resolver picked', () => {
    expect(tools.ffmpeg).toMatch(/ffmpeg/);
    expect(tools.ffprobe).toMatch(/ffprobe/);
  });
});
