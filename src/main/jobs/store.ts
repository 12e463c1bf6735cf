import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { Job, type JobError } from '../../shared/jobs/job';
import { transition } from '../../shared/jobs/transition';
import type { Logger } from '../logging/logger';
import { PROVIDER_NAMES } from '../providers/failure';
import { syncFolder, TEMP_MARK, writeFileAtomic } from '../storage/atomic-write';
import { createKeyedLock } from '../storage/lock';
import { said, saidFix } from '../../shared/messages/phrase';

/**
 * Crash-safe job persistence: one JSON file per job, `<dir>/<jobId>.json`, each write atomic
 * (write a temp file, fsync it, rename it over the old one, fsync the folder).
 *
 * Why files-per-job with atomic writes rather than an append-only journal: a state change rewrites
 * only that job (~2 KB), so the cost does not grow with the queue and no compaction is needed; a
 * crash mid-write leaves a stray temp file next to the intact previous version (rename is atomic on
 * POSIX and NTFS), and a damaged file can only ever cost one job, which is set aside, not deleted.
 */
export interface JobStore {
  /**
   * Reads every job. Temp files from a crash are removed; files that fail the `Job` schema are
   * renamed to `<name>.corrupt` and reported in `problems`. Jobs caught in `submitting` become
   * `needs_attention` (saved before this resolves) — they are never resubmitted automatically.
   */
  load(): Promise<{ jobs: Job[]; problems: string[] }>;
  /** Durably writes `job`; resolves once it is on disk. Writes of one job are applied in call order. */
  save(job: Job): Promise<void>;
  /** Deletes the job's file. */
  remove(id: string): Promise<void>;
  /** Reads the queue's own settings (paused), default `{ paused: false }`. */
  loadQueue(): Promise<QueueSettings>;
  saveQueue(settings: QueueSettings): Promise<void>;
}

/** Queue settings that survive a restart: a paused queue must not start sending (and billing) on launch. */
export const QueueSettings = z.object({ paused: z.boolean() });
export type QueueSettings = z.infer<typeof QueueSettings>;

const QUEUE_FILE = 'queue.settings.json';

/** The plain explanation a job caught mid-submit gets (issue 5; providers.md "Pitfalls": never resubmit blindly). */
export function interruptedSubmitMessage(provider: string): string {
  return interruptedSubmitError(provider).message;
}

/** The error of a job caught mid-submit: `interruptedSubmitMessage` with its phrases and fix. */
function interruptedSubmitError(provider: string): JobError {
  return { kind: 'interrupted', ...said('job.interruptedSubmit', { provider }), ...saidFix('job.interruptedSubmitFix') };
}

/**
 * Opens (creating if needed) the store in `dir`. `now` stamps recovery transitions (ms epoch).
 * Throws only for filesystem errors on `save`/`remove` (e.g. disk full) — the caller must not act
 * as if the change happened.
 */
export function createJobStore(dir: string, log: Logger, now: () => number = Date.now): JobStore {
  // One write at a time per file, so an older snapshot can never land after a newer one.
  const lock = createKeyedLock();
  const ready = mkdir(dir, { recursive: true });

  async function writeAtomic(name: string, data: string): Promise<void> {
    await ready;
    await writeFileAtomic(join(dir, name), data);
  }

  async function load(): Promise<{ jobs: Job[]; problems: string[] }> {
    await ready;
    const jobs: Job[] = [];
    const problems: string[] = [];
    for (const name of await readdir(dir)) {
      if (name.includes(TEMP_MARK)) {
        // A write that never reached its rename: the previous version (if any) is intact.
        await rm(join(dir, name), { force: true });
        continue;
      }
      if (!name.endsWith('.json') || name === QUEUE_FILE) continue;
      const parsed = await readJob(join(dir, name));
      if (!parsed.ok || parsed.job.id !== name.slice(0, -'.json'.length)) {
        const why = parsed.ok ? 'its id does not match its file name' : parsed.reason;
        problems.push(`${name}: ${why}`);
        log.error('jobs.store_corrupt', { file: name, reason: why });
        await rename(join(dir, name), join(dir, `${name}.corrupt`)).catch(() => undefined);
        continue;
      }
      jobs.push(await recover(parsed.job));
    }
    jobs.sort((a, b) => a.order - b.order || (a.times.draft ?? 0) - (b.times.draft ?? 0));
    return { jobs, problems };
  }

  async function recover(job: Job): Promise<Job> {
    if (job.state !== 'submitting') return job;
    const out = transition(job, {
      type: 'attention',
      at: Math.max(now(), job.updatedAt),
      error: interruptedSubmitError(PROVIDER_NAMES[job.provider]),
    });
    if (!out.ok) return job;
    log.warn('jobs.recovered_mid_submit', { id: job.id, provider: job.provider });
    await save(out.job);
    return out.job;
  }

  function save(job: Job): Promise<void> {
    const data = `${JSON.stringify(job)}\n`;
    return lock.run(`${job.id}.json`, () => writeAtomic(`${job.id}.json`, data));
  }

  return {
    load,
    save,
    remove: (id) =>
      lock.run(`${id}.json`, async () => {
        await rm(join(dir, `${id}.json`), { force: true });
        await syncFolder(dir);
      }),
    async loadQueue() {
      await ready;
      try {
        const parsed = QueueSettings.safeParse(JSON.parse(await readFile(join(dir, QUEUE_FILE), 'utf8')));
        return parsed.success ? parsed.data : { paused: false };
      } catch {
        return { paused: false };
      }
    },
    saveQueue: (settings) => lock.run(QUEUE_FILE, () => writeAtomic(QUEUE_FILE, JSON.stringify(settings))),
  };
}

async function readJob(file: string): Promise<{ ok: true; job: Job } | { ok: false; reason: string }> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    return { ok: false, reason: 'not valid JSON' };
  }
  const parsed = Job.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.slice(0, 2).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  return { ok: true, job: parsed.data };
}
