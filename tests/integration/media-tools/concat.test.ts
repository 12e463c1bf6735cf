import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { concatList, joinPlan, joinVideos, probeForJoin } from '../../../src/main/media-tools/concat';
import { probeVideo } from '../../../src/main/media-tools/ffmpeg';
import { i18n } from '../../../src/renderer/i18n/index';
import { phraseText } from '../../../src/renderer/i18n/phrase';
import { makeTestVideo } from '../../fixtures/videos';

const tools = { ffmpeg: 'ffmpeg', ffprobe: 'ffprobe' };
const root = mkdtempSync(join(tmpdir(), 'concat-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A real H.264/AAC (or silent) MP4 in its own folder, so two of one size do not overwrite each other. */
function clip(name: string, opts: { width?: number; height?: number; seconds?: number; silent?: boolean } = {}): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  const made = makeTestVideo(dir, 'h264', opts);
  if (!opts.silent) return made;
  const silent = join(dir, 'silent.mp4');
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', made, '-an', '-c', 'copy', silent]);
  return silent;
}

/** Frames in the file's video stream, counted by decoding it (ffprobe `-count_frames`). */
function frameCount(file: string): number {
  const out = execFileSync('ffprobe', ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames', '-of', 'csv=p=0', file]).toString();
  return Number(out.trim());
}

describe('joinVideos (real MP4s made by ffmpeg)', () => {
  it('copies the streams when two clips match, keeping every frame and the sound', async () => {
    const a = clip('same-a', { seconds: 2 });
    const b = clip('same-b', { seconds: 3 });
    const out = join(root, 'same.mp4');
    const joined = await joinVideos(tools, [a, b], out);
    expect(joined.method).toBe('copy');
    expect(joined.reasons).toEqual([]);
    expect(joined.probe.durationSec).toBeCloseTo(5, 0);
    expect(joined.probe.width).toBe(320);
    expect(joined.probe.audioCodec).toBe('aac');
    expect(frameCount(out)).toBe(frameCount(a) + frameCount(b));
    expect(existsSync(`${out}.part.mp4`)).toBe(false);
    expect(existsSync(`${out}.list.txt`)).toBe(false);
  });

  it('re-encodes to H.264/AAC at the first clip\'s size when the sizes differ', async () => {
    const a = clip('size-a', { width: 320, height: 240, seconds: 2 });
    const b = clip('size-b', { width: 256, height: 144, seconds: 2 });
    const out = join(root, 'sizes.mp4');
    const joined = await joinVideos(tools, [a, b], out);
    expect(joined.method).toBe('reencode');
    expect(joined.reasons).toEqual(['sizes differ: 320×240, 256×144']);
    expect(joined.probe).toMatchObject({ codec: 'h264', width: 320, height: 240, pixFmt: 'yuv420p', audioCodec: 'aac' });
    expect(joined.probe.durationSec).toBeGreaterThan(3.8);
    expect(joined.probe.durationSec).toBeLessThan(4.3);
  });

  it('re-encodes with silence where one clip has no sound, and keeps the parts in sync', async () => {
    const a = clip('sound-a', { seconds: 2, silent: true });
    const b = clip('sound-b', { seconds: 2 });
    const out = join(root, 'sound.mp4');
    const joined = await joinVideos(tools, [a, b], out);
    expect(joined.method).toBe('reencode');
    expect(joined.reasons).toEqual(['sound differ: none, aac 48000 Hz 1 ch']);
    expect(joined.probe.audioCodec).toBe('aac');
    const audio = Number(execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'a:0', '-show_entries', 'stream=duration', '-of', 'csv=p=0', out]).toString());
    expect(Math.abs(audio - joined.probe.durationSec)).toBeLessThan(0.1);
  });

  it('copies two silent clips and the result stays silent', async () => {
    const a = clip('mute-a', { seconds: 2, silent: true });
    const b = clip('mute-b', { seconds: 2, silent: true });
    const joined = await joinVideos(tools, [a, b], join(root, 'mute.mp4'));
    expect(joined.method).toBe('copy');
    expect(joined.probe.audioCodec).toBeNull();
  });

  it('takes a path with a quote in it (the demuxer list escapes it)', async () => {
    const a = clip('quote-a', { seconds: 2 });
    const dir = join(root, "it's here");
    mkdirSync(dir);
    const b = join(dir, 'b.mp4');
    renameSync(clip('quote-b', { seconds: 2 }), b);
    const joined = await joinVideos(tools, [a, b], join(root, 'quote.mp4'));
    expect(joined.method).toBe('copy');
    expect(joined.probe.durationSec).toBeCloseTo(4, 0);
  });

  it('refuses one clip, and a file that is not a video, leaving nothing at `out`', async () => {
    const a = clip('one', { seconds: 2 });
    await expect(joinVideos(tools, [a], join(root, 'one.mp4'))).rejects.toThrow(/2 to 50 clips/);
    const text = join(root, 'not-video.mp4');
    execFileSync('sh', ['-c', `echo hello > '${text}'`]);
    await expect(joinVideos(tools, [a, text], join(root, 'bad.mp4'))).rejects.toThrow();
    expect(existsSync(join(root, 'bad.mp4'))).toBe(false);
  });
});

describe('joinPlan', () => {
  it('names each difference, and a codec MP4 cannot carry as it is', async () => {
    const a = await probeForJoin('ffprobe', clip('plan-a', { seconds: 2 }));
    expect(joinPlan([a, { ...a }])).toEqual({ method: 'copy' });
    const rate = joinPlan([a, { ...a, frameRate: '30/1' }]);
    expect(rate).toMatchObject({ method: 'reencode', reasons: ['frame rates differ: 24/1, 30/1'] });
    const pcm = { ...a, audio: { codec: 'pcm_s16le', sampleRate: 48000, channels: 1 } };
    const sound = joinPlan([pcm, pcm]);
    expect(sound).toMatchObject({ method: 'reencode', reasons: ['pcm_s16le audio does not go into an MP4 as it is'] });
    // The same reasons as phrases, for the UI's language: the words translated, ffprobe's facts as they are.
    await i18n.changeLanguage('zh-CN');
    try {
      const inChinese = (plan: ReturnType<typeof joinPlan>) => (plan.method === 'reencode' ? plan.reasons.map((r, i) => phraseText(plan.reasonPhrases[i], r)) : []);
      expect(inChinese(rate)).toEqual(['帧率不同：24/1, 30/1']);
      expect(inChinese(sound)).toEqual(['pcm_s16le 音频无法原样放入 MP4']);
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('writes the demuxer list with quotes escaped', () => {
    expect(concatList(['/a/b.mp4', "/it's/c.mp4"])).toBe("file '/a/b.mp4'\nfile '/it'\\''s/c.mp4'\n");
  });
});

describe('probeVideo of a joined HEVC pair', () => {
  it('keeps HEVC 10-bit when both match (copied, tagged hvc1)', async () => {
    const dir = join(root, 'hevc');
    mkdirSync(dir);
    const a = makeTestVideo(dir, 'hevc10', { seconds: 2 });
    const b = join(dir, 'b.mp4');
    execFileSync('cp', [a, b]);
    const joined = await joinVideos(tools, [a, b], join(root, 'hevc.mp4'));
    expect(joined.method).toBe('copy');
    const probe = await probeVideo('ffprobe', joined.path);
    expect(probe).toMatchObject({ codec: 'hevc', bitDepth: 10 });
  });
});
