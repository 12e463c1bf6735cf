import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { createChangeEncoder } from '../../src/main/jobs/job-wire';
import { EngineMessage } from '../../src/main/jobs/protocol';
import type { Job } from '../../src/shared/jobs/job';
import { jobThrough } from '../unit/main/notify/job-fixture';

const JOBS = 200;
/** Each timed block runs for at least this long, ms (a small message is parsed thousands of times). */
const BLOCK_MS = 40;

/** µs per parse of `message` by `schema`, median of 5 timed blocks of at least `BLOCK_MS` (after a warm-up block), with zod's JIT or without. */
function perParse(schema: z.ZodType, message: unknown, jitless: boolean): number {
  const ctx = jitless ? { jitless: true } : undefined;
  const once = () => {
    if (!schema.safeParse(message, ctx as never).success) throw new Error('the bench message does not parse');
  };
  const blocks: number[] = [];
  for (let b = 0; b < 6; b++) {
    const t = performance.now();
    let n = 0;
    while (performance.now() - t < BLOCK_MS) for (let i = 0; i < 10; i++, n++) once();
    if (b > 0) blocks.push(((performance.now() - t) * 1000) / n);
  }
  return blocks.sort((a, b) => a - b)[2] as number;
}

/** 200 running jobs as the engine holds them, before and after one progress tick. */
function tick(): { before: Job[]; after: Job[] } {
  const before: Job[] = [];
  const after: Job[] = [];
  for (let i = 0; i < JOBS; i++) {
    const id = `job-bench-${String(i).padStart(4, '0')}`;
    const running = { ...jobThrough(id, ['queued', 'submitting', 'submitted', 'running']), remote: { taskId: `task-${i}`, handle: { region: 'us' } }, requests: 3 };
    before.push({ ...running, progress: 10 });
    after.push({ ...running, progress: 20, etaSeconds: 4, requests: 4 });
  }
  return { before, after };
}

/**
 * main's check of what the engine sends (issue 12), side by side in one run: a batch of 200 job
 * changes sent whole against the same batch as patches (job-wire.ts), and a small call (`context`)
 * through the message union as it was (a plain `z.union`, which builds the issues of every option
 * that fails) against the discriminated union it is now; each with zod's JIT and jitless.
 */
export async function benchEngineWire(): Promise<void> {
  const { before, after } = tick();
  const wire = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
  const whole = wire({ type: 'event', seq: 5, event: { type: 'changed', jobs: after, patches: [] } });
  const encoder = createChangeEncoder();
  encoder.reset(before);
  const patched = wire({ type: 'event', seq: 5, event: { type: 'changed', ...encoder.encode(after) } });
  const call = { type: 'call', seq: 9, call: { name: 'context', provider: 'fal', route: 'demo' } };
  const plainUnion = z.union((EngineMessage.options as readonly z.ZodType[]).flatMap((o) => ('options' in o ? (o.options as z.ZodType[]) : [o])) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]]);
  console.log(`engine-wire: load average ${loadavg()[0]?.toFixed(1)}; µs per message (median of 5 blocks of ≥ ${BLOCK_MS} ms), JIT / jitless`);
  const row = (label: string, schema: z.ZodType, message: unknown) =>
    console.log(`engine-wire: ${label}: ${perParse(schema, message, false).toFixed(1)} / ${perParse(schema, message, true).toFixed(1)} µs`);
  row(`${JOBS} job changes sent whole (${JSON.stringify(whole).length} bytes)`, EngineMessage, whole);
  row(`the same ${JOBS} changes as patches (${JSON.stringify(patched).length} bytes)`, EngineMessage, patched);
  row('a context call through the plain z.union the messages used to be', plainUnion, call);
  row('the same call through the discriminated union', EngineMessage, call);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchEngineWire();
