import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Semaphore } from 'async-mutex';
import { z } from 'zod';
import { sha256File } from '../images/cache';
import { runMediaTool } from '../media-tools/ffmpeg';
import { joinMedia, type JoinedMedia, type JoinRequest } from '../media-tools/join-media';
import { fixMedia, type MediaFixRequest } from './fix';
import { MediaProbe, probeMedia } from './probe';

/** A probe, with the poster's path when one was asked for and could be made (videos only). */
export const ProbedMedia = MediaProbe.extend({ poster: z.string().optional() });
export type ProbedMedia = z.infer<typeof ProbedMedia>;

/** A fixed copy: where it is and what it now is. */
export const FixedMedia = z.object({ path: z.string(), probe: MediaProbe });
export type FixedMedia = z.infer<typeof FixedMedia>;

/** A file ready to send: its probe, content hash and size, for `PreparedMediaFile`. */
export interface PreparedMedia {
  probe: MediaProbe;
  sha256: string;
}

/**
 * The media work the job engine's process does for main and for its own jobs: ffprobe and ffmpeg
 * children, bounded (at most `probes` probes or hashes and `fixes` re-encodes at once; the rest
 * wait their turn), so a hundred dropped files never mean a hundred processes.
 */
export interface MediaWork {
  /** `probeMedia`, plus a poster JPEG (longer side ≤ 512 px) written to `poster` for a video when asked. */
  probe(path: string, options?: { poster?: string }): Promise<ProbedMedia>;
  /** `fixMedia` (see there). */
  fix(req: MediaFixRequest): Promise<FixedMedia>;
  /**
   * Probe and sha256 of a file to send, kept in memory by path, size and modification time (a
   * retry or a second job with the same file neither probes nor hashes it again).
   */
  prepare(path: string): Promise<PreparedMedia>;
  /** `joinMedia` (clips into one MP4: Join with the source, a chain as one film), one at a time. */
  join(req: JoinRequest): Promise<JoinedMedia>;
}

/** Options of `createMediaWork`: the tool binaries and the bounds. */
export interface MediaWorkOptions {
  ffmpeg: string;
  ffprobe: string;
  /** Probes, posters and hashes at once; default 2 (the machines have few cores, and main waits on none of them). */
  probes?: number;
  /** ffmpeg fixes at once; default 1. */
  fixes?: number;
  /** Joins at once; default 1 (a re-encode takes both cores of a small machine). */
  joins?: number;
}

/** Prepared files remembered; the oldest is forgotten beyond this. */
const PREPARED_CACHE = 200;

/** Builds the bounded media work over ffprobe/ffmpeg (see `MediaWork`). */
export function createMediaWork(options: MediaWorkOptions): MediaWork {
  const probes = new Semaphore(options.probes ?? 2);
  const fixes = new Semaphore(options.fixes ?? 1);
  const joins = new Semaphore(options.joins ?? 1);
  const prepared = new Map<string, PreparedMedia>();
  return {
    probe: (path, opts = {}) =>
      probes.runExclusive(async () => {
        const probe = await probeMedia(options.ffprobe, path);
        if (!opts.poster || !probe.video) return probe;
        const made = await makePoster(options.ffmpeg, path, opts.poster, probe.durationSec);
        return made ? { ...probe, poster: opts.poster } : probe;
      }),
    fix: (req) => fixes.runExclusive(() => fixMedia(options, req)),
    join: (req) => joins.runExclusive(() => joinMedia(options, req)),
    async prepare(path) {
      const st = await stat(path);
      const key = `${path}\u0000${st.size}\u0000${st.mtimeMs}`;
      const hit = prepared.get(key);
      if (hit) return hit;
      const result = await probes.runExclusive(async () => ({ probe: await probeMedia(options.ffprobe, path), sha256: await sha256File(path) }));
      prepared.set(key, result);
      if (prepared.size > PREPARED_CACHE) prepared.delete(prepared.keys().next().value as string);
      return result;
    },
  };
}

/** One frame a third in (at most 1 s), longer side ≤ 512 px, as JPEG at `out`. False when ffmpeg could not (the caller shows no poster). */
async function makePoster(ffmpeg: string, src: string, out: string, durationSec: number): Promise<boolean> {
  const part = `${out}.part.jpg`;
  const scale = "scale='if(gt(iw,ih),min(512,iw),-2)':'if(gt(iw,ih),-2,min(512,ih))'";
  try {
    await mkdir(dirname(out), { recursive: true });
    await runMediaTool(ffmpeg, ['-v', 'error', '-y', '-ss', Math.min(1, durationSec / 3).toFixed(2), '-i', src, '-frames:v', '1', '-vf', scale, '-q:v', '4', part], 30_000);
    await rename(part, out);
    return true;
  } catch {
    await rm(part, { force: true });
    return false;
  }
}
