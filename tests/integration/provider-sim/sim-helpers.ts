import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { resolveMediaTool } from '../../../src/main/media-tools/ffmpeg';
import { DEMO_KEYS } from '../../../tools/provider-sim/index';
import { FIXTURE_IMAGES } from '../../fixtures/images';

/** Real photos (providers see pixels: these are the same files the app's tests use). */
export const FIXTURES = FIXTURE_IMAGES;

export const auth = {
  novita: { authorization: `Bearer ${DEMO_KEYS.novita}` },
  fal: { authorization: `Key ${DEMO_KEYS.fal}` },
  evolink: { authorization: `Bearer ${DEMO_KEYS.evolink}` },
  ark: { authorization: `Bearer ${DEMO_KEYS.ark}` },
} as const;

const made: string[] = [];

/** A fresh temp folder, removed by `removeTempDirs` (renders and downloads are a few MB per file). */
export function tempDir(name: string): string {
  const d = mkdtempSync(join(tmpdir(), `sim-test-${name}-`));
  made.push(d);
  return d;
}

/** Removes every folder `tempDir` made in this test file. */
export function removeTempDirs(): void {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
}

/** A provider's JSON answer: tests assert it field by field, so it is left untyped on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type Json = any;

/** JSON request with a JSON body; returns status, headers and parsed JSON (or raw text when not JSON). */
export async function call(
  method: string,
  url: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<{ status: number; headers: Headers; json: Json; text: string }> {
  const res = await fetch(url, {
    method,
    headers: { ...headers, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: Json = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    // Left undefined: callers that expect JSON fail on it, the malformed-JSON test asserts it.
  }
  return { status: res.status, headers: res.headers, json, text };
}

/** A real photo scaled to fit `w`×`h` (aspect kept), as JPEG bytes and a data URL. */
export async function photo(file: string, w: number, h: number): Promise<{ bytes: Buffer; dataUrl: string; width: number; height: number }> {
  const { data, info } = await sharp(join(FIXTURES, file)).rotate().resize(w, h, { fit: 'inside' }).jpeg({ quality: 85 }).toBuffer({ resolveWithObject: true });
  return { bytes: data, dataUrl: `data:image/jpeg;base64,${data.toString('base64')}`, width: info.width, height: info.height };
}

function exec(bin: string, args: string[], encoding: 'utf8' | 'buffer' = 'utf8'): Promise<string | Buffer> {
  return new Promise((resolve, reject) =>
    execFile(bin, args, { encoding, maxBuffer: 64 * 1024 * 1024 }, (err, out) => (err ? reject(err) : resolve(out))),
  );
}

export interface Probe {
  width: number;
  height: number;
  /** Seconds, from the container. */
  duration: number;
  fps: number;
  videoCodec: string;
  pixFmt: string;
  audioCodec: string | null;
  frames: number;
}

/** ffprobe of an MP4 file. */
export async function probe(file: string): Promise<Probe> {
  const out = (await exec(resolveMediaTool('ffprobe'), ['-v', 'error', '-count_frames', '-show_streams', '-show_format', '-of', 'json', file])) as string;
  const j = JSON.parse(out) as { streams: Array<Record<string, string | number>>; format: { duration: string } };
  const v = j.streams.find((s) => s.codec_type === 'video')!;
  const a = j.streams.find((s) => s.codec_type === 'audio');
  const [n, d] = String(v.r_frame_rate).split('/').map(Number) as [number, number];
  return {
    width: Number(v.width),
    height: Number(v.height),
    duration: Number(j.format.duration),
    fps: n / d,
    videoCodec: String(v.codec_name),
    pixFmt: String(v.pix_fmt),
    audioCodec: a ? String(a.codec_name) : null,
    frames: Number(v.nb_read_frames),
  };
}

/** One video frame (`index`, or the last one with -1) as 8×8 RGB bytes (192), for coarse picture comparison. */
export async function frameThumb(file: string, index: number): Promise<Buffer> {
  const THUMB = 8 * 8 * 3;
  // The last frame: decode the whole last second and keep the final thumbnail. A single
  // `-sseof -0.1` grab returns nothing when the audio track outlasts the video by more than that.
  const args =
    index < 0
      ? ['-sseof', '-1', '-i', file, '-an', '-vf', 'scale=8:8:flags=area']
      : ['-i', file, '-an', '-vf', `select=eq(n\\,${index}),scale=8:8:flags=area`, '-frames:v', '1'];
  const out = (await exec(resolveMediaTool('ffmpeg'), ['-v', 'error', ...args, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], 'buffer')) as Buffer;
  if (out.length < THUMB) throw new Error(`ffmpeg gave no frame ${index} of ${file}`);
  return out.subarray(out.length - THUMB);
}

/** The picture the provider would start from: `image` centre-cropped to w×h, as 8×8 RGB. */
export async function imageThumb(bytes: Buffer, w: number, h: number): Promise<Buffer> {
  const cropped = await sharp(bytes).resize(w, h, { fit: 'cover' }).toBuffer();
  return sharp(cropped).resize(8, 8, { fit: 'fill' }).removeAlpha().raw().toBuffer();
}

/** Mean absolute difference of two equal-length byte buffers (0 … 255). */
export function meanDiff(a: Buffer, b: Buffer): number {
  if (a.length === 0 || a.length !== b.length) throw new Error(`meanDiff needs two equal, non-empty buffers (got ${a.length} and ${b.length} bytes)`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

/** Polls `read` every `everyMs` until `done` says so or `timeoutMs` passes; returns every answer seen. */
export async function pollUntil<T>(read: () => Promise<T>, done: (t: T) => boolean, everyMs = 100, timeoutMs = 90_000): Promise<T[]> {
  const seen: T[] = [];
  const end = Date.now() + timeoutMs;
  for (;;) {
    const t = await read();
    seen.push(t);
    if (done(t)) return seen;
    if (Date.now() > end) throw new Error(`poll timed out; last answer ${JSON.stringify(t)}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Downloads a URL to a file in `dir`; returns the path and the bytes. */
export async function download(url: string, dir: string, name: string): Promise<{ path: string; bytes: Buffer; status: number }> {
  const res = await fetch(url);
  const bytes = Buffer.from(await res.arrayBuffer());
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return { path, bytes, status: res.status };
}
