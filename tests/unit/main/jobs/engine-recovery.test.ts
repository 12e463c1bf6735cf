import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from '../../../../src/shared/jobs/job';
import { DEADLINE_GRACE_MS } from '../../../../src/main/jobs/poller';
import { RECONCILE_SETTLE_MS } from '../../../../src/main/jobs/reconcile';
import { createMemoryLogger } from '../../../../src/main/logging/logger';
import { UPSTREAM_TASK_LIFETIME_MS } from '../../../../src/main/providers/lenient';
import type { ListedTask } from '../../../../src/main/providers/types';
import { ARK_T2V, jobIn, NOVITA_T2V, seed, startEngine, T0, type Rig } from './engine-rig';

const rigs: Rig[] = [];
afterEach(async () => {
  await Promise.all(rigs.splice(0).map((r) => r.close()));
});

/** An engine started on a data folder that already holds `jobs` (as after a restart). */
async function startWith(jobs: Job[], log = createMemoryLogger()): Promise<Rig & { log: typeof log }> {
  const empty = await startEngine();
  await empty.close();
  for (const job of jobs) await seed(empty.dataDir, job);
  const r = await startEngine({ dataDir: empty.dataDir, log });
  rigs.push(r);
  return Object.assign(r, { log });
}

async function when(test: () => boolean): Promise<void> {
  while (!test()) await new Promise((res) => setImmediate(res));
}

describe('polling has a deadline', () => {
  it('a task older than its documented lifetime ends expired with a plain message, without another poll', async () => {
    const sentAt = T0 - UPSTREAM_TASK_LIFETIME_MS - DEADLINE_GRACE_MS - 1;
    const r = await startWith([jobIn('job-old00001', 'running', NOVITA_T2V, { remote: { taskId: 'task-old', handle: {} }, times: { queued: sentAt, submitting: sentAt, running: sentAt } })]);
    const done = await r.until('job-old00001', (j) => j.state === 'expired');
    expect(done.error).toMatchObject({
      kind: 'expired',
      message: 'Novita did not finish this task within 48 hours, longer than it keeps tasks, so the app stopped checking it (task task-old).',
    });
    expect(r.providers.novita.calls.poll).toBe(0);
  });

  it('a task reaching its deadline while a provider keeps saying something unknown ends expired', async () => {
    const sentAt = T0 - UPSTREAM_TASK_LIFETIME_MS - DEADLINE_GRACE_MS + 10_000;
    const r = await startWith([jobIn('job-paused01', 'submitted', ARK_T2V, { remote: { taskId: 'cgt-p', handle: {} }, times: { queued: sentAt, submitting: sentAt, submitted: sentAt } })]);
    r.providers.ark.poll = async () => ({ state: 'unknown', providerStatus: 'paused' });
    await when(() => r.clock.waiting() > 0);
    r.clock.advance(3_001);
    const noticed = await r.until('job-paused01', (j) => j.notice !== undefined);
    expect(noticed.state).toBe('submitted'); // never read as running
    expect(noticed.notice).toBe('BytePlus ModelArk reports the status "paused", which the app does not know; it keeps checking until the task\'s time at BytePlus ModelArk runs out.');
    await when(() => r.clock.waiting() > 0);
    r.clock.advance(10_000);
    const done = await r.until('job-paused01', (j) => j.state === 'expired');
    expect(done.error?.kind).toBe('expired');
  });
});

describe('a job caught mid-submit is reconciled from the ModelArk task list', () => {
  const interrupted = () => jobIn('job-mine0001', 'submitting', ARK_T2V, { times: { queued: T0 - 20_000, submitting: T0 - 10_000 }, updatedAt: T0 - 10_000 });
  const task = (taskId: string, createdAt: number, more: Partial<ListedTask> = {}): ListedTask => ({
    taskId,
    createdAt,
    model: 'seedance-1-0-pro-250528',
    resolution: '480p',
    ratio: '16:9',
    duration: 5,
    ...more,
  });

  it('takes the one task that fits it (model, request, time; not another job’s) and follows it', async () => {
    const other = jobIn('job-other001', 'submitted', ARK_T2V, { remote: { taskId: 'cgt-other', handle: {} } });
    const r = await startWith([interrupted(), other]);
    expect((await r.engine.list()).find((j) => j.id === 'job-mine0001')?.state).toBe('needs_attention');
    const queries: Array<{ from: number; to: number }> = [];
    r.providers.ark.list = async (q) => {
      queries.push(q);
      return { tasks: [task('cgt-other', T0 - 9_000), task('cgt-longer', T0 - 9_000, { duration: 10 }), task('cgt-mine', T0 - 8_000)], complete: true, clockChecked: true };
    };
    await when(() => r.clock.waiting() > 0);
    r.clock.advance(RECONCILE_SETTLE_MS + 60_000);
    const found = await r.until('job-mine0001', (j) => j.state === 'submitted');
    expect(found.remote?.taskId).toBe('cgt-mine');
    expect(found.error).toBeUndefined();
    expect(found.history.at(-1)?.note).toBe("Found in BytePlus ModelArk's task list as cgt-mine, made while the app was sending it; it is followed as usual.");
    expect(found.history.at(-1)?.notePhrase).toEqual({ code: 'notice.foundInList', values: { provider: 'BytePlus ModelArk', task: 'cgt-mine' } });
    expect(queries[0]!.from).toBeLessThanOrEqual(T0 - 10_000);
    expect(queries[0]!.to).toBeGreaterThanOrEqual(T0);
    expect(r.providers.ark.calls.submit).toBe(0);
  });

  it('no task in a complete list with a checked clock: nothing was made, so the job is sent again — once', async () => {
    const r = await startWith([interrupted()]);
    await when(() => r.clock.waiting() > 0);
    r.clock.advance(RECONCILE_SETTLE_MS + 60_000);
    const sent = await r.until('job-mine0001', (j) => j.state === 'submitted');
    expect(sent.history.map((h) => h.state)).toEqual(['draft', 'submitting', 'needs_attention', 'queued', 'submitting', 'submitted']);
    expect(sent.history[3]).toMatchObject({
      note: "BytePlus ModelArk's task list shows no task from this job, so nothing was billed; it is sent again.",
      notePhrase: { code: 'notice.notInList', values: { provider: 'BytePlus ModelArk' } },
    });
    expect(r.providers.ark.calls).toMatchObject({ list: 1, submit: 1 });
  });

  it('a retry by the user settles it: the original is never sent again next to the retry, not even after a restart', async () => {
    const r = await startWith([interrupted()]);
    const retry = await r.engine.retry('job-mine0001');
    await when(() => r.clock.waiting() > 0);
    r.clock.advance(RECONCILE_SETTLE_MS + 60_000);
    await r.until(retry.id, (j) => j.state === 'submitted');
    const again = await r.restart();
    rigs.push(again);
    await when(() => again.clock.waiting() > 0);
    again.clock.advance(RECONCILE_SETTLE_MS + 60_000);
    // The retry's first poll comes after the moment a look through the list would have been made.
    await when(() => again.providers.ark.calls.poll > 0);
    expect((await again.engine.list()).find((j) => j.id === 'job-mine0001')?.state).toBe('needs_attention');
    expect(r.providers.ark.calls).toMatchObject({ list: 0, submit: 1 });
    expect(again.providers.ark.calls).toMatchObject({ list: 0, submit: 0 });
  });

  it('leaves the job to the user when several tasks fit, or the provider clock could not be checked', async () => {
    for (const answer of [
      { tasks: [task('cgt-a', T0 - 9_000), task('cgt-b', T0 - 8_000)], complete: true, clockChecked: true },
      { tasks: [], complete: true, clockChecked: false },
      { tasks: [], complete: false, clockChecked: true },
    ]) {
      const r = await startWith([interrupted()]);
      r.providers.ark.list = async () => answer;
      await when(() => r.clock.waiting() > 0);
      r.clock.advance(RECONCILE_SETTLE_MS + 60_000);
      await when(() => r.log.lines.some((l) => l.event === 'jobs.reconciled'));
      expect((await r.engine.list())[0]?.state).toBe('needs_attention');
      expect(r.providers.ark.calls.submit).toBe(0);
    }
  });
});
