import { rename, rm, stat } from 'node:fs/promises';
import { MediaToolError, probeVideo, runMediaTool, type VideoProbe } from './ffmpeg';
import { said, type PhraseValue } from '../../shared/messages/phrase';

/**
 * Whether the app's players (Chromium in Electron and in the harness's browser) can be counted on
 * to play a video; `reasonPhrase` is `reason` for the UI's language (codec names stay as they are).
 */
export type Playability = { playable: true } | { playable: false; reason: string; reasonPhrase: PhraseValue };

/** 8-bit 4:2:0 pixel formats every Chromium build decodes in software. */
const PLAYABLE_PIX_FMTS = new Set(['yuv420p', 'yuvj420p']);
/** Video codecs Chromium decodes in software on every platform, at 8-bit 4:2:0 (H.264 needs a build with proprietary codecs, as Electron and Chrome are). */
const PLAYABLE_VIDEO_CODECS: Record<string, string> = { h264: 'H.264', vp8: 'VP8', vp9: 'VP9', av1: 'AV1' };
/** Audio codecs Chromium plays inside MP4/MOV. PCM in MOV is not one of them (seedance-2.5.md §2.1 `output_format` mov: PCM audio). */
const PLAYABLE_AUDIO_CODECS = new Set(['aac', 'mp3', 'opus', 'flac']);

/**
 * Decides from the probe alone whether the players can be counted on to play `probe`'s video:
 * H.264, VP8, VP9 or AV1 at 8 bits in 4:2:0 (`yuv420p`/`yuvj420p`), with no audio or AAC/MP3/Opus/FLAC.
 * Everything else is not assumed playable: HEVC (Seedance 2.5's 1080p output is HEVC Main 10,
 * seedance-2.5.md §2.5 "fps / codec" — Chromium plays HEVC only with a hardware decoder on some
 * platforms), any 10-bit or 4:2:2/4:4:4 stream (2.5's `mov` output is H.264 High 4:4:4, §2.1),
 * ProRes and PCM audio. An unknown pixel format counts as not playable: a needless preview costs
 * seconds, a clip that does not play costs the person the clip.
 * The `reason` names what is not playable, e.g. `HEVC (Main 10, yuv420p10le, 10-bit)`.
 */
export function playability(probe: VideoProbe): Playability {
  const codecName = PLAYABLE_VIDEO_CODECS[probe.codec];
  const pixFmtOk = probe.pixFmt !== null && PLAYABLE_PIX_FMTS.has(probe.pixFmt) && (probe.bitDepth === null || probe.bitDepth === 8);
  if (!codecName || !pixFmtOk) {
    const details = [probe.profile, probe.pixFmt, probe.bitDepth ? `${probe.bitDepth}-bit` : null].filter(Boolean).join(', ');
    const name = codecName ?? (probe.codec === 'hevc' ? 'HEVC' : probe.codec === 'prores' ? 'ProRes' : probe.codec);
    const reason = `${name}${details ? ` (${details})` : ''}`;
    return { playable: false, reason, reasonPhrase: reason };
  }
  if (probe.audioCodec !== null && !PLAYABLE_AUDIO_CODECS.has(probe.audioCodec)) {
    const { message, phrase } = said('media.audioCodec', { codec: probe.audioCodec });
    return { playable: false, reason: message, reasonPhrase: phrase };
  }
  return { playable: true };
}

/** A finished preview: an H.264 8-bit 4:2:0 MP4 with AAC audio (when the source had audio). Sizes px, bytes, seconds. */
export interface PreviewFile {
  path: string;
  bytes: number;
  width: number;
  height: number;
  durationSec: number;
  /** Why the source needed one (`playability`'s reason). */
  reason: string;
}

/** ms one preview encode may take before ffmpeg is stopped: a 30 s 2206×946 clip on a busy 2-core machine stays well inside it. */
const PREVIEW_TIMEOUT_MS = 15 * 60_000;

/**
 * Encodes `video` to an H.264 preview at `out` (libx264 `veryfast` CRF 20, High profile, 8-bit
 * yuv420p, even width and height as 4:2:0 requires, first audio stream as AAC 128 kb/s if there is
 * one, `+faststart` so the player can start from a Range request). ffmpeg runs as a child process
 * at low priority; it writes `<out>.tmp` and renames it, so `out` is whole or absent. The result is
 * probed; throws `MediaToolError` when ffmpeg fails or the preview is not itself playable.
 */
export async function makePreview(tools: { ffmpeg: string; ffprobe: string }, video: string, out: string, reason: string): Promise<PreviewFile> {
  const tmp = `${out}.tmp`;
  try {
    await runMediaTool(
      tools.ffmpeg,
      [
        '-v', 'error', '-y', '-i', video,
        '-map', '0:v:0', '-map', '0:a:0?',
        '-vf', 'scale=trunc(iw/2)*2:trunc(ih/2)*2,format=yuv420p',
        '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-profile:v', 'high', '-pix_fmt', 'yuv420p',
        '-c:a', 'aac', '-b:a', '128k',
        '-movflags', '+faststart', '-f', 'mp4', tmp,
      ],
      PREVIEW_TIMEOUT_MS,
      { lowPriority: true },
    );
    const probe = await probeVideo(tools.ffprobe, tmp);
    const check = playability(probe);
    if (!check.playable) throw new MediaToolError(said('media.tool.previewUnplayable', { reason: check.reasonPhrase }), '');
    await rename(tmp, out);
    return { path: out, bytes: (await stat(out)).size, width: probe.width, height: probe.height, durationSec: probe.durationSec, reason };
  } finally {
    await rm(tmp, { force: true });
  }
}

/** Makes previews one at a time (see `createPreviewMaker`). */
export interface PreviewMaker {
  /**
   * Null when the players can play `video` as it is (`playability(probe)`); otherwise makes an
   * H.264 preview of it at `out` (`makePreview`) after any earlier request has finished, and
   * resolves with it. Throws `MediaToolError` when the preview cannot be made; the caller files
   * the clip without one (the original is kept either way).
   */
  ensurePlayable(video: string, probe: VideoProbe, out: string): Promise<PreviewFile | null>;
}

/**
 * A preview maker with concurrency 1: an HEVC 1080p decode plus an H.264 encode takes both cores
 * of a small machine, so two at once would only slow each other and the app down.
 */
export function createPreviewMaker(tools: { ffmpeg: string; ffprobe: string }): PreviewMaker {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    ensurePlayable(video, probe, out) {
      const check = playability(probe);
      if (check.playable) return Promise.resolve(null);
      const made = tail.then(() => makePreview(tools, video, out, check.reason));
      tail = made.catch(() => undefined);
      return made;
    },
  };
}
