import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Studio } from '../../main/composition/create-studio';
import { PROVIDER_NAMES } from '../../main/providers/failure';
import { findModel } from '../../shared/catalog/models';
import { isoDay, retiredMessage } from '../../shared/catalog/status';
import { paramsSchema } from '../../shared/catalog/params';
import { ReferenceTask, type JobParams, type ModelEntry } from '../../shared/catalog/types';
import { cliDataDir } from '../data-dir';
import { EXIT, RejectedError, UsageError, type CliIo } from '../io';
import { runBatch } from '../run/batch';
import { deliver } from '../run/deliver';
import { toInt, toUsd } from '../run/flags';
import { checkMaxCost } from '../run/max-cost';
import { prepareJob, settingsLine, usd } from '../run/prepare';
import { referenceInputs, referenceItems, type ReferenceFlags } from '../run/references';
import { failureText } from '../run/outcome';
import { sendAndFollow } from '../run/send';
import { openCliStudio } from '../run/studio';
import { variationsFrom } from '../run/variations';

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
  /** `--count N`: N takes (2–8) as one batch (`variationsFrom`). */
  count?: string;
  /** `--seeds 11,22,33`: the batch's seeds; without `--count`, one take per seed. */
  seeds?: string;
  /** `--max-cost 2.50`: refuse to send when the estimate (a batch's total) is above it, in USD (`checkMaxCost`). */
  maxCost?: string;
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
 * Submits through the engine, shows progress, and reports the end. Returns the exit code. `seedance
 * finalize` runs its final through it too. `maxUsd` (`--max-cost`) refuses an estimate above it
 * before anything is sent (`checkMaxCost`, `RejectedError`).
 */
export async function runJob(
  studio: Studio,
  entry: ModelEntry,
  params: JobParams,
  opts: Pick<RunOptions, 'fix' | 'json' | 'references'> & { maxUsd?: number },
  outDir: string,
  io: CliIo,
): Promise<number> {
  const { job, cost } = await prepareJob(studio, entry, params, opts, (line) => io.stderr(`${line}\n`));
  io.stderr(`${settingsLine(entry, job)}${cost ? `, ≈ ${usd(cost.usd)} (estimate, prices as of ${cost.asOf})` : ''}\n`);
  checkMaxCost(opts.maxUsd, cost?.usd ?? null);
  const id = randomUUID();
  const end = await sendAndFollow(studio, PROVIDER_NAMES[entry.provider], [{ id, label: '' }], () => studio.jobs.submit(job, { id }), io);
  if (end === 'interrupted') return EXIT.interrupted;
  const [done] = end;
  if (done?.state !== 'completed') {
    if (done) io.stderr(failureText(done));
    return EXIT.rejected;
  }
  await deliver(done, entry, outDir, opts.json, io);
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
 * environment it runs the offline demo and says so. With `--count`/`--seeds` it sends one batch of
 * takes instead (`variationsFrom`, `runBatch`): one line per take, each JSON record with its `batch`.
 * `--max-cost` refuses an estimate (a batch's total) above it, or no published price, before sending.
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
  const variations = variationsFrom(entry, opts);
  const params = paramsFrom(entry, opts);
  const maxUsd = toUsd('max-cost', opts.maxCost);
  const outDir = resolve(opts.out);
  try {
    await mkdir(outDir, { recursive: true });
  } catch {
    throw new UsageError(`Cannot create the --out folder ${opts.out}.`);
  }
  const studio = await openCliStudio(cliDataDir(opts.data, io.env), io.env);
  try {
    if (!variations) return await runJob(studio, entry, params, { ...opts, maxUsd }, outDir, io);
    const prepared = await prepareJob(studio, entry, params, opts, (line) => io.stderr(`${line}\n`));
    return await runBatch(studio, entry, prepared, variations, { json: opts.json, maxUsd }, outDir, io);
  } finally {
    await studio.dispose();
  }
}
