import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { RunningHarness } from './harness-process';

/**
 * Makes a real H.264 MP4 with the system ffmpeg from a lavfi `source` (default testsrc2 at
 * 640×360, 24 fps, 3 s; moov first so `<video>` starts from a Range request). Returns its path.
 */
export function makeClipVideo(source = 'testsrc2=size=640x360:rate=24', seconds = 3): string {
  const file = join(mkdtempSync(join(tmpdir(), 'seedance-e2e-clip-')), 'clip.mp4');
  execFileSync(
    'ffmpeg',
    ['-v', 'error', '-f', 'lavfi', '-i', source, '-t', String(seconds), '-pix_fmt', 'yuv420p', '-c:v', 'libx264', '-movflags', '+faststart', '-y', file],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return file;
}

/** The library's `NewClipInput`s for `references`, tagged `@image1`, `@video1`… per kind in order. */
function referenceInputs(references: NonNullable<SeedClip['references']>) {
  const counts = { image: 0, video: 0, audio: 0 };
  return references.map((r) => {
    const tag = `@${r.kind}${(counts[r.kind] += 1)}`;
    if ('url' in r) return { role: 'reference', kind: r.kind, tag, url: r.url };
    return { role: 'reference', kind: r.kind, tag, name: basename(r.path), original: { path: r.path, mime: r.mime } };
  });
}

/** What a seeded clip may set; the rest gets plausible values (see `seedClip`). */
export interface SeedClip {
  videoPath: string;
  prompt: string;
  modelId?: string;
  provider?: 'novita' | 'fal' | 'evolink' | 'ark';
  mode?: 'text-to-video' | 'image-to-video' | 'first-last-frame' | 'reference-to-video';
  /** Asked aspect ratio; default 16:9. `adaptive` clips get the ratio nearest their output size. */
  aspectRatio?: string;
  /** Input images by role (absolute paths of the originals, kept under their own names). */
  inputs?: Array<{ role: 'first' | 'last'; path: string }>;
  /** References in tag order per kind: a file (absolute path of the original, with its mime type) or a public URL. */
  references?: Array<{ kind: 'image' | 'video' | 'audio'; path: string; mime: string } | { kind: 'video'; url: string }>;
  createdAt?: number;
  rating?: number;
  tags?: string[];
  continuedFrom?: string;
  /** More sidecar fields as they are (e.g. `extendedFrom`, `resultLink`). */
  sidecar?: Record<string, unknown>;
}

/**
 * Files a clip in the harness's library through the real `library.addClip` (the
 * `POST /__test/library/add` hook), as the job engine does after a download. The video is kept
 * where it is (`keepSource`). Resolves with the new clip's id; rejects with the library's message.
 */
export async function seedClip(harness: RunningHarness, clip: SeedClip): Promise<string> {
  const now = clip.createdAt ?? Date.now();
  const body = {
    videoPath: clip.videoPath,
    keepSource: true,
    prompt: clip.prompt,
    provider: clip.provider ?? 'novita',
    modelId: clip.modelId ?? 'novita/seedance-v1-pro-i2v',
    mode: clip.mode ?? (clip.inputs?.length ? 'image-to-video' : 'text-to-video'),
    parameters: { resolution: '480p', aspectRatio: clip.aspectRatio ?? '16:9', duration: 5, seed: 1234, cameraFixed: false },
    seed: 1234,
    providerTaskId: `task-${Math.random().toString(36).slice(2, 10)}`,
    timings: { queuedAt: now - 90_000, submittedAt: now - 85_000, processingStartedAt: now - 60_000, completedAt: now - 5_000, downloadedAt: now - 1_000 },
    cost: { estimate: { usd: 0.26, asOf: '2026-11' }, usage: { tokens: 48_600 } },
    inputs: [
      ...(clip.inputs ?? []).map((i) => ({ role: i.role, kind: 'image', name: basename(i.path), original: { path: i.path } })),
      ...referenceInputs(clip.references ?? []),
    ],
    appVersion: 'e2e',
    createdAt: now,
    ...(clip.rating !== undefined ? { rating: clip.rating } : {}),
    ...(clip.tags ? { tags: clip.tags } : {}),
    ...(clip.continuedFrom ? { continuedFrom: clip.continuedFrom } : {}),
    ...clip.sidecar,
  };
  const response = await fetch(`${harness.origin}/__test/library/add?t=${harness.token}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as { id?: string; error?: string };
  if (!response.ok || !answer.id) throw new Error(`Seeding the library failed (${response.status}): ${answer.error ?? 'no id'}`);
  return answer.id;
}
