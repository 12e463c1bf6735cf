import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createStudio, type Studio } from '../../../src/main/composition/create-studio';
import type { RequestOutput } from '../../../src/shared/contract/index';
import type { JobView } from '../../../src/shared/jobs/job';
import { simulatorEnv, startSimulator, type SimulatorHandle } from '../../../tools/provider-sim/index';
import { callStudio, testStudioConfig } from '../../fixtures/studio-config';

/**
 * Issue 14 "Spend" and "Prompt history", end to end below the window: real jobs run by the job
 * engine against the provider simulator (ModelArk, with a key: the real route, not the demo), and
 * the ledger main derives from its copy of the job table — estimate before, ModelArk's
 * `usage.completion_tokens` after, "not billed" for a job cancelled before it was sent — then the
 * CSV export, the budget and the starred prompts, kept across a restart.
 */

const ARK_PRO = 'ark/seedance-1-0-pro-250528';
const params = (prompt: string) => ({ modelId: ARK_PRO, prompt, resolution: '480p', aspectRatio: '16:9', duration: 2 });
/** providers.md "Output sizes": Seedance 1.0 480p 16:9 is 864×480; tokens = w × h × 24 × s / 1024, at $2.50 per million (catalogue). */
const TOKENS = (864 * 480 * 24 * 2) / 1024;
const USD = (TOKENS * 2.5) / 1_000_000;

let root: string | undefined;
let sim: SimulatorHandle | undefined;
let studio: Studio | undefined;
afterEach(async () => {
  await studio?.dispose();
  await sim?.close();
  if (root) rmSync(root, { recursive: true, force: true });
  studio = sim = root = undefined;
});

async function open(): Promise<Studio> {
  root ??= mkdtempSync(join(tmpdir(), 'spend-it-'));
  sim ??= await startSimulator({ dataDir: join(root, 'sim'), timeScale: 0.2 });
  // Only ModelArk has a key: its jobs take the real route (to the simulator standing in for the provider).
  const env = simulatorEnv(sim.url);
  for (const name of ['NOVITA_API_KEY', 'FAL_KEY', 'EVOLINK_API_KEY']) delete env[name];
  return createStudio(testStudioConfig(join(root, 'data'), { libraryDir: join(root, 'library'), env }));
}

const call = <T>(channel: string, input: unknown = {}) => callStudio<T>(studio!, channel, input);

async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 90_000): Promise<T> {
  const end = Date.now() + ms;
  for (let v = await read(); ; v = await read()) {
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out; last value ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

describe('the ledger from the job store', () => {
  it('prices a ModelArk job by its reported tokens, marks a cancelled one not billed, exports CSV, keeps budget and stars', { timeout: 150_000 }, async () => {
    studio = await open();
    const { job } = await call<{ job: JobView }>('jobs:submit', { params: params('A lighthouse beam sweeps the fog, "hello"') });
    await until(
      async () => (await call<{ jobs: JobView[] }>('jobs:list')).jobs.find((j) => j.id === job.id)?.state,
      (s) => s === 'completed',
    );
    // Held by a paused queue, then cancelled: never sent.
    await call('jobs:pause');
    const { job: held } = await call<{ job: JobView }>('jobs:submit', { params: params('Rain on a tin roof') });
    await call('jobs:cancel', { id: held.id });
    await call('jobs:submit', { params: params('A lighthouse beam sweeps the fog, "hello"') });

    const summary = await call<RequestOutput<'spend', 'summary'>>('spend:summary');
    expect(summary.lines).toBe(3);
    const done = summary.entries.find((e) => e.jobId === job.id)!;
    expect(done).toMatchObject({ status: 'billed', provider: 'ark', state: 'completed', reported: { tokens: TOKENS } });
    expect(done.reported!.usd).toBeCloseTo(USD, 10);
    expect(done.estimateUsd).toBeCloseTo(USD, 10);
    expect(summary.entries.find((e) => e.jobId === held.id)).toMatchObject({ status: 'not-billed', amountUsd: 0 });
    expect(summary.totals.month.billedUsd).toBeCloseTo(USD, 10);
    // The third job waits in the paused queue: it will be charged once sent.
    expect(summary.totals.month.pendingUsd).toBeCloseTo(USD, 10);
    expect(summary.totals.byProvider.ark.jobs).toBe(3);
    expect(summary.totals.today.jobs).toBe(3);
    expect(summary.committedUsd).toBeCloseTo(2 * USD, 10);
    expect(summary.budgetUsd).toBeNull();

    const exported = await call<RequestOutput<'spend', 'exportCsv'>>('spend:exportCsv');
    if (exported.outcome !== 'no_dialog') throw new Error(`expected no_dialog, got ${exported.outcome}`);
    expect(exported.fileName).toMatch(/^seedance-spend-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = exported.csv.trimEnd().split('\r\n');
    expect(rows[0]).toBe('date,job id,provider,model,state,status,estimate usd,reported usd,reported tokens,amount usd,prices as of,prompt');
    expect(rows).toHaveLength(4);
    const doneRow = rows.find((r) => r.includes(job.id))!;
    // The prompt's quotes and comma are escaped the RFC 4180 way.
    expect(doneRow).toContain(`,BytePlus ModelArk,`);
    expect(doneRow).toContain(`,completed,billed,${USD.toFixed(4)},${USD.toFixed(4)},${TOKENS},${USD.toFixed(4)},`);
    expect(doneRow.endsWith(',"A lighthouse beam sweeps the fog, ""hello"""')).toBe(true);
    expect(rows.find((r) => r.includes(held.id))).toContain(',cancelled,not billed,');

    const budget = await call<RequestOutput<'spend', 'setBudget'>>('spend:setBudget', { budgetUsd: 12.345 });
    expect(budget.budgetUsd).toBe(12.35);
    await expect(call('spend:setBudget', { budgetUsd: -1 })).rejects.toThrow(/BAD_INPUT/);

    const history = await call<RequestOutput<'prompts', 'list'>>('prompts:list', { query: '' });
    expect(history.items.map((p) => [p.text, p.count])).toEqual([
      ['A lighthouse beam sweeps the fog, "hello"', 2],
      ['Rain on a tin roof', 1],
    ]);
    expect(history.items[0]).toMatchObject({ modelId: ARK_PRO, modelName: 'Seedance 1.0 Pro', starred: false });
    await call('prompts:star', { text: 'Rain on a tin roof', starred: true, modelId: ARK_PRO });
    expect((await call<RequestOutput<'prompts', 'list'>>('prompts:list', { query: 'TIN rain' })).items.map((p) => p.text)).toEqual(['Rain on a tin roof']);

    // Restart on the same data folder, then forget the starred prompt's job: budget and star stay.
    await studio.dispose();
    studio = await open();
    await call('jobs:remove', { id: held.id });
    expect((await call<RequestOutput<'spend', 'budget'>>('spend:budget')).budgetUsd).toBe(12.35);
    const starred = await call<RequestOutput<'prompts', 'list'>>('prompts:list', { starred: true });
    expect(starred.items).toEqual([expect.objectContaining({ text: 'Rain on a tin roof', starred: true, count: 0 })]);
  });
});
