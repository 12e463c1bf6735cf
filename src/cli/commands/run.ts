import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { registerSecret } from '../../main/logging/redact';
import { KEY_VARS, adapterFor, baseUrlsFromEnv, keyFromEnv } from '../../main/providers/registry';
import { ProviderError, type PreparedImage, type ProviderContext, type TaskStatus } from '../../main/providers/types';
import { findModel } from '../../shared/catalog/models';
import { estimateCost, outputSizeFor, paramsSchema } from '../../shared/catalog/params';
import type { PixelSize } from '../../shared/catalog/output-sizes';
import { readImageFile } from '../image-file';
import { RejectedError, UsageError, type CliIo } from '../io';

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
  out: string;
  json: boolean;
}

/** Poll pacing in ms: waits stay within [minMs, maxMs]; `maxWaitMs` bounds the whole wait for the task. */
export interface PollPolicy {
  minMs: number;
  maxMs: number;
  maxWaitMs: number;
}

/** 2 s floor (EvoLink asks for 1–2 s between requests at least), 20 s ceiling, 45 min overall. */
export const DEFAULT_POLL: PollPolicy = { minMs: 2000, maxMs: 20_000, maxWaitMs: 45 * 60_000 };

const MAX_TRANSIENT = 5;

function toInt(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^-?\d+$/.test(v.trim())) throw new UsageError(`--${flag} must be a whole number, got "${v}".`);
  return Number(v);
}

/**
 * The wait before the next poll, in ms: half the provider's ETA when it gives one (so the poll
 * lands near the end without hammering), else growing by 1.5× per poll; always within the policy.
 */
export function pollDelayMs(status: TaskStatus, pollCount: number, policy: Pick<PollPolicy, 'minMs' | 'maxMs'>): number {
  const want = status.etaSeconds !== undefined ? status.etaSeconds * 500 : policy.minMs * 1.5 ** pollCount;
  return Math.round(Math.min(policy.maxMs, Math.max(policy.minMs, want)));
}

function describeStatus(s: TaskStatus): string {
  if (s.state === 'queued') return s.queuePosition !== undefined ? `waiting at the provider (position ${s.queuePosition})` : 'waiting at the provider';
  if (s.state === 'running') {
    const pct = s.progress !== undefined ? ` ${Math.round(s.progress)}%` : '';
    const eta = s.etaSeconds !== undefined ? ` · about ${Math.round(s.etaSeconds)} s left` : '';
    return `generating${pct}${eta}`;
  }
  return s.state;
}

function reasonOf(err: ProviderError): string {
  const f = err.failure;
  return f.providerMessage && !f.message.includes(f.providerMessage) ? `${f.message}\n  ${f.providerCode ?? 'provider'}: ${f.providerMessage}` : f.message;
}

/** Streams the video to `<dir>/<name>.part`, checks it is an MP4 (`ftyp` box), then renames. No key is sent. */
async function download(url: string, dir: string, name: string, io: CliIo): Promise<string> {
  const res = await io.fetch(url);
  if (!res.ok || !res.body) throw new RejectedError(`Downloading the video failed (HTTP ${res.status}). The link may have expired.`);
  const final = join(dir, name);
  const part = `${final}.part`;
  try {
    await pipeline(Readable.fromWeb(res.body as import('node:stream/web').ReadableStream), createWriteStream(part));
    const fh = await open(part, 'r');
    const head = Buffer.alloc(12);
    await fh.read(head, 0, 12, 0);
    await fh.close();
    if (head.toString('latin1', 4, 8) !== 'ftyp') throw new RejectedError('The provider returned a file that is not an MP4 video.');
    await rename(part, final);
  } catch (err) {
    await rm(part, { force: true });
    throw err;
  }
  return final;
}

/**
 * `seedance run`: validates the flags with the model's schema, reads the images, submits through
 * the provider's adapter (key and base URLs from the environment), polls with an ETA-guided
 * interval printing progress on stderr, downloads the MP4 into `--out` and prints its path (or
 * JSON `{ path, seed, taskId, provider, model, timings }`). Returns the exit code; throws
 * `UsageError` (2) or `RejectedError` (1). A small stand-in until the job engine takes over.
 */
export async function runCommand(opts: RunOptions, io: CliIo, policy: PollPolicy = DEFAULT_POLL): Promise<number> {
  const entry = findModel(opts.model);
  if (!entry) throw new UsageError(`Unknown model "${opts.model}". Run \`seedance models\` for the list.`);
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
    }).filter(([, v]) => v !== undefined),
  );
  const parsed = paramsSchema(entry).safeParse(raw);
  if (!parsed.success) throw new RejectedError(parsed.error.issues.map((i) => i.message).join('\n'));
  const params = parsed.data;

  const apiKey = keyFromEnv(entry.provider, io.env);
  if (!apiKey) throw new UsageError(`Set ${KEY_VARS[entry.provider]} to your ${entry.provider} API key.`);
  registerSecret(apiKey);

  const images: { first?: PreparedImage; last?: PreparedImage } = {};
  let firstSize: PixelSize | undefined;
  if (params.firstFrame && entry.imageRules) {
    const read = await readImageFile(params.firstFrame, entry.imageRules);
    images.first = read.image;
    firstSize = read.size;
  }
  if (params.lastFrame && entry.imageRules) images.last = (await readImageFile(params.lastFrame, entry.imageRules)).image;

  const outDir = resolve(opts.out);
  await mkdir(outDir, { recursive: true });
  const cost = estimateCost(entry, params, outputSizeFor(entry, params, firstSize));
  const progress = (text: string) => io.stderr(`${text}\n`);
  progress(`${entry.id}: ${params.resolution}, ${params.aspectRatio}, ${params.duration} s${cost ? `, ≈ $${cost.usd.toFixed(2)} (estimate as of ${cost.asOf})` : ''}`);

  const adapter = adapterFor(entry.provider);
  const ctx: ProviderContext = { apiKey, baseUrls: baseUrlsFromEnv(entry.provider, io.env), fetch: io.fetch };
  const t0 = Date.now();
  try {
    const prepared = await adapter.prepare({ entry, params, images }, ctx);
    const task = await adapter.submit(prepared, ctx);
    const tSubmitted = Date.now();
    progress(`submitted: task ${task.taskId}`);

    let status: TaskStatus | undefined;
    let tRunning: number | undefined;
    let last = '';
    let transient = 0;
    for (let polls = 0; ; polls++) {
      try {
        status = await adapter.poll(task, ctx);
        transient = 0;
      } catch (err) {
        if (!(err instanceof ProviderError) || !err.failure.retryable || ++transient > MAX_TRANSIENT) throw err;
        await sleep(Math.min(policy.maxMs, Math.max(policy.minMs, err.failure.retryAfterMs ?? 0)));
        continue;
      }
      if (status.state === 'running' && tRunning === undefined) tRunning = Date.now();
      const line = describeStatus(status);
      if (line !== last) progress(`[${Math.round((Date.now() - t0) / 1000)} s] ${line}`);
      last = line;
      if (status.state === 'succeeded') break;
      if (status.state !== 'queued' && status.state !== 'running') {
        throw status.error ? new ProviderError(status.error) : new RejectedError(`The task ended as ${status.state}.`);
      }
      if (Date.now() - tSubmitted > policy.maxWaitMs) {
        throw new RejectedError(`Gave up waiting after ${Math.round(policy.maxWaitMs / 60000)} min; task ${task.taskId} may still finish at the provider.`);
      }
      await sleep(pollDelayMs(status, polls, policy));
    }
    const tSucceeded = Date.now();
    if (!status.resultUrl) throw new RejectedError('The provider reported success without a video URL.');
    progress('downloading');
    const name = `${entry.provider}-${task.taskId.replace(/[^A-Za-z0-9._-]/g, '_')}.mp4`;
    const path = await download(status.resultUrl, outDir, name, io);
    const tDone = Date.now();
    const timings = {
      submitMs: tSubmitted - t0,
      waitingMs: (tRunning ?? tSucceeded) - tSubmitted,
      generatingMs: tSucceeded - (tRunning ?? tSucceeded),
      downloadMs: tDone - tSucceeded,
      totalMs: tDone - t0,
    };
    const seed = status.seed ?? (params.seed !== undefined && params.seed !== -1 ? params.seed : null);
    io.stdout(opts.json ? `${JSON.stringify({ path, seed, taskId: task.taskId, provider: entry.provider, model: entry.model, timings })}\n` : `${path}\n`);
    return 0;
  } catch (err) {
    if (err instanceof ProviderError) throw new RejectedError(reasonOf(err));
    throw err;
  }
}
