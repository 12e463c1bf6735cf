import type { Job } from '../../shared/jobs/job';
import type { QueueStats } from '../../shared/jobs/queue-stats';
import type { EngineApi } from './api';

/** The engine's whole table as one consistent cut: `jobs` hold exactly the events numbered 1…`seq`. */
export interface EngineSnapshot {
  seq: number;
  jobs: Job[];
}

/**
 * What leaves the engine, numbered: `changed` carries the latest saved state of every job that
 * changed since the last batch (each job once, in no particular order), `removed` one removal,
 * `stats` the queue's figures as they are now.
 */
export type TableEvent = { type: 'changed'; jobs: Job[] } | { type: 'removed'; id: string } | { type: 'stats'; stats: QueueStats };

/** Where numbered events and snapshots go (the channel to main, or main's mirror in-process). */
export interface NumberedSink {
  event(seq: number, event: TableEvent): void;
  snapshot(snapshot: EngineSnapshot): void;
}

export interface NumberedEvents {
  /** Cuts a snapshot and hands it to the sink in the same turn as the cut; resolves with it. */
  sendSnapshot(): Promise<EngineSnapshot>;
  /** Hands the waiting batch to the sink now: before a command's answer, so no answer overtakes the changes it made. */
  flush(): void;
  /** Flushes, then stops the batch timer (the engine is shutting down). */
  close(): void;
}

/**
 * How often a batch of job changes goes out at most, ms: 10 a second keeps a progress bar live
 * while 200 busy jobs cost main (and the window) ten messages a second, not thousands (issue 12).
 */
export const BATCH_EVERY_MS = 100;

/**
 * Numbers an engine's events 1, 2, … as they go to `sink`, coalescing job changes: every change is
 * on disk before the engine publishes it (job-table.ts), so a batch holding the latest copy of each
 * changed job is never ahead of the disk; it goes out `batchMs` after the first change it holds, or
 * earlier when a removal, a snapshot or `flush` needs the order kept. Stats ride with the batch
 * (the latest figures only). Snapshots line up with the numbering (STYLE.md 12: a restarted
 * consumer resynchronises from a snapshot): the waiting batch is sent first, and the engine's `list`
 * being asynchronous, the cut is taken again until no event slipped out meanwhile, then handed over
 * at once — so the receiver may drop events numbered at or below the snapshot's `seq` and apply the
 * rest in order.
 */
export function numberEvents(engine: Pick<EngineApi, 'subscribe' | 'list'>, sink: NumberedSink, batchMs = BATCH_EVERY_MS): NumberedEvents {
  let seq = 0;
  const changed = new Map<string, Job>();
  let stats: QueueStats | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  function flush(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    if (changed.size > 0) {
      const jobs = [...changed.values()];
      changed.clear();
      sink.event(++seq, { type: 'changed', jobs });
    }
    if (stats) {
      const latest = stats;
      stats = null;
      sink.event(++seq, { type: 'stats', stats: latest });
    }
  }

  function later(): void {
    if (closed) return flush();
    timer ??= setTimeout(flush, batchMs);
  }

  engine.subscribe((event) => {
    if (event.type === 'changed') {
      changed.set(event.job.id, event.job);
      return later();
    }
    if (event.type === 'stats') {
      stats = event.stats;
      return later();
    }
    changed.delete(event.id);
    flush();
    sink.event(++seq, event);
  });
  return {
    flush,
    close() {
      closed = true;
      flush();
    },
    async sendSnapshot() {
      for (;;) {
        flush();
        const at = seq;
        const jobs = await engine.list();
        if (at !== seq || changed.size > 0) continue;
        const snapshot = { seq: at, jobs };
        sink.snapshot(snapshot);
        return snapshot;
      }
    },
  };
}
