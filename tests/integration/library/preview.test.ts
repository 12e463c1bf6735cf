import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashFile } from '../../../src/main/library/disk';
import { createFrameTokens } from '../../../src/main/library/frame-tokens';
import { createLibraryHandlers } from '../../../src/main/library/handlers';
import { createLibrary, type Library } from '../../../src/main/library/library';
import { createMemoryLogger } from '../../../src/main/logging/logger';
import { createMediaRegistry } from '../../../src/main/media/registry';
import { probeVideo } from '../../../src/main/media-tools/ffmpeg';
import { createPreviewMaker } from '../../../src/main/media-tools/playable';
import { libraryDomain } from '../../../src/shared/contract/library';
import { ClipSidecar, SIDECAR_SCHEMA_VERSION } from '../../../src/shared/library/sidecar';
import { makeTestVideo } from '../../fixtures/videos';
import { fields } from './clip-fields';
import { tools } from './media';

/** These tests do not reuse reference videos or audio; registering one would be a bug here. */
const noMediaImport = (): Promise<never> => Promise.reject(new Error('no media import in this test'));

const ctx = { host: 'harness' } as const;

describe('library: a 10-bit HEVC clip keeps its original and plays through its H.264 preview', () => {
  let work: string;
  let library: Library;
  const log = createMemoryLogger();

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'lib-preview-'));
    library = createLibrary({ libraryDir: join(work, 'lib'), framesDir: join(work, 'frames'), log, watch: false });
    await library.ready;
  });
  afterAll(async () => {
    await library.dispose();
    await rm(work, { recursive: true, force: true });
  });

  it('files the HEVC original as clip.mp4 and the preview as preview.mp4, recorded in the sidecar', async () => {
    // What the engine's delivery does: probe the verified download, make the preview beside it, file both.
    const videoPath = makeTestVideo(work, 'hevc10', { width: 640, height: 360, seconds: 2 });
    const original = await hashFile(videoPath);
    const probe = await probeVideo(tools.ffprobe, videoPath);
    const made = await createPreviewMaker(tools).ensurePlayable(videoPath, probe, join(work, 'job-1.preview.mp4'));
    expect(made).not.toBeNull();
    const clip = await library.addClip({
      videoPath,
      ...fields({ jobId: 'job-1', modelId: 'ark/dreamina-seedance-2-5-260628' }),
      preview: { path: made!.path, width: made!.width, height: made!.height, reason: made!.reason },
    });

    expect((await readdir(clip.paths.dir)).sort()).toEqual(['clip.json', 'poster.jpg', 'preview.mp4', 'clip.mp4'].sort());
    expect(await hashFile(clip.paths.video)).toEqual(original);
    expect(await probeVideo(tools.ffprobe, clip.paths.video)).toMatchObject({ codec: 'hevc', pixFmt: 'yuv420p10le' });
    expect(await probeVideo(tools.ffprobe, clip.paths.preview!)).toMatchObject({ codec: 'h264', pixFmt: 'yuv420p', width: 640, height: 360 });
    // Both temporary files were moved in, not left behind.
    expect(existsSync(videoPath)).toBe(false);
    expect(existsSync(made!.path)).toBe(false);

    const sidecar = ClipSidecar.parse(JSON.parse(await readFile(clip.paths.sidecar, 'utf8')));
    expect(sidecar.schemaVersion).toBe(SIDECAR_SCHEMA_VERSION);
    expect(sidecar.output).toMatchObject({ codec: 'hevc', profile: 'Main 10', pixFmt: 'yuv420p10le', bitDepth: 10, audioCodec: 'aac' });
    expect(sidecar.preview).toMatchObject({ file: 'preview.mp4', codec: 'h264', width: 640, height: 360, reason: 'HEVC (Main 10, yuv420p10le, 10-bit)' });
    expect(sidecar.preview!.bytes).toBe((await hashFile(clip.paths.preview!)).bytes);
    // The poster comes from the original (ffmpeg decodes HEVC 10-bit).
    expect(clip.paths.poster).not.toBeNull();
  });

  it('gives the players the preview and keeps the original for saving; falls back when the preview is gone', async () => {
    const media = createMediaRegistry();
    const handlers = createLibraryHandlers({
      library,
      registerMedia: (p, m) => media.register(p, m),
      mediaUrl: (id) => `media://clip/${id}`,
      frameTokens: createFrameTokens(),
      importMedia: noMediaImport,
      log,
    });
    const [item] = libraryDomain.requests.list.output.parse(await handlers.list(libraryDomain.requests.list.input.parse({}), ctx)).items;
    const clip = await library.get(item!.id);
    const pathOf = (url: string | null) => media.resolve(url!.split('/').pop()!)?.path;
    expect(pathOf(item!.videoUrl)).toBe(clip.paths.video);
    expect(pathOf(item!.playUrl)).toBe(clip.paths.preview);

    await rm(clip.paths.preview!);
    const again = libraryDomain.requests.get.output.parse(await handlers.get({ id: clip.id }, ctx));
    expect(pathOf(again.playUrl)).toBe(clip.paths.video);
  });

  it('reads a sidecar written before previews existed: no preview, the players get the original', async () => {
    const videoPath = makeTestVideo(work, 'h264');
    const clip = await library.addClip({ videoPath, ...fields({ jobId: 'job-2' }) });
    expect(clip.sidecar.preview).toBeUndefined();
    expect(clip.paths.preview).toBeNull();
    const old = { ...clip.sidecar } as Record<string, unknown>;
    delete old.preview;
    expect(ClipSidecar.safeParse({ ...old, output: { width: 320, height: 240, durationSec: 2, codec: 'h264' } }).success).toBe(true);
  });
});
