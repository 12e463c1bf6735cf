import { describe, expect, it } from 'vitest';
import { EngineProcessStats, watchProcess } from '../../../../src/main/jobs/process-stats';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('watchProcess', () => {
  it('reports a blocked event loop, CPU time and memory of this process', async () => {
    const read = watchProcess();
    await tick(50);
    // Block the loop for 150 ms: the 10 ms monitor timer fires at least ~140 ms late.
    const until = performance.now() + 150;
    while (performance.now() < until);
    await tick(50);
    const stats = EngineProcessStats.parse(read());
    expect(stats.pid).toBe(process.pid);
    expect(stats.eventLoopDelayMs.max).toBeGreaterThanOrEqual(100);
    expect(stats.eventLoopDelayMs.max).toBeGreaterThanOrEqual(stats.eventLoopDelayMs.p99);
    expect(stats.cpuUserUs + stats.cpuSystemUs).toBeGreaterThan(100_000);
    expect(stats.maxRssBytes).toBeGreaterThanOrEqual(stats.rssBytes * 0.5);
    expect(stats.rssBytes).toBeGreaterThan(10 * 1024 * 1024);
  });

  it('starts each watch with a fresh histogram', async () => {
    const first = watchProcess();
    // Node starts counting at the monitor's first tick, so the loop is blocked after it.
    await tick(30);
    const until = performance.now() + 120;
    while (performance.now() < until);
    await tick(30);
    const second = watchProcess();
    await tick(60);
    expect(first().eventLoopDelayMs.max).toBeGreaterThanOrEqual(80);
    expect(second().eventLoopDelayMs.max).toBeLessThan(first().eventLoopDelayMs.max);
  });
});
