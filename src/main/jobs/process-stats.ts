import { monitorEventLoopDelay } from 'node:perf_hooks';
import { z } from 'zod';

/**
 * The engine process's own health, sent with the `stats` reply when the engine has a process of its
 * own (benchmarks and diagnostics read it; the renderer's `jobs:stats` schema drops it).
 * `eventLoopDelayMs`: how late the loop ran a 10 ms timer, since the process started (p50/p99/max, ms).
 * `cpuUserUs`/`cpuSystemUs`: CPU time used so far, µs. `rssBytes`: resident memory now; `maxRssBytes`: its peak.
 */
export const EngineProcessStats = z.object({
  pid: z.number().int().nonnegative(),
  eventLoopDelayMs: z.object({ p50: z.number().nonnegative(), p99: z.number().nonnegative(), max: z.number().nonnegative() }),
  cpuUserUs: z.number().nonnegative(),
  cpuSystemUs: z.number().nonnegative(),
  rssBytes: z.number().nonnegative(),
  maxRssBytes: z.number().nonnegative(),
});
export type EngineProcessStats = z.infer<typeof EngineProcessStats>;

/** Sampling interval of the event-loop monitor, ms; Node records whole intervals, so it is subtracted. */
const RESOLUTION_MS = 10;

/** Starts watching this process's event loop; the returned function reads the figures so far. */
export function watchProcess(): () => EngineProcessStats {
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();
  const late = (ns: number) => (Number.isFinite(ns) ? Math.max(0, ns / 1e6 - RESOLUTION_MS) : 0);
  return () => {
    const usage = process.resourceUsage();
    return {
      pid: process.pid,
      eventLoopDelayMs: { p50: late(histogram.percentile(50)), p99: late(histogram.percentile(99)), max: late(histogram.max) },
      cpuUserUs: usage.userCPUTime,
      cpuSystemUs: usage.systemCPUTime,
      rssBytes: process.memoryUsage.rss(),
      // resourceUsage reports kilobytes.
      maxRssBytes: usage.maxRSS * 1024,
    };
  };
}
