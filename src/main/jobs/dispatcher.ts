import type { ProviderId } from '../../shared/catalog/types';
import { REMOTE_STATES } from '../../shared/jobs/job';
import type { EngineClock } from './clock';
import type { FlowSupervisor } from './flows';
import type { JobTable } from './job-table';
import type { Scheduler } from './scheduler';

/**
 * The dispatcher: decides which queued jobs start sending, in queue order, within each provider's
 * `maxActive`, its cool-down and each job's own hold (after a retryable failure); wakes itself when
 * the earliest hold or cool-down ends. It only reads jobs; the submit flow it starts changes them.
 */
export interface Dispatcher {
  /** Starts as many queued jobs as allowed now. */
  pump(): void;
  /** Keeps queued job `id` back for `ms`. */
  holdBack(id: string, ms: number): void;
  /** Forgets `id`'s hold (the job was removed or left the queue). */
  release(id: string): void;
  /** Jobs per provider that take a slot: at the provider, or queued with a flow preparing them. */
  activeCounts(): Map<ProviderId, number>;
  /** Stops the wake-up timer. */
  dispose(): void;
}

export interface DispatcherDeps {
  clock: EngineClock;
  scheduler: Scheduler;
  table: JobTable;
  flows: FlowSupervisor;
  /** False before start, while offline or paused, and after dispose. */
  canSend(): boolean;
  /** Starts job `id`'s submit flow. */
  startSubmit(id: string): void;
}

export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const { clock, scheduler, table, flows } = deps;
  const holdUntil = new Map<string, number>();
  let timer: { handle: unknown; at: number } | null = null;

  function activeCounts(): Map<ProviderId, number> {
    const counts = new Map<ProviderId, number>();
    for (const job of table.all()) {
      const preparing = job.state === 'queued' && flows.busy(job.id);
      if (preparing || REMOTE_STATES.includes(job.state)) counts.set(job.provider, (counts.get(job.provider) ?? 0) + 1);
    }
    return counts;
  }

  function wakeIn(ms: number): void {
    const at = clock.now() + ms;
    if (timer && timer.at <= at) return;
    if (timer) clock.clearTimeout(timer.handle);
    timer = {
      at,
      handle: clock.setTimeout(() => {
        timer = null;
        pump();
      }, ms + 1),
    };
  }

  function pump(): void {
    if (!deps.canSend()) return;
    const now = clock.now();
    const active = activeCounts();
    let wake = Infinity;
    const queued = table
      .all()
      .filter((j) => j.state === 'queued' && !flows.busy(j.id) && !flows.halted(j.id))
      .sort((a, b) => a.order - b.order);
    for (const job of queued) {
      const p = job.provider;
      const wait = Math.max(scheduler.cooldownMs(p), (holdUntil.get(job.id) ?? 0) - now);
      if (wait > 0) {
        wake = Math.min(wake, wait);
        continue;
      }
      if ((active.get(p) ?? 0) >= scheduler.limits(p).maxActive) continue;
      active.set(p, (active.get(p) ?? 0) + 1);
      holdUntil.delete(job.id);
      deps.startSubmit(job.id);
    }
    if (wake < Infinity) wakeIn(wake);
  }

  return {
    pump,
    holdBack(id, ms) {
      holdUntil.set(id, clock.now() + ms);
    },
    release(id) {
      holdUntil.delete(id);
    },
    activeCounts,
    dispose() {
      if (timer) clock.clearTimeout(timer.handle);
      timer = null;
    },
  };
}
