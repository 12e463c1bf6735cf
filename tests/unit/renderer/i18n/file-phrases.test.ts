import { copyFile, mkdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UnknownImageError, type ImageError } from '../../../../src/main/images/errors';
import { fixImage } from '../../../../src/main/images/fix';
import { FixAnswer, answerOf, resultOf } from '../../../../src/main/images/image-wire';
import { inspectImage } from '../../../../src/main/images/inspect';
import { verifyVideo } from '../../../../src/main/jobs/verify';
import { MediaToolError, probeVideo } from '../../../../src/main/media-tools/ffmpeg';
import { playability } from '../../../../src/main/media-tools/playable';
import { asStudioError, type MediaError } from '../../../../src/main/references/errors';
import { probeMedia } from '../../../../src/main/references/probe';
import { i18n } from '../../../../src/renderer/i18n/index';
import { findModel } from '../../../../src/shared/catalog/models';
import type { StudioError } from '../../../../src/shared/contract/result';
import { tools, makeVideo } from '../../../fixtures/media';
import { PHOTOS, tempDir } from '../../main/images/derive';
import { both } from './in-both';

/*
 * The file readers' refusals (images, reference media, downloaded videos) in the UI's language
 * (issue 14): on real inputs — the shared photos, MP4s made by ffmpeg, files cut short, text files
 * with a media extension — the English stays as it was and the Chinese has no English words left
 * beyond the file's name and the format, codec and tool names.
 */

let dir: string;
let cleanup: () => Promise<void>;
/** A real 2 s H.264 MP4 at 320×240 with AAC sound. */
let mp4: string;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('file-phrases-'));
  mp4 = await makeVideo(dir, 'clip.mp4', { width: 320, height: 240, fps: 24, seconds: 2, sound: 'aac' });
}, 60_000);
afterAll(() => cleanup());
afterEach(async () => {
  await i18n.changeLanguage('en');
});

/** What `run` threw (it must throw). */
async function thrown<T = Error>(run: () => Promise<unknown>): Promise<T> {
  try {
    await run();
  } catch (err) {
    return err as T;
  }
  throw new Error('it did not throw');
}

describe('image files the app cannot use', () => {
  it('a missing photo, a folder, an empty file and a text file named .jpg', async () => {
    await mkdir(join(dir, 'album.jpg'));
    await writeFile(join(dir, 'empty.png'), '');
    await writeFile(join(dir, 'notes.jpg'), 'shopping list: bread, milk, eggs\n'.repeat(20));
    const cases = [
      ['gone.jpg', 'gone.jpg was not found. It may have been moved or deleted.', '找不到 gone.jpg。它可能已被移动或删除。'],
      ['album.jpg', 'album.jpg is a folder, not an image file.', 'album.jpg 是文件夹，不是图片文件。'],
      ['empty.png', 'empty.png is empty (0 bytes).', 'empty.png 是空文件（0 字节）。'],
      ['notes.jpg', 'notes.jpg contains text, not an image. Use a JPEG, PNG or WebP file.', 'notes.jpg 里是文本，不是图片。请使用 JPEG、PNG 或 WebP 文件。'],
    ] as const;
    for (const [name, en, zh] of cases) {
      const err = await thrown<ImageError>(() => inspectImage(join(dir, name)));
      expect(err.name).toBe('ImageError');
      expect(await both(err)).toEqual({ en, zh });
    }
  });

  it('a real photo cut short in the middle of its pixels', async () => {
    const cut = join(dir, 'dragonfly-cut.jpg');
    await copyFile(PHOTOS.dragonfly, cut);
    await truncate(cut, Math.floor((await readFile(PHOTOS.dragonfly)).length * 0.6));
    const err = await thrown<ImageError>(() => inspectImage(cut));
    const { en, zh } = await both(err);
    expect(en).toBe('dragonfly-cut.jpg is incomplete: the JPEG data stops before the image ends. Copy or download it again.');
    expect(zh).toBe('dragonfly-cut.jpg 不完整：JPEG 数据在图片结束前就中断了。请重新复制或下载。');
  });

  it('an image id the app no longer knows', async () => {
    expect(await both(new UnknownImageError('i'.repeat(32)))).toEqual({ en: 'This image is no longer known to the app. Add it again.', zh: '应用已不再认识这张图片。请重新添加。' });
  });

  it('a crop outside the Altai portrait, and both refusals across the image worker’s wire', async () => {
    const entry = findModel('novita/seedance-v1-pro-i2v')!;
    const opts = { resolution: '720p', aspectRatio: '16:9', role: 'first', cacheDir: join(dir, 'cache'), crop: { kind: 'rect', rect: { left: 2000, top: 0, width: 400, height: 400 } } } as const;
    const answer = FixAnswer.parse(JSON.parse(JSON.stringify(await answerOf(() => fixImage(PHOTOS.altai, entry, opts)))));
    const err = await thrown<RangeError & { phrase?: unknown }>(async () => resultOf(answer));
    expect(err).toBeInstanceOf(RangeError);
    expect(await both(err as { message: string })).toEqual({
      en: 'The crop rectangle (2000, 0, 400 × 400) lies outside the 1080 × 1920 image.',
      zh: '裁剪框（2000, 0, 400 × 400）超出了 1080 × 1920 的图片范围。',
    });
    const missing = FixAnswer.parse(JSON.parse(JSON.stringify(await answerOf(() => inspectImage(join(dir, 'gone.png'))))));
    expect((await both(await thrown<ImageError>(async () => resultOf(missing)))).zh).toBe('找不到 gone.png。它可能已被移动或删除。');
    // An older or newer worker: a phrase that does not parse is dropped, the English stays.
    const odd = FixAnswer.parse({ ok: false, kind: 'image', code: 'unreadable', message: 'x.png was not found.', phrase: { code: 7 } });
    expect(await both(await thrown<ImageError>(async () => resultOf(odd)))).toEqual({ en: 'x.png was not found.', zh: 'x.png was not found.' });
  });
});

describe('reference video and audio files the app cannot use', () => {
  it('ffprobe on a text file named .mp4, an empty file and a missing one; as a request error too', async () => {
    await writeFile(join(dir, 'notes.mp4'), 'just some words\n'.repeat(40));
    await writeFile(join(dir, 'empty.mov'), '');
    const notes = await thrown<MediaError>(() => probeMedia(tools.ffprobe, join(dir, 'notes.mp4')));
    expect(await both(notes)).toEqual({ en: 'notes.mp4 is not a video or audio file the app can read.', zh: 'notes.mp4 不是本应用能读取的视频或音频文件。' });
    const empty = await thrown<MediaError>(() => probeMedia(tools.ffprobe, join(dir, 'empty.mov')));
    expect(await both(empty)).toEqual({ en: 'empty.mov is empty (0 bytes).', zh: 'empty.mov 是空文件（0 字节）。' });
    // As it crosses from the engine to main: a StudioError with the same phrase.
    const asRequest = await thrown<StudioError>(() => asStudioError(() => probeMedia(tools.ffprobe, join(dir, 'lost.wav'))));
    expect(asRequest).toMatchObject({ code: 'BAD_INPUT', details: { reason: 'unreadable' } });
    expect(await both(asRequest)).toEqual({ en: 'lost.wav was not found or is not a file.', zh: '找不到 lost.wav，或它不是文件。' });
  });

  it('ffprobe failing on a file that is not a video: the tool’s words stay as a value', async () => {
    const err = await thrown<MediaToolError>(() => probeVideo(tools.ffprobe, join(dir, 'notes.mp4')));
    expect(err).toBeInstanceOf(MediaToolError);
    const { en, zh } = await both(err);
    expect(en).toMatch(/^ffprobe failed: /);
    expect(zh).toBe(en.replace(/^ffprobe failed: /, 'ffprobe 运行失败：'));
  });
});

describe('a downloaded video that fails verification', () => {
  it('lasts 2 s where 5 s were asked for', async () => {
    const check = await verifyVideo(tools.ffprobe, mp4, { durationSec: 5, sizes: null });
    if (check.ok) throw new Error('verified');
    expect(await both({ message: check.reason, phrase: check.reasonPhrase })).toEqual({
      en: 'The video lasts 2.00 s; 5 s were asked for.',
      zh: '该视频时长 2.00 秒；请求的是 5 秒。',
    });
  });

  it('is 320×240 where one of two sizes was expected', async () => {
    const check = await verifyVideo(tools.ffprobe, mp4, { durationSec: 2, sizes: [{ width: 864, height: 480 }, { width: 1248, height: 704 }] });
    if (check.ok) throw new Error('verified');
    expect(await both({ message: check.reason, phrase: check.reasonPhrase })).toEqual({
      en: 'The video is 320×240 px; 864×480 or 1248×704 was expected.',
      zh: '该视频为 320×240 px；预期为 864×480 或 1248×704。',
    });
  });

  it('was cut short: its last box announces 5,000 bytes of which 8 arrived', async () => {
    const whole = await readFile(mp4);
    const header = Buffer.alloc(8);
    header.writeUInt32BE(5000, 0);
    header.write('free', 4, 'latin1');
    const cut = join(dir, 'cut.mp4');
    await writeFile(cut, Buffer.concat([whole, header]));
    const check = await verifyVideo(tools.ffprobe, cut, { durationSec: 2, sizes: null });
    if (check.ok) throw new Error('verified');
    expect(await both({ message: check.reason, phrase: check.reasonPhrase })).toEqual({
      en: `The downloaded file is incomplete: ${whole.length + 8} of ${whole.length + 5000} bytes.`,
      zh: `下载的文件不完整：只有 ${whole.length + 5000} 字节中的 ${whole.length + 8} 字节。`,
    });
  });

  it('is not a video at all: ffprobe’s failure nested in the reason', async () => {
    const check = await verifyVideo(tools.ffprobe, join(dir, 'notes.mp4'), { durationSec: 5, sizes: null });
    if (check.ok) throw new Error('verified');
    const { en, zh } = await both({ message: check.reason, phrase: check.reasonPhrase });
    expect(en).toMatch(/^The downloaded file is not a readable video \(ffprobe failed: .+\)\.$/);
    expect(zh).toMatch(/^下载的文件不是可读取的视频（ffprobe 运行失败：.+）。$/);
  });

  it('has sound the player cannot play (PCM in MOV): the reason of the playable copy', async () => {
    const mov = await makeVideo(dir, 'pcm.mov', { width: 320, height: 240, fps: 24, seconds: 1, sound: 'pcm_s16le' });
    const check = playability(await probeVideo(tools.ffprobe, mov));
    if (check.playable) throw new Error('playable');
    expect(await both({ message: check.reason, phrase: typeof check.reasonPhrase === 'object' ? check.reasonPhrase : undefined })).toEqual({ en: 'pcm_s16le audio', zh: 'pcm_s16le 音频' });
  }, 30_000);
});
