import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { StudioError } from '../../shared/contract/result';
import type { JoinedMedia, JoinRequest } from '../media-tools/join-media';
import type { Logger } from '../logging/logger';
import type { Library, LibraryClip } from './library';
import { streamDetails } from './library';
import { said } from '../../shared/messages/phrase';

/** What joining clips needs: the library, the engine's join (`EngineHost.joinMedia`) and a work folder in app data. */
export interface JoinDeps {
  library: Library;
  join: (request: JoinRequest) => Promise<JoinedMedia>;
  /** Where joined files are written before they are filed or saved (`<dataDir>/joins`). */
  workDir: string;
  appVersion: string;
  log: Logger;
  now?: () => number;
}

/**
 * Joins the library clips `ids` (2–50, in order) into one MP4 in the engine (`joinMedia`: stream
 * copy when they match, else one H.264/AAC re-encode) at a fresh path under `workDir`. Resolves
 * with the clips and the joined file; the caller files or saves it and removes what is left.
 * Errors: `NOT_FOUND` for a clip not in the library, `BAD_INPUT` when ffmpeg cannot join them.
 */
export async function joinToFile(deps: JoinDeps, ids: readonly string[]): Promise<{ clips: LibraryClip[]; joined: JoinedMedia }> {
  if (new Set(ids).size !== ids.length) throw new StudioError('BAD_INPUT', said('library.joinTwice'));
  const clips: LibraryClip[] = [];
  for (const id of ids) clips.push(await deps.library.get(id));
  await mkdir(deps.workDir, { recursive: true });
  const out = join(deps.workDir, `${randomUUID()}.mp4`);
  const started = (deps.now ?? Date.now)();
  const joined = await deps.join({ paths: clips.map((c) => c.paths.video), out });
  deps.log.info('library.joined', { ids, method: joined.method, reasons: joined.reasons, seconds: joined.probe.durationSec, ms: (deps.now ?? Date.now)() - started });
  return { clips, joined };
}

/** Removes a joined file and what the engine made beside it (poster, preview) once it is filed or saved. */
export async function removeJoined(joined: JoinedMedia): Promise<void> {
  await Promise.all([joined.path, joined.poster, joined.preview?.path].filter((p): p is string => Boolean(p)).map((p) => rm(p, { force: true })));
}

/**
 * Joins `ids` (`joinToFile`) and files the result as a new clip whose sidecar says `joinedFrom:
 * ids` (issue 15 §2 "Join with the source"; issue 14 "A chain as one film"). It takes the first
 * clip's prompt, model, provider and settings (the film's opening; its duration the joined
 * length, rounded), no seed, no inputs and no cost (joining bills nothing); it is `simulated`
 * when any part was. Errors as `joinToFile`, and the library's `addClip`.
 */
export async function fileJoinedClip(deps: JoinDeps, ids: readonly string[]): Promise<{ clip: LibraryClip; joined: JoinedMedia }> {
  const { clips, joined } = await joinToFile(deps, ids);
  try {
    const lead = clips[0] as LibraryClip;
    const s = lead.sidecar;
    const now = (deps.now ?? Date.now)();
    const clip = await deps.library.addClip({
      videoPath: joined.path,
      verified: {
        output: { width: joined.probe.width, height: joined.probe.height, durationSec: joined.probe.durationSec, codec: joined.probe.codec, ...streamDetails(joined.probe) },
        video: { sha256: joined.sha256, bytes: joined.bytes },
      },
      ...(joined.poster ? { posterPath: joined.poster } : {}),
      ...(joined.preview ? { preview: joined.preview } : {}),
      prompt: s.prompt,
      provider: s.provider,
      modelId: s.modelId,
      mode: s.mode,
      parameters: { ...s.parameters, duration: Math.max(1, Math.round(joined.probe.durationSec)) },
      seed: null,
      ...(clips.some((c) => c.sidecar.route === 'demo') ? { route: 'demo' as const } : {}),
      // Not a provider's task: the app made it from the clips below.
      providerTaskId: `joined:${ids.join('+')}`.slice(0, 500),
      timings: { queuedAt: now, submittedAt: now, completedAt: now, downloadedAt: now },
      cost: { estimate: null, usage: null },
      appVersion: deps.appVersion,
      joinedFrom: [...ids],
    });
    return { clip, joined };
  } finally {
    await removeJoined(joined);
  }
}
