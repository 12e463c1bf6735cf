import { open } from 'node:fs/promises';
import type { JobParams, ModelEntry } from '../../shared/catalog/types';
import { outputSize, type PixelSize } from '../../shared/catalog/output-sizes';
import { MediaToolError, probeVideo, runMediaTool, type MediaRunner, type VideoProbe } from '../media-tools/ffmpeg';
import { joinPhrases } from '../../shared/messages/error-said';
import { said, type Phrase, type Said } from '../../shared/messages/phrase';

/** What the finished video must look like. */
export interface ExpectedVideo {
  /**
   * The requested duration, seconds; null for Auto (duration −1: a 2.5 edit keeps its source's
   * length, seedance-2.5.md §2.2), which no request fixes in advance.
   */
  durationSec: number | null;
  /** Acceptable output sizes (px): one for a fixed aspect ratio, every ratio's for `adaptive`/`auto`; null when unknown (4k, `9:21`). */
  sizes: PixelSize[] | null;
}

/** Codecs Seedance providers deliver (H.264; HEVC accepted for providers that switch). */
const CODECS = new Set(['h264', 'hevc']);
/** Fixed ratios of the output-size table (providers.md "Output sizes"). */
const TABLE_RATIOS = ['21:9', '16:9', '4:3', '1:1', '3:4', '9:16'] as const;

/**
 * Allowed difference between requested and delivered seconds: providers render whole frames at
 * 24 fps and round (a 5 s Seedance clip is 121 frames = 5.04 s), so max(0.6 s, 10 %).
 */
export function durationTolerance(seconds: number): number {
  return Math.max(0.6, seconds * 0.1);
}

/** The expected video for a job's parameters on a catalog entry (output sizes from providers.md "Output sizes"). */
export function expectedVideo(entry: ModelEntry, params: JobParams): ExpectedVideo {
  const durationSec = requestedSeconds(params.duration);
  if (params.aspectRatio === 'adaptive' || params.aspectRatio === 'auto') {
    const sizes = TABLE_RATIOS.map((r) => outputSize(entry.sizeFamily, params.resolution, r)).filter((s): s is PixelSize => s !== null);
    return { durationSec, sizes: sizes.length ? sizes : null };
  }
  const size = outputSize(entry.sizeFamily, params.resolution, params.aspectRatio);
  return { durationSec, sizes: size ? [size] : null };
}

/** The seconds a job's `duration` asks for, or null for Auto (−1, seedance-2.5.md §2.2). */
export function requestedSeconds(duration: number): number | null {
  return duration < 0 ? null : duration;
}

/** `{ ok: true, probe }`, or `{ ok: false, reason }` with a sentence saying what is wrong with the file (English), and `reasonPhrase` for the UI's language. */
export type VerifyResult = { ok: true; probe: VideoProbe } | { ok: false; reason: string; reasonPhrase: Phrase };

/** A failed verification from a `said()` sentence. */
function refused({ message, phrase }: Said): VerifyResult {
  return { ok: false, reason: message, reasonPhrase: phrase };
}

/**
 * Checks a downloaded file: ffprobe says container MP4/MOV; its top-level MP4 boxes end exactly at
 * the end of the file (ffprobe alone accepts a cut "faststart" MP4, whose header still announces
 * the full length); codec H.264/HEVC, duration within
 * `durationTolerance` of the request (any for Auto), and width × height one of `expected.sizes`. Never throws:
 * a file ffprobe cannot read is `{ ok: false }` (usually a truncated download). ffprobe runs through `run`.
 */
export async function verifyVideo(ffprobe: string, file: string, expected: ExpectedVideo, run: MediaRunner = runMediaTool): Promise<VerifyResult> {
  let probe: VideoProbe;
  try {
    probe = await probeVideo(ffprobe, file, run);
  } catch (err) {
    const why = err instanceof MediaToolError ? (err.phrase ?? err.message) : String(err);
    return refused(said('job.verify.notReadable', { why }));
  }
  const containers = probe.container.split(',');
  if (!containers.includes('mp4') && !containers.includes('mov')) {
    return refused(said('job.verify.container', { container: probe.container }));
  }
  const incomplete = await missingBytes(file);
  if (incomplete) return refused(incomplete);
  if (!CODECS.has(probe.codec)) return refused(said('job.verify.codec', { codec: probe.codec }));
  if (expected.durationSec !== null && Math.abs(probe.durationSec - expected.durationSec) > durationTolerance(expected.durationSec)) {
    return refused(said('job.verify.duration', { seconds: probe.durationSec.toFixed(2), expected: expected.durationSec }));
  }
  if (expected.sizes && !expected.sizes.some((s) => s.width === probe.width && s.height === probe.height)) {
    const want = joinPhrases('job.verify.or', expected.sizes.map((s) => `${s.width}×${s.height}`));
    return refused(said('job.verify.size', { width: probe.width, height: probe.height, want }));
  }
  return { ok: true, probe };
}

/**
 * Walks the top-level ISO-BMFF boxes (ISO/IEC 14496-12 §4.2: 32-bit size + type, size 1 = 64-bit
 * size follows, size 0 = to end of file) and returns why the file is incomplete, or null when the
 * last box ends exactly at the end of the file. Reads 16 bytes per box, never the payload.
 */
async function missingBytes(file: string): Promise<Said | null> {
  const handle = await open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    const head = Buffer.alloc(16);
    let at = 0;
    while (at < size) {
      const { bytesRead } = await handle.read(head, 0, 16, at);
      if (bytesRead < 8) return said('job.verify.boxHeader', { size });
      let box = head.readUInt32BE(0);
      if (box === 1) {
        if (bytesRead < 16) return said('job.verify.boxHeader', { size });
        box = Number(head.readBigUInt64BE(8));
      } else if (box === 0) {
        return null;
      }
      if (box < 8) return said('job.verify.badBox');
      at += box;
    }
    return at === size ? null : said('job.verify.incomplete', { size, at });
  } finally {
    await handle.close();
  }
}
