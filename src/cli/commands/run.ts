import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Studio } from '../../main/composition/create-studio';
import { PROVIDER_NAMES } from '../../main/providers/failure';
import { KEY_VARS } from '../../main/providers/registry';
import { findModel } from '../../shared/catalog/models';
import { isoDay, retiredMessage } from '../../shared/catalog/status';
import { estimateCost, outputSizeFor, paramsSchema } from '../../shared/catalog/params';
import { ReferenceTask, type JobParams, type ModelEntry } from '../../shared/catalog/types';
import { StudioError } from '../../shared/contract/result';
import { durationText } from '../../shared/format/duration';
import type { Job } from '../../shared/jobs/job';
import { cliDataDir } from '../data-dir';
import { EXIT, RejectedError, UsageError, type CliIo } from '../io';
import { followJob } from '../run/follow';
import { importFrames } from '../run/frames';
import { importReferences } from '../run/import-references';
import { referenceInputs, referenceItems, type ReferenceFlags } from '../run/references';
import { cancelForCli } from '../run/interrupt';
import { failureText, timingsOf } from '../run/outcome';
import { describeProgress } from '../run/progress';
import { openCliStudio } from '../run/studio';

/** Flags of `seedance run`, as parsed by main.ts (numbers still strings). */
export interface RunOptions {
  model: string;
  prompt: string;
  image?: string;
  lastImage?: string;
  resolution?: string;
  aspectRatio?: string;
  duration?: string;
  seed?: string;
  cameraFixed: boolean;
  noAudio: boolean;
  /** `--draft`: a 480p draft to finish later with `seedance finalize` (rows with Draft only). */
  draft?: boolean;
  /** Fix images that break the model's rules instead of refusing them. */
  fix: boolean;
  out: string;
  /** The data folder (`--data`); see `cliDataDir`. */
  data?: string;
  json: boolean;
  /** `--reference-image`, `--reference-video`, `--reference-audio` (each repeatable, in tag order). */
  references: ReferenceFlags;
  /** `--task reference|edit|extend` (Seedance 2.5 rows that offer task types; seedance-2.5.md §2.2). */
  task?: string;
}

function toInt(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^-?\d+$/.test(v.trim())) throw new UsageError(`--${flag} must be a whole number, got "${v}".`);
  return Number(v);
}

/**
 * An id no file has, standing in for each reference file while the flags are checked: the rules that
 * need no file (a reference-only row needs a reference, counts, audio never alone, no frames beside
 * references) see the references the flags name before any file is read. `importReferences` puts the
 * real ids in.
 */
const UNREAD_FILE = '0'.repeat(32);

/** The flags as the model's `JobParams` (frames still file paths; no references yet). Throws `RejectedError` listing every broken rule. */
function paramsFrom(entry: ModelEntry, opts: RunOptions): JobParams {
  const inputs = referenceInputs(opts.references);
  const raw = Object.fromEntries(
    Object.entries({
      modelId: entry.id,
      prompt: opts.prompt,
      firstFrame: opts.image,
      lastFrame: opts.lastImage,
      resolution: opts.resolution,
      aspectRatio: opts.aspectRatio,
      duration: toInt('duration', opts.duration),
      seed: toInt('seed', opts.seed),
      cameraFixed: opts.cameraFixed ? true : undefined,
      generateAudio: opts.noAudio ? false : undefined,
      references: inputs.length > 0 ? referenceItems(inputs, inputs.map(() => UNREAD_FILE)) : undefined,
      draft: opts.draft ? true : undefined,
      task: opts.task,
    }).filter(([, v]) => v !== undefined),
  );
  if (opts.task !== undefined && !ReferenceTask.safeParse(opts.task).success) throw new UsageError(`--task must be reference, edit or extend, got "${opts.task}".`);
  const parsed = paramsSchema(entry).safeParse(raw);
  if (!parsed.success) throw new RejectedError(parsed.error.issues.map((i) => i.message).join('\n'));
  const { references: _named, ...params } = parsed.data;
  return params;
}

/**
 * Copies the clip's video to `<outDir>/<clip id>.mp4` through a `.part` file, so the name only ever
 * holds a whole video. Streamed into a new file rather than `copyFile`, which would carry over the
 * library's owner-only mode: the user's umask decides who can read what they asked for in --out.
 */
async function copyOut(video: string, outDir: string, clipId: string): Promise<string> {
  const final = join(outDir, `${clipId}.mp4`);
  const part = `${final}.part`;
  try {
    await pipeline(createReadStream(video), createWriteStream(part));
    await rename(part, final);
  } catch (err) {
    await rm(part, { force: true });
    throw new RejectedError(`The video is in the library (${video}) but could not be copied into ${outDir}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return final;
}

/** Submits through the engine, shows progress, and reports the end. Returns the exit code. `seedance finalize` runs its final through it too. */
export async function runJob(studio: Studio, entry: ModelEntry, params: JobParams, opts: Pick<RunOptions, 'fix' | 'json' | 'references'>, outDir: string, io: CliIo): Promise<number> {
  const name = PROVIDER_NAMES[entry.provider];
  const say = (line: string) => io.stderr(`${line}\n`);
  if (!studio.keys.anyConfigured()) {
    say(`offline demo: no provider key is set (${Object.values(KEY_VARS).join(', ')}), so this runs against the built-in provider simulator. The video is a stand-in; nothing is billed.`);
  } else if (!studio.keys.keyFor(entry.provider)) {
    throw new UsageError(`Set ${KEY_VARS[entry.provider]} to your ${name} API key (other providers' keys are set, so the offline demo is off).`);
  }

  const frames = await importFrames(studio.images, entry, params, opts.fix, say);
  const job: JobParams = { ...params };
  if (frames.firstFrame) job.firstFrame = frames.firstFrame;
  if (frames.lastFrame) job.lastFrame = frames.lastFrame;
  const references = await importReferences(studio, entry, opts.references, Boolean(job.firstFrame || job.lastFrame), opts.fix, say, job.task);
  if (references.length > 0) job.references = references;
  const cost = estimateCost(entry, job, outputSizeFor(entry, job, frames.firstSize));
  say(`${entry.id}: ${job.resolution}, ${job.aspectRatio}, ${durationText(job.duration)}${cost ? `, ≈ $${cost.usd.toFixed(2)} (estimate, prices as of ${cost.asOf})` : ''}`);

  if (io.signal.aborted) {
    say('Stopped before anything was sent; nothing was billed.');
    return EXIT.interrupted;
  }
  const id = randomUUID();
  const started = Date.now();
  let last = '';
  const followed = followJob(studio.jobs, id, (j) => {
    const line = describeProgress(j, name);
    if (line !== last) say(`[${Math.round((Date.now() - started) / 1000)} s] ${line}`);
    last = line;
  });
  const interrupted = new Promise<'interrupted'>((resolveStop) => io.signal.addEventListener('abort', () => resolveStop('interrupted'), { once: true }));
  // The engine's timers are unref'd (so a host can always exit); while we wait for the job, this keeps the process alive.
  const keepAlive = setInterval(() => undefined, 60_000);
  try {
    try {
      await studio.jobs.submit(job, { id });
    } catch (err) {
      if (err instanceof StudioError && err.code === 'BAD_INPUT') throw new RejectedError(err.message);
      throw err;
    }
    const end = await Promise.race([followed.ended, interrupted]);
    if (end === 'interrupted') {
      say(await cancelForCli(studio.jobs, followed, id));
      return EXIT.interrupted;
    }
    if (end.state !== 'completed') {
      io.stderr(failureText(end));
      return EXIT.rejected;
    }
    return await report(end, entry, outDir, opts.json, io);
  } finally {
    clearInterval(keepAlive);
    followed.stop();
  }
}

/** Prints the finished job: the library video's path, or the JSON record. */
async function report(job: Job, entry: ModelEntry, outDir: string, json: boolean, io: CliIo): Promise<number> {
  const video = job.result?.path;
  const clipId = job.result?.libraryId;
  if (!video || !clipId) throw new RejectedError('The job finished but its video was not filed in the library; the log has details.');
  const outPath = await copyOut(video, outDir, clipId);
  io.stderr(`copied to ${outPath}\n`);
  if (!json) {
    io.stdout(`${video}\n`);
    return EXIT.ok;
  }
  const seed = job.remote?.seed ?? (job.params.seed !== undefined && job.params.seed !== -1 ? job.params.seed : null);
  const record = { path: video, outPath, clipId, seed, taskId: job.remote?.taskId ?? null, provider: entry.provider, model: entry.model, timings: timingsOf(job) };
  io.stdout(`${JSON.stringify(record)}\n`);
  return EXIT.ok;
}

/**
 * `seedance run`: checks the flags against the model's schema, then runs the job through the real
 * core (`createStudio` with the engine in this process, data in `cliDataDir`): images imported and
 * checked by the image service like `seedance check` (refused with the report, or fixed with
 * `--fix`), reference images, videos and audio imported and checked the same way (`importReferences`), submitted with `jobs.submit`, progress from the engine's events on stderr (state,
 * percent, ETA), delivered into the library, and copied to `<--out>/<clip id>.mp4`. Prints the
 * library video's path, or with `--json` one line `{ path, outPath, clipId, seed, taskId,
 * provider, model, timings }` (timings in ms, see `RunTimings`). With no provider key in the
 * environment it runs the offline demo and says so.
 * Returns 0 done, 1 rejected by the provider or the input (reason on stderr), 130 stopped by
 * `io.signal` (the job cancelled where the provider can; otherwise its task id is printed).
 * Throws `UsageError` (2: also for a model retired today, naming its replacement — `retiredMessage`),
 * `RejectedError` (1) and `ImageError` (2, an unreadable image).
 */
export async function runCommand(opts: RunOptions, io: CliIo): Promise<number> {
  const entry = findModel(opts.model);
  if (!entry) throw new UsageError(`Unknown model "${opts.model}". Run \`seedance models\` for the list.`);
  const retired = retiredMessage(entry, isoDay(Date.now()), findModel);
  if (retired) throw new UsageError(`${retired} (\`seedance models\` shows each model's status.)`);
  const params = paramsFrom(entry, opts);
  const outDir = resolve(opts.out);
  try {
    await mkdir(outDir, { recursive: true });
  } catch {
    throw new UsageError(`Cannot create the --out folder ${opts.out}.`);
  }
  const studio = await openCliStudio(cliDataDir(opts.data, io.env), io.env);
  try {
    return await runJob(studio, entry, params, opts, outDir, io);
  } finally {
    await studio.dispose();
  }
}
