import { link, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AspectRatio, Mode, ProviderId, Resolution } from '../../../../src/shared/catalog/types';
import { ClipSidecar } from '../../../../src/shared/library/sidecar';
import { clipFolderName } from '../../../../src/main/library/layout';

/** Deterministic PRNG (mulberry32) so generated libraries are the same on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'dragonfly sunset nuthatch portrait mountain river forest city night rain neon ocean wave desert ' +
  'snow camera slowly pans across golden light drone shot close up wide angle cinematic dolly zoom ' +
  'a the of with over under through misty morning evening storm thunder bird flying running dancing ' +
  'café crème jalapeño lake glacier volcano aurora market street train station tokyo paris berlin'
).split(' ');
const TAGS = ['favourite', 'client-A', 'draft', 'Nature', 'urban', 'b-roll', 'hero shot', 'test'];
const MODELS: Array<{ provider: ProviderId; modelId: string; mode: Mode }> = [
  { provider: 'novita', modelId: 'novita/seedance-v1-pro-i2v', mode: 'image-to-video' },
  { provider: 'novita', modelId: 'novita/seedance-v1-pro-t2v', mode: 'text-to-video' },
  { provider: 'fal', modelId: 'fal/bytedance/seedance/v1.5/pro/image-to-video', mode: 'first-last-frame' },
  { provider: 'evolink', modelId: 'evolink/seedance-2.0-text-to-video', mode: 'text-to-video' },
  { provider: 'ark', modelId: 'ark/seedance-1-5-pro-251215', mode: 'image-to-video' },
];
const RESOLUTIONS: Resolution[] = ['480p', '720p', '1080p'];
const RATIOS: AspectRatio[] = ['16:9', '9:16', '1:1', '4:3', 'adaptive'];
const SIZES: Record<string, [number, number]> = { '16:9': [1280, 720], '9:16': [720, 1280], '1:1': [960, 960], '4:3': [1112, 834], adaptive: [834, 1112] };
export const BASE_TIME = Date.UTC(2025, 0, 1, 12);

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;

/** The video the generated sidecars describe (every generated folder hard-links this one file). */
export interface VideoFacts {
  sha256: string;
  bytes: number;
}

/**
 * A valid sidecar for clip number `i` (id `gen` + 8 digits), with words, tags, models, sizes,
 * dates (one clip every ~10 minutes from BASE_TIME), ratings and a lineage link to clip i−1 every
 * 7th clip, all from `r`.
 */
export function makeSidecar(i: number, r: () => number, video: VideoFacts): ClipSidecar {
  const model = pick(r, MODELS);
  const aspectRatio = pick(r, RATIOS);
  const [width, height] = SIZES[aspectRatio] as [number, number];
  const words = Array.from({ length: 6 + Math.floor(r() * 20) }, () => pick(r, WORDS));
  const createdAt = BASE_TIME + i * 600_000 + Math.floor(r() * 60_000);
  const tags = [...new Set(Array.from({ length: Math.floor(r() * 3) }, () => pick(r, TAGS)))];
  return ClipSidecar.parse({
    schemaVersion: 2,
    id: `gen${String(i).padStart(8, '0')}`,
    createdAt,
    prompt: words.join(' '),
    provider: model.provider,
    modelId: model.modelId,
    mode: model.mode,
    parameters: { resolution: pick(r, RESOLUTIONS), aspectRatio, duration: 5, seed: Math.floor(r() * 1000) },
    seed: Math.floor(r() * 100000),
    output: { width, height, durationSec: 5.042, codec: 'h264' },
    providerTaskId: `task-${i}`,
    timings: { queuedAt: createdAt - 90_000, submittedAt: createdAt - 89_000, processingStartedAt: createdAt - 80_000, completedAt: createdAt - 2_000, downloadedAt: createdAt - 500 },
    cost: { estimate: { usd: 0.25, asOf: '2025-01-01' }, usage: r() < 0.5 ? { tokens: 108_000 } : null },
    inputs: [],
    video,
    appVersion: '0.1.0',
    ...(i > 0 && i % 7 === 0 ? { continuedFrom: `gen${String(i - 1).padStart(8, '0')}` } : {}),
    rating: Math.floor(r() * 6),
    tags,
  });
}

/** `n` sidecars from seed `seed`. */
export function makeSidecars(n: number, seed: number, video: VideoFacts): ClipSidecar[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => makeSidecar(i, r, video));
}

/**
 * Writes each sidecar as a clip folder under `root`: `clip.json` plus `clip.mp4` hard-linked to
 * `videoPath` (a real MP4 whose facts the sidecars carry). Returns the folder names, in order.
 */
export async function writeLibrary(root: string, sidecars: readonly ClipSidecar[], videoPath: string): Promise<string[]> {
  const folders = sidecars.map((s) => clipFolderName(s.createdAt, s.prompt, s.id));
  const batch = 64;
  for (let i = 0; i < sidecars.length; i += batch) {
    await Promise.all(
      sidecars.slice(i, i + batch).map(async (s, j) => {
        const dir = join(root, folders[i + j] as string);
        await mkdir(dir, { recursive: true });
        await writeFile(join(dir, 'clip.json'), JSON.stringify(s, null, 2));
        await link(videoPath, join(dir, 'clip.mp4'));
      }),
    );
  }
  return folders;
}
