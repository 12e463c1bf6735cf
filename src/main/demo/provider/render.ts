import { createHash } from 'node:crypto';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { resolveFfmpeg, resolveFont, run } from './ffmpeg';

/** The size of a file, or null when there is none. */
const sizeOf = (path: string) => stat(path).then((s) => s.size, () => null);
import type { StoredImage } from './images';

/** Frame rate of every Seedance output (providers.md: Novita 1.5 `fps` only 24; ModelArk cost uses 24). */
export const SIM_FPS = 24;

/** What one task's video looks like. Sizes in px, duration in seconds. */
export interface RenderSpec {
  width: number;
  height: number;
  durationSeconds: number;
  /** Adds an AAC track (a tone) — for models that generate audio when it was asked for. */
  audio: boolean;
  /** Drawn into text-to-video clips (when a font is available). */
  prompt: string;
  first?: StoredImage;
  last?: StoredImage;
  /** `hevc10`: H.265 Main 10 (yuv420p10le, tagged hvc1), as Seedance 2.5 delivers 1080p (see `outputCodec`). Default H.264 8-bit. */
  videoCodec?: VideoCodec;
}

/** The video codecs the simulator renders. */
export type VideoCodec = 'h264' | 'hevc10';

/** Pixels above which a size is 1080p or more: every 720p size is at most 1112×834 = 927,408 px, every 1080p size at least 2206×946 (seedance-2.5.md §2.5). */
const HD_PIXELS = 1_500_000;

/**
 * The codec a provider delivers for `model` at `width`×`height` px: Seedance 2.5 (any provider's
 * id: ModelArk `dreamina-/doubao-seedance-2-5-…`, fal `bytedance/seedance-2.5/…`, EvoLink
 * `seedance-2.5-…`) at 1080p and above is H.265 (hvc1) 10-bit; 480p/720p and every other model
 * H.264 (seedance-2.5.md §2.5 "fps / codec").
 */
export function outputCodec(model: string, width: number, height: number): VideoCodec {
  return /seedance-2[.-]5(?![\d])/.test(model) && width * height > HD_PIXELS ? 'hevc10' : 'h264';
}

/** ffmpeg's video encoder arguments per codec (ultrafast: the simulator's renders must stay cheap on 2 cores). */
const ENCODER_ARGS: Record<VideoCodec, string[]> = {
  h264: ['-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '23', '-pix_fmt', 'yuv420p'],
  hevc10: ['-c:v', 'libx265', '-preset', 'ultrafast', '-crf', '28', '-x265-params', 'log-level=error', '-pix_fmt', 'yuv420p10le', '-tag:v', 'hvc1'],
};

/** A finished render: the MP4 and, when asked, its last frame as PNG (ModelArk `return_last_frame`). */
export interface RenderOutput {
  video: string;
  /** Size of the MP4 in bytes (fal reports `file_size`). */
  videoBytes: number;
  lastFrame?: string;
}

/**
 * Makes real MP4s with ffmpeg: H.264 yuv420p (or HEVC Main 10 when `spec.videoCodec` says), 24 fps, +faststart, ultrafast preset.
 * Image-to-video is a slow centre zoom over the first frame (centre-cropped to the output ratio, as the
 * providers crop), cross-fading into the last frame over the final second when one is given.
 * Text-to-video is ffmpeg's moving `testsrc` pattern with the prompt drawn in (testsrc2 costs twice the
 * CPU and 15× the bytes: its noise does not compress).
 * Renders are cached by their parameters and run at most `concurrency` at a time (2 cores).
 */
export class Renderer {
  private readonly dir: string;
  private readonly ready: Promise<unknown>;
  private readonly ffmpeg = resolveFfmpeg();
  private font: Promise<string | null> | null = null;
  private hasDrawtext: Promise<boolean> | null = null;
  private readonly pending = new Map<string, Promise<string>>();
  private running = 0;
  private readonly waiters: Array<() => void> = [];

  /** `fontFile`: the font to draw prompts with (default: the first common system font found). */
  constructor(
    dataDir: string,
    private readonly opts: { concurrency?: number; fontFile?: string } = {},
  ) {
    this.dir = join(dataDir, 'renders');
    this.ready = mkdir(this.dir, { recursive: true });
  }

  /** Renders (or reuses) the video for a spec. Rejects with ffmpeg's stderr tail on failure. */
  async render(spec: RenderSpec, lastFrame: boolean): Promise<RenderOutput> {
    const key = createHash('sha256')
      .update(
        JSON.stringify([spec.width, spec.height, spec.durationSeconds, spec.audio, spec.prompt.slice(0, 200), spec.first?.sha256, spec.last?.sha256, spec.videoCodec ?? 'h264']),
      )
      .digest('hex')
      .slice(0, 24);
    await this.ready;
    const video = await this.once(key, () => this.renderVideo(key, spec));
    const videoBytes = (await sizeOf(video)) ?? 0;
    if (!lastFrame) return { video, videoBytes };
    const png = await this.once(`${key}-last`, () => this.extractLastFrame(key, video));
    return { video, videoBytes, lastFrame: png };
  }

  /** Runs `make` once per key (cached on disk as `<dir>/<key>.*` by `make` itself). */
  private once(key: string, make: () => Promise<string>): Promise<string> {
    let p = this.pending.get(key);
    if (!p) {
      p = this.limited(make);
      this.pending.set(key, p);
      // A failed render may succeed on a later task; keep only successes.
      p.catch(() => this.pending.delete(key));
    }
    return p;
  }

  private async limited<T>(fn: () => Promise<T>): Promise<T> {
    while (this.running >= (this.opts.concurrency ?? 2)) await new Promise<void>((r) => this.waiters.push(r));
    this.running++;
    try {
      return await fn();
    } finally {
      this.running--;
      this.waiters.shift()?.();
    }
  }

  /** Whether the resolved ffmpeg has drawtext (checked once) and a usable font file exists. */
  private async canDrawText(): Promise<string | null> {
    const font = await (this.font ??= resolveFont(this.opts.fontFile));
    // Filter-graph escaping of arbitrary paths is fragile; only plain font paths are used.
    if (!font || !/^[\w/.-]+$/.test(font)) return null;
    this.hasDrawtext ??= run(this.ffmpeg, ['-hide_banner', '-filters'])
      .then((out) => /\bdrawtext\b/.test(out))
      .catch(() => false);
    return (await this.hasDrawtext) ? font : null;
  }

  private async renderVideo(key: string, spec: RenderSpec): Promise<string> {
    const out = join(this.dir, `${key}.mp4`);
    if ((await sizeOf(out)) !== null) return out;
    const { width: W, height: H } = spec;
    const D = spec.durationSeconds;
    const N = Math.round(D * SIM_FPS);
    const args = ['-hide_banner', '-loglevel', 'error', '-y'];
    const filters: string[] = [];
    let inputs = 0;
    const cover = `scale=${W}:${H}:force_original_aspect_ratio=increase,crop=${W}:${H},setsar=1`;
    if (spec.first) {
      args.push('-i', spec.first.path);
      inputs++;
      // zoompan turns the one decoded frame into N frames, zooming 1.0 → 1.12 about the centre.
      filters.push(
        `[0:v]${cover},zoompan=z='1+0.12*on/${N}':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d=${N}:s=${W}x${H}:fps=${SIM_FPS},setsar=1[base]`,
      );
      if (spec.last) {
        args.push('-loop', '1', '-t', String(D), '-i', spec.last.path);
        inputs++;
        // Fade the last frame in so that the final frame is exactly the last image (no xfade in old builds).
        const fade = Math.min(1, D / 2);
        const st = Math.max(0, (N - 1) / SIM_FPS - fade);
        filters.push(
          `[1:v]${cover},fps=${SIM_FPS},format=yuva420p,fade=t=in:st=${st.toFixed(3)}:d=${fade.toFixed(3)}:alpha=1[lf]`,
          `[base]format=yuva420p[b]`,
          `[b][lf]overlay=shortest=1,format=yuv420p[v]`,
        );
      } else {
        filters.push(`[base]format=yuv420p[v]`);
      }
    } else {
      args.push('-f', 'lavfi', '-i', `testsrc=s=${W}x${H}:r=${SIM_FPS}:d=${D}`);
      inputs++;
      let chain = `[0:v]format=yuv420p`;
      const font = await this.canDrawText();
      if (font) {
        const textName = `${key}.txt`;
        await writeFile(join(this.dir, textName), wrap(spec.prompt || '(no prompt)', 40, 4));
        const size = Math.max(14, Math.round(H / 18));
        chain += `,drawtext=fontfile=${font}:textfile=${textName}:fontsize=${size}:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=8:x=(w-text_w)/2:y=h-text_h-${size}`;
      }
      filters.push(`${chain}[v]`);
    }
    if (spec.audio) {
      args.push('-f', 'lavfi', '-i', `sine=frequency=330:beep_factor=2:sample_rate=44100:duration=${D}`);
    }
    args.push('-filter_complex', filters.join(';'), '-map', '[v]');
    if (spec.audio) args.push('-map', `${inputs}:a`, '-c:a', 'aac', '-b:a', '96k');
    const tmp = join(this.dir, `${key}.part.mp4`);
    args.push(
      ...ENCODER_ARGS[spec.videoCodec ?? 'h264'], '-r', String(SIM_FPS),
      '-frames:v', String(N), '-t', String(D), '-movflags', '+faststart', tmp,
    );
    await run(this.ffmpeg, args, this.dir);
    await rename(tmp, out);
    return out;
  }

  private async extractLastFrame(key: string, video: string): Promise<string> {
    const out = join(this.dir, `${key}-last.png`);
    if ((await sizeOf(out)) !== null) return out;
    await run(this.ffmpeg, ['-hide_banner', '-loglevel', 'error', '-y', '-sseof', '-0.2', '-i', video, '-update', '1', '-frames:v', '1', out]);
    return out;
  }
}

/** Word-wraps text to at most `lines` lines of about `width` characters (ellipsis when cut). */
function wrap(text: string, width: number, lines: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const words = flat.split(' ');
  const out: string[] = [];
  let line = '';
  for (const w of words) {
    if ((line + ' ' + w).trim().length > width && line) {
      out.push(line);
      line = w;
    } else line = (line + ' ' + w).trim();
    if (out.length === lines) break;
  }
  if (out.length < lines && line) out.push(line);
  const joined = out.slice(0, lines).join('\n');
  return joined.replace(/\n/g, ' ').length < flat.length ? joined.replace(/.?$/, '…') : joined;
}
