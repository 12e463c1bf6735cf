import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../src/main/jobs/engine';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { adapterFor } from '../../src/main/providers/registry';
import { findModel } from '../../src/shared/catalog/models';

const JOBS = 1_000;
const PARAMS = { modelId: 'ark/seedance-1-0-pro-250528', resolution: '480p', aspectRatio: '16:9', duration: 2 } as const;

/** Every job file's text by name: comparing two snapshots counts the files a reorder rewrote. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const names = await readdir(dir);
  return new Map(await Promise.all(names.map(async (n) => [n, await readFile(join(dir, n), 'utf8')] as const)));
}

function rewritten(before: Map<string, string>, after: Map<string, string>): number {
  return [...after].filter(([name, text]) => before.get(name) !== text).length;
}

/**
 * Reordering a paused queue of 1,000 jobs in an in-process engine, as the Queue view asks for it:
 * Alt+↓ on the first job, the last job dragged to the top, ten jobs moved to the top at once, and
 * fifty moves into the same spot (which runs the gap out, so neighbours get spread).
 */
export async function benchQueue(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'bench-queue-'));
  const engine = createEngine({
    dataDir,
    outputDir: join(dataDir, 'out'),
    adapters: adapterFor,
    catalog: findModel,
    log: createMemoryLogger(),
    // A paused queue sends nothing, so nothing below is ever asked for.
    context: () => Promise.reject(new Error('the bench queue is paused')),
    prepareImages: () => Promise.reject(new Error('the bench queue is paused')),
  });
  try {
    await engine.start();
    await engine.pause();
    const madeAt = performance.now();
    for (let i = 0; i < JOBS; i += 50) {
      await Promise.all(Array.from({ length: 50 }, (_, k) => engine.submit({ ...PARAMS, prompt: `shot ${i + k}` })));
    }
    console.log(`queue: ${JOBS} jobs submitted in ${((performance.now() - madeAt) / 1000).toFixed(1)} s`);
    const jobsDir = join(dataDir, 'jobs');
    const ids = async () => (await engine.list()).filter((j) => j.state === 'queued').sort((a, b) => a.order - b.order).map((j) => j.id);

    const measure = async (label: string, move: (order: string[]) => string[]) => {
      const order = await ids();
      const before = await snapshot(jobsDir);
      const started = performance.now();
      await engine.reorder(move(order));
      const ms = performance.now() - started;
      console.log(`queue: ${label}: ${ms.toFixed(1)} ms, ${rewritten(before, await snapshot(jobsDir))} job file(s) written`);
    };
    await measure('Alt+↓ on the first job', (o) => [o[1]!, o[0]!]);
    await measure('last job dragged to the top', (o) => [o[o.length - 1]!]);
    await measure('ten jobs moved to the top', (o) => o.filter((_, i) => i % 100 === 50));
    const moves: Array<{ ms: number; files: number }> = [];
    for (let i = 0; i < 50; i++) {
      const o = await ids();
      const before = await snapshot(jobsDir);
      const started = performance.now();
      await engine.reorder([o[0]!, o[o.length - 1]!]);
      moves.push({ ms: performance.now() - started, files: rewritten(before, await snapshot(jobsDir)) });
    }
    const ms = moves.map((m) => m.ms).sort((a, b) => a - b);
    const files = moves.map((m) => m.files);
    console.log(
      `queue: 50 moves into the same spot: p50 ${ms[25]!.toFixed(1)} ms, max ${ms[49]!.toFixed(0)} ms; ` +
        `${files.reduce((a, b) => a + b, 0)} job files written in all, at most ${Math.max(...files)} by one move`,
    );
  } finally {
    await engine.dispose();
    await rm(dataDir, { recursive: true, force: true });
  }
}
