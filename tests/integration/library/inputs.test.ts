import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashFile } from '../../../src/main/library/disk';
import { createFrameTokens } from '../../../src/main/library/frame-tokens';
import { createLibraryHandlers } from '../../../src/main/library/handlers';
import { createLibrary, type Library } from '../../../src/main/library/library';
import { moveClipFolders } from '../../../src/main/library/move';
import { createMemoryLogger } from '../../../src/main/logging/logger';
import { createMediaRegistry } from '../../../src/main/media/registry';
import { i18n } from '../../../src/renderer/i18n/index';
import { phraseText } from '../../../src/renderer/i18n/phrase';
import { libraryDomain } from '../../../src/shared/contract/library';
import type { ImportedMedia } from '../../../src/shared/contract/media';
import { StudioError } from '../../../src/shared/contract/result';
import { said } from '../../../src/shared/messages/phrase';
import { FIXTURE_IMAGES } from '../../fixtures/images';
import { fields } from './clip-fields';
import { makeTestMp4, tools } from './media';

/** These tests do not reuse reference videos or audio; registering one would be a bug here. */
const noMediaImport = (): Promise<never> => Promise.reject(new Error('no media import in this test'));

const run = promisify(execFile);
const ctx = { host: 'harness' } as const;
const PHOTO = join(FIXTURE_IMAGES, 'dragonfly-4224x3168.jpg');
const PORTRAIT = join(FIXTURE_IMAGES, 'altai-portrait-1080x1920.png');

/**
 * The library's input store with real files: the shared photos, an MP4 and a WAV made by ffmpeg.
 * Two clips made from the same inputs store each file once; Reuse hands back the originals; v1
 * clips keep loading; the clean-up removes only what no clip names.
 */
describe('library inputs: content-addressed store, references, v1 clips, clean-up', () => {
  let work: string;
  let root: string;
  let library: Library;
  const log = createMemoryLogger();
  const handedOver: string[] = [];
  let refVideo: string;
  let refAudio: string;

  const referenceInputs = () => [
    { role: 'first' as const, kind: 'image' as const, name: 'dragonfly-4224x3168.jpg', original: { path: PHOTO, mime: 'image/jpeg', width: 4224, height: 3168 }, crop: { left: 0, top: 396, width: 4224, height: 2376 } },
    { role: 'reference' as const, kind: 'image' as const, tag: '@image1', name: 'altai.png', original: { path: PORTRAIT, mime: 'image/png' } },
    { role: 'reference' as const, kind: 'video' as const, tag: '@video1', name: 'waves.mp4', original: { path: refVideo, mime: 'video/mp4', durationSec: 1 } },
    { role: 'reference' as const, kind: 'audio' as const, tag: '@audio1', name: 'tone.wav', original: { path: refAudio, mime: 'audio/wav', durationSec: 1 } },
    { role: 'reference' as const, kind: 'video' as const, tag: '@video2', url: 'https://example.com/ref.mp4' },
  ];

  const storeFiles = async () =>
    (await readdir(join(root, '.inputs'), { recursive: true, withFileTypes: true }).catch(() => [])).filter((e) => e.isFile()).map((e) => e.name).sort();

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'lib-inputs-'));
    root = join(work, 'library');
    refVideo = join(work, 'waves.mp4');
    refAudio = join(work, 'tone.wav');
    await makeTestMp4(refVideo, '320x240', 1);
    await run(tools.ffmpeg, ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=1', refAudio]);
    for (const name of ['a', 'b', 'c']) await makeTestMp4(join(work, `${name}.mp4`), '320x240', 1);
    library = createLibrary({ libraryDir: root, framesDir: join(work, 'frames'), log, watch: false, trashItem: async (p) => void handedOver.push(p), undoWindowMs: 200 });
    await library.ready;
  });
  afterAll(async () => {
    await library.dispose();
    await rm(work, { recursive: true, force: true });
  });

  it('files frames and references of two clips, storing each file once, under its own hash', async () => {
    const a = await library.addClip({ videoPath: join(work, 'a.mp4'), ...fields({ mode: 'reference-to-video', prompt: 'take one', inputs: referenceInputs() }) });
    const b = await library.addClip({ videoPath: join(work, 'b.mp4'), ...fields({ mode: 'reference-to-video', prompt: 'take two', inputs: referenceInputs() }) });
    const hashes = await Promise.all([PHOTO, PORTRAIT, refVideo, refAudio].map(async (p) => (await hashFile(p)).sha256));
    expect(await storeFiles()).toEqual([`${hashes[0]}.jpg`, `${hashes[1]}.png`, `${hashes[2]}.mp4`, `${hashes[3]}.wav`].sort());

    const onDisk = JSON.parse(await readFile(a.paths.sidecar, 'utf8')) as { schemaVersion: number; inputs: unknown[] };
    expect(onDisk.schemaVersion).toBe(2);
    expect(onDisk.inputs).toEqual(b.sidecar.inputs);
    expect(a.sidecar.inputs.map((i) => [i.role, i.kind, i.tag, i.name])).toEqual([
      ['first', 'image', undefined, 'dragonfly-4224x3168.jpg'],
      ['reference', 'image', '@image1', 'altai.png'],
      ['reference', 'video', '@video1', 'waves.mp4'],
      ['reference', 'audio', '@audio1', 'tone.wav'],
      ['reference', 'video', '@video2', undefined],
    ]);
    expect(a.sidecar.inputs[0]).toMatchObject({ original: { file: `.inputs/${hashes[0]!.slice(0, 2)}/${hashes[0]}.jpg`, width: 4224, height: 3168 }, crop: { top: 396 } });
    // Measured from the file when the caller did not say: the portrait's size.
    expect(a.sidecar.inputs[1]?.original).toMatchObject({ width: 1080, height: 1920, bytes: (await stat(PORTRAIT)).size });
    expect(a.sidecar.inputs[4]).toEqual({ role: 'reference', kind: 'video', tag: '@video2', url: 'https://example.com/ref.mp4' });
  });

  it('shows the inputs and brings them back for Reuse: images by token with their names, media through the media service', async () => {
    const media = createMediaRegistry();
    const frameTokens = createFrameTokens();
    const imported: Array<{ path: string; name: string }> = [];
    const importMedia = async (path: string, name: string): Promise<ImportedMedia> => {
      imported.push({ path, name });
      const kind = name.endsWith('.wav') ? 'audio' : 'video';
      return { mediaId: String(imported.length).repeat(32), previewUrl: null, info: { kind, name, format: kind === 'audio' ? 'wav' : 'mov', container: kind === 'audio' ? 'wav' : 'mp4', mime: kind === 'audio' ? 'audio/wav' : 'video/mp4', bytes: 1, durationSec: 1 } };
    };
    const base = { library, registerMedia: (p: string, m: string) => media.register(p, m), mediaUrl: (id: string) => `media://clip/${id}`, frameTokens, log };
    const handlers = createLibraryHandlers({ ...base, importMedia });
    const clip = (await library.list({ query: 'take one' })).items[0]!;

    const detail = libraryDomain.requests.get.output.parse(await handlers.get({ id: clip.id }, ctx));
    expect(detail.inputs.map((i) => [i.tag ?? i.role, i.kept, i.name])).toEqual([
      ['first', 'original', 'dragonfly-4224x3168.jpg'],
      ['@image1', 'original', 'altai.png'],
      ['@video1', 'original', 'waves.mp4'],
      ['@audio1', 'original', 'tone.wav'],
      ['@video2', 'link', undefined],
    ]);
    expect(media.resolve(detail.inputs[2]!.url!.split('/').pop()!)?.mime).toBe('video/mp4');
    expect(JSON.stringify(detail)).not.toContain(work);

    const answer = libraryDomain.requests.reuseInputs.output.parse(await handlers.reuseInputs({ id: clip.id }, ctx));
    expect(JSON.stringify(answer)).not.toContain(work);
    expect(answer.left).toEqual([]);
    expect(answer.frames).toEqual([{ role: 'first', token: expect.stringMatching(/^[0-9a-f]{32}$/), crop: { left: 0, top: 396, width: 4224, height: 2376 } }]);
    expect(frameTokens.resolve(answer.frames[0]!.token)).toEqual({ path: expect.stringContaining('.inputs'), name: 'dragonfly-4224x3168.jpg' });
    expect(answer.references.map((r) => [r.kind, r.tag])).toEqual([
      ['image', '@image1'],
      ['video', '@video1'],
      ['audio', '@audio1'],
      ['video', '@video2'],
    ]);
    expect(imported.map((i) => i.name)).toEqual(['waves.mp4', 'tone.wav']);
    expect((await hashFile(imported[0]!.path)).sha256).toBe((await hashFile(refVideo)).sha256);

    // A video or audio the media service cannot register is named in `left`; the rest still comes back.
    const failing = await createLibraryHandlers({ ...base, importMedia: noMediaImport }).reuseInputs({ id: clip.id }, ctx);
    expect(failing.references.map((r) => r.tag)).toEqual(['@image1', '@video2']);
    expect(failing.left).toEqual(['The @video1: no media import in this test.', 'The @audio1: no media import in this test.']);
    // The same lines for the UI's language: the sentence around the tag and the reason is Chinese.
    await i18n.changeLanguage('zh-CN');
    try {
      expect(failing.left.map((message, i) => phraseText(failing.leftPhrases?.[i], message))).toEqual([
        '未能带回@video1：no media import in this test.',
        '未能带回@audio1：no media import in this test.',
      ]);
      // A refusal main said as a phrase comes through whole, in Chinese.
      const gone = new StudioError('BAD_INPUT', said('media.notFound', { name: 'waves.mp4' }));
      const refused = await createLibraryHandlers({ ...base, importMedia: () => Promise.reject(gone) }).reuseInputs({ id: clip.id }, ctx);
      expect(refused.left[0]).toBe('The @video1: waves.mp4 was not found or is not a file.');
      expect(phraseText(refused.leftPhrases?.[0], refused.left[0]!)).toBe('未能带回@video1：找不到 waves.mp4，或它不是文件。');
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('keeps loading a v1 clip (frames copied into its folder), reuses its sent copy and keeps it v1 when rated', async () => {
    const dir = join(root, '2025-01-01_old-clip_oldclip001');
    await mkdir(join(dir, 'inputs'), { recursive: true });
    await copyFile(join(work, 'c.mp4'), join(dir, 'clip.mp4'));
    await copyFile(PORTRAIT, join(dir, 'inputs', 'first.png'));
    const [video, first] = await Promise.all([hashFile(join(dir, 'clip.mp4')), hashFile(join(dir, 'inputs', 'first.png'))]);
    const { inputs: _none, ...rest } = fields();
    const v1 = {
      ...rest,
      schemaVersion: 1,
      id: 'oldclip001',
      createdAt: Date.UTC(2025, 0, 1),
      prompt: 'an old clip',
      output: { width: 320, height: 240, durationSec: 1 },
      inputs: [{ role: 'first', file: 'inputs/first.png', ...first, width: 1080, height: 1920 }],
      video,
      rating: 0,
      tags: [],
    };
    await writeFile(join(dir, 'clip.json'), JSON.stringify(v1, null, 2));
    await library.refresh();
    const clip = await library.get('oldclip001');
    expect(clip.sidecar.inputs).toEqual([{ role: 'first', kind: 'image', sent: { file: 'inputs/first.png', ...first, width: 1080, height: 1920 } }]);

    const frameTokens = createFrameTokens();
    const handlers = createLibraryHandlers({ library, registerMedia: async () => 'f'.repeat(32), mediaUrl: (id) => `media://clip/${id}`, frameTokens, importMedia: noMediaImport, log });
    const detail = await handlers.get({ id: clip.id }, ctx);
    expect(detail.inputs[0]).toMatchObject({ role: 'first', kept: 'sent', width: 1080, height: 1920 });
    const answer = await handlers.reuseInputs({ id: clip.id }, ctx);
    expect(frameTokens.resolve(answer.frames[0]!.token)).toEqual({ path: join(dir, 'inputs', 'first.png') });

    await library.update(clip.id, { rating: 4 });
    const after = JSON.parse(await readFile(join(dir, 'clip.json'), 'utf8')) as { schemaVersion: number; rating: number; inputs: unknown };
    expect([after.schemaVersion, after.rating]).toEqual([1, 4]);
    expect(after.inputs).toEqual(v1.inputs);
  });

  it('skips a sidecar of a newer version without touching it, and its inputs survive the clean-up', async () => {
    const sha = (await hashFile(refVideo)).sha256;
    const dir = join(root, '2030-01-01_future_future0001');
    await mkdir(dir, { recursive: true });
    const text = JSON.stringify({ schemaVersion: 3, id: 'future0001', inputs: [{ file: `.inputs/${sha.slice(0, 2)}/${sha}.mp4` }] });
    await writeFile(join(dir, 'clip.json'), text);
    await library.refresh();
    await expect(library.get('future0001')).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // Both reference clips go to the trash: while they can be restored, nothing is removed.
    const ids = (await library.list({ query: 'take' })).items.map((c) => c.id);
    for (const id of ids) await library.trash(id);
    expect(await library.cleanInputs()).toEqual({ files: 0, bytes: 0 });
    // Once handed to the system trash, their inputs are no one's — but the newer sidecar still names the video.
    await new Promise((r) => setTimeout(r, 400));
    expect(handedOver).toHaveLength(2);
    for (const path of handedOver) await rm(path, { recursive: true, force: true });
    // (The v1 clip's sidecar names the portrait's hash too: a hash any sidecar names is kept.)
    const portrait = (await hashFile(PORTRAIT)).sha256;
    const before = await storeFiles();
    const cleaned = await library.cleanInputs();
    expect(cleaned.files).toBe(before.length - 2);
    expect(await storeFiles()).toEqual([`${sha}.mp4`, `${portrait}.png`].sort());
    expect(await readFile(join(dir, 'clip.json'), 'utf8')).toBe(text);
  });

  it('takes the input store along when the library moves', async () => {
    const from = join(work, 'moving-from');
    const to = join(work, 'moving-to');
    const moving = createLibrary({ libraryDir: from, framesDir: join(work, 'frames'), log, watch: false });
    await makeTestMp4(join(work, 'd.mp4'), '320x240', 1);
    const clip = await moving.addClip({ videoPath: join(work, 'd.mp4'), ...fields({ inputs: referenceInputs().slice(0, 1) }) });
    await moving.dispose();
    await mkdir(to, { recursive: true });
    const report = await moveClipFolders(from, to, log);
    expect(report.moved).toEqual([clip.id]);
    await expect(stat(join(from, '.inputs'))).rejects.toThrow();
    const moved = createLibrary({ libraryDir: to, framesDir: join(work, 'frames'), log, watch: false });
    const again = await moved.get(clip.id);
    expect(again.paths.inputs[0]?.original?.startsWith(join(to, '.inputs'))).toBe(true);
    expect((await hashFile(again.paths.inputs[0]!.original!)).sha256).toBe((await hashFile(PHOTO)).sha256);
    await moved.dispose();
  });
});
