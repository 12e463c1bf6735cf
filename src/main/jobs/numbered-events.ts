import type { Job } from '../../shared/jobs/job';
import type { EngineApi, EngineEvent } from './api';

/** The engine's whole table as one consistent cut: `jobs` hold exactly the events numbered 1…`seq`. */
export interface EngineSnapshot {
  seq: number;
  jobs: Job[];
}

/** Where numbered events and snapshots go (the channel to main, or main's mirror in-process). */
export interface NumberedSink {
  event(seq: number, event: EngineEvent): void;
  snapshot(snapshot: EngineSnapshot): void;
}

export interface NumberedEvents {
  /** Cuts a snapshot and hands it to the sink in the same turn as the cut; resolves with it. */
  sendSnapshot(): Promise<EngineSnapshot>;
}

/**
 * Numbers an engine's events 1, 2, … as they go to `sink`, and cuts snapshots that line up with
 * that numbering (STYLE.md 12: a restarted consumer resynchronises from a snapshot). The engine's
 * `list` is asynchronous, so an event could slip out while it runs: the cut is taken again until
 * none did, then handed over at once — before any later event — so the receiver may simply drop
 * events numbered at or below the snapshot's `seq` and apply the rest in order.
 */
export function numberEvents(engine: Pick<EngineApi, 'subscribe' | 'list'>, sink: NumberedSink): NumberedEvents {
  let seq = 0;
  engine.subscribe((event) => sink.event(++seq, event));
  return {
    async sendSnapshot() {
      for (;;) {
        const at = seq;
        const jobs = await engine.list();
        if (at !== seq) continue;
        const snapshot = { seq: at, jobs };
        sink.snapshot(snapshot);
        return snapshot;
      }
    },
  };
}
