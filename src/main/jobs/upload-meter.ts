import type { JobUpload } from '../../shared/jobs/job';
import type { UploadProgress } from '../providers/types';

/** Least time between two published upload counts of one job, ms: at most 4 a second (issue 12: coalesced updates, ≤ 4 Hz per job). */
export const UPLOAD_PUBLISH_EVERY_MS = 250;

/** One job's upload count, as the adapter reports it, and the last count published. */
export interface UploadMeter extends UploadProgress {
  /** The count now, or null when no upload was expected. */
  current(): JobUpload | null;
  /**
   * Publishes the count now if it changed since the last publication (the final count must not be
   * lost to the rate limit); resolves once the last publication has (so the next change of the job
   * is not folded into it). Nothing when no upload was expected.
   */
  flush(): Promise<void>;
}

/**
 * Counts a job's uploads for "Uploading references · 3.2 of 10.4 MB" (issue 13): the total is the
 * files `expect` named (each sha256 once, however often it is sent), sent bytes per file, a file
 * `done` counts whole (also a cached one, at once). Publishes through `publish` (the job table's
 * live update: saved, then published) at most every `UPLOAD_PUBLISH_EVERY_MS` by `now` (ms), and
 * always once everything is sent. `publish` must not throw.
 */
export function createUploadMeter(publish: (upload: JobUpload) => Promise<unknown>, now: () => number): UploadMeter {
  const size = new Map<string, number>();
  const sent = new Map<string, number>();
  let lastAt = -Infinity;
  let lastPublished: JobUpload | null = null;
  let publishing: Promise<unknown> = Promise.resolve();

  const current = (): JobUpload | null => {
    if (size.size === 0) return null;
    let totalBytes = 0;
    let sentBytes = 0;
    for (const [sha, bytes] of size) {
      totalBytes += bytes;
      sentBytes += Math.min(bytes, sent.get(sha) ?? 0);
    }
    return { sentBytes, totalBytes };
  };
  const changed = (count: JobUpload) => count.sentBytes !== lastPublished?.sentBytes || count.totalBytes !== lastPublished.totalBytes;
  const send = (count: JobUpload): Promise<unknown> => {
    lastAt = now();
    lastPublished = count;
    publishing = publish(count);
    return publishing;
  };
  /** Publishes when the rate allows, or when all is sent. */
  const maybe = () => {
    const count = current();
    if (!count || !changed(count)) return;
    if (count.sentBytes === count.totalBytes || now() - lastAt >= UPLOAD_PUBLISH_EVERY_MS) void send(count);
  };

  return {
    expect(files) {
      for (const f of files) size.set(f.sha256, f.bytes);
      maybe();
    },
    sent(sha256, sentBytes) {
      if (!size.has(sha256)) return;
      sent.set(sha256, sentBytes);
      maybe();
    },
    done(sha256) {
      const bytes = size.get(sha256);
      if (bytes === undefined) return;
      sent.set(sha256, bytes);
      maybe();
    },
    current,
    async flush() {
      const count = current();
      if (count && changed(count)) void send(count);
      await publishing;
    },
  };
}
