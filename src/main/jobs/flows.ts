import type { Logger } from '../logging/logger';
import { Aborted, realClock, sleep } from './clock';

/** How a flow ended: it returned, it was stopped (abort), or it threw something unexpected. */
export type FlowEnd = { kind: 'done' } | { kind: 'aborted' } | { kind: 'threw'; error: unknown };

interface Running {
  controller: AbortController;
  done: Promise<void>;
}

/**
 * The flow supervisor: at most one flow (submit, poll, download, reconcile) per job at a time, each
 * with its own abort signal. A command that decides a job's fate (cancel, remove) stops its flow
 * first and holds the job (`halted`) so nothing restarts it meanwhile. What happens after a flow
 * ends is the caller's `onEnd` — the supervisor only reports how it ended.
 */
export interface FlowSupervisor {
  /** Starts `flow` for job `id` (ignored if one runs); `onEnd` runs once it has ended and been forgotten. */
  run(id: string, flow: (signal: AbortSignal) => Promise<void>, onEnd: (end: FlowEnd) => void): void;
  /** True while a flow runs for `id`. */
  busy(id: string): boolean;
  /** True while a command holds `id` (see `whileStopped`). */
  halted(id: string): boolean;
  /** Stops `id`'s flow and waits for it to end, runs `then`, and only then releases the job. */
  whileStopped<T>(id: string, then: () => Promise<T>): Promise<T>;
  /** Stops every flow; waits up to `graceMs` (real time) for them to end — a POST in flight may finish and store its task id. */
  stopAll(graceMs: number): Promise<void>;
}

/** A supervisor that logs flows that threw (`log`). */
export function createFlowSupervisor(log: Logger): FlowSupervisor {
  const running = new Map<string, Running>();
  const holds = new Map<string, number>();

  return {
    run(id, flow, onEnd) {
      if (running.has(id)) return;
      const controller = new AbortController();
      const done = flow(controller.signal)
        .then(
          (): FlowEnd => ({ kind: 'done' }),
          (error: unknown): FlowEnd => {
            if (error instanceof Aborted || controller.signal.aborted) return { kind: 'aborted' };
            log.error('jobs.flow_failed', { id, error });
            return { kind: 'threw', error };
          },
        )
        .then((end) => {
          if (running.get(id)?.controller === controller) running.delete(id);
          onEnd(end);
        });
      running.set(id, { controller, done });
    },
    busy: (id) => running.has(id),
    halted: (id) => (holds.get(id) ?? 0) > 0,
    async whileStopped(id, then) {
      holds.set(id, (holds.get(id) ?? 0) + 1);
      try {
        const flow = running.get(id);
        if (flow) {
          flow.controller.abort();
          await flow.done;
        }
        return await then();
      } finally {
        const n = (holds.get(id) ?? 1) - 1;
        if (n > 0) holds.set(id, n);
        else holds.delete(id);
      }
    },
    async stopAll(graceMs) {
      const flows = [...running.values()];
      for (const flow of flows) flow.controller.abort();
      await Promise.race([Promise.all(flows.map((f) => f.done)), sleep(realClock, graceMs)]);
    },
  };
}
