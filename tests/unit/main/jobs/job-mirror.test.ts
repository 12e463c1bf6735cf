import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../../src/main/jobs/api';
import { createJobMirror, type JobsEvent } from '../../../../src/main/jobs/job-mirror';
import { numberEvents } from '../../../../src/main/jobs/numbered-events';
import { createMemoryLogger } from '../../../../src/main/logging/logger';
import type { Job } from '../../../../src/shared/jobs/job';
import { jobThrough } from '../notify/job-fixture';

function mirrorWithLog() {
  const mirror = createJobMirror(createMemoryLogger());
  const published: JobsEvent[] = [];
  mirror.subscribe((e) => published.push(e));
  return { mirror, published };
}

describe('main\'s job mirror', () => {
  it('takes each engine start\'s snapshot as the table, then its newer numbered events, with main\'s own version', () => {
    const { mirror, published } = mirrorWithLog();
    const a = jobThrough('job-mirror-01', ['queued']);
    const b = jobThrough('job-mirror-02', ['queued'], { order: 1 });
    mirror.apply(1, { type: 'changed', jobs: [a] }); // before any snapshot: dropped
    expect(mirror.table()).toEqual({ jobs: [], version: 0 });
    mirror.replace({ seq: 2, jobs: [b, a] });
    mirror.apply(2, { type: 'changed', jobs: [a] }); // already in the snapshot (seq 2)
    const aSent = jobThrough('job-mirror-01', ['queued', 'submitting']);
    mirror.apply(3, { type: 'changed', jobs: [aSent] });
    mirror.apply(4, { type: 'removed', id: b.id });
    expect(mirror.table()).toEqual({ jobs: [aSent], version: 3 });
    expect(published.map((e) => [e.type, 'version' in e ? e.version : null])).toEqual([
      ['snapshot', 1],
      ['changed', 2],
      ['removed', 3],
    ]);
    expect(published[0]).toMatchObject({ type: 'snapshot', epoch: 1, jobs: [b, a] });
  });

  it('ignores a restarted engine until its snapshot, which replaces everything main held', () => {
    const { mirror, published } = mirrorWithLog();
    const sending = jobThrough('job-mirror-03', ['queued', 'submitting']);
    mirror.replace({ seq: 0, jobs: [sending] });
    mirror.engineStopped();
    // The new process's events before its snapshot are in that snapshot: main keeps what it had meanwhile.
    mirror.apply(1, { type: 'removed', id: sending.id });
    expect(mirror.table()).toEqual({ jobs: [sending], version: 1 });
    const recovered = jobThrough('job-mirror-03', ['queued', 'submitting', 'needs_attention']);
    mirror.replace({ seq: 1, jobs: [recovered] });
    expect(mirror.table()).toEqual({ jobs: [recovered], version: 2 });
    expect(published.map((e) => e.type)).toEqual(['snapshot', 'snapshot']);
    expect(published[1]).toMatchObject({ epoch: 2, version: 2 });
  });
});

describe('numbered engine events', () => {
  it('cuts a snapshot that holds exactly the events up to its number, even when one slips out while listing', async () => {
    const listeners = new Set<(e: EngineEvent) => void>();
    let table: Job[] = [jobThrough('job-cut-01', ['queued'])];
    let slip = true;
    const engine = {
      subscribe(l: (e: EngineEvent) => void) {
        listeners.add(l);
        return () => listeners.delete(l);
      },
      async list() {
        const copy = table;
        if (slip) {
          // A change lands while the list is on its way: this copy no longer matches the numbering.
          slip = false;
          table = [jobThrough('job-cut-01', ['queued', 'submitting'])];
          for (const l of listeners) l({ type: 'changed', job: table[0] as Job });
        }
        return copy;
      },
    };
    const { mirror } = mirrorWithLog();
    const numbered = numberEvents(engine, { event: (seq, e) => mirror.apply(seq, e), snapshot: (s) => mirror.replace(s) });
    const snapshot = await numbered.sendSnapshot();
    expect(snapshot.seq).toBe(1);
    expect(snapshot.jobs.map((j) => j.state)).toEqual(['submitting']);
    expect(mirror.table().jobs.map((j) => j.state)).toEqual(['submitting']);
  });
});

describe('batched engine events', () => {
  it('sends the latest copy of each changed job once per batch, a removal after the changes before it, and stats with the batch', async () => {
    const listeners = new Set<(e: EngineEvent) => void>();
    const engine = {
      subscribe(l: (e: EngineEvent) => void) {
        listeners.add(l);
        return () => listeners.delete(l);
      },
      list: async () => [] as Job[],
    };
    const emit = (e: EngineEvent) => listeners.forEach((l) => l(e));
    const sent: Array<[number, string, string[]]> = [];
    const numbered = numberEvents(engine, {
      event: (seq, e) => sent.push([seq, e.type, e.type === 'changed' ? e.jobs.map((j) => `${j.id}:${j.state}`) : e.type === 'removed' ? [e.id] : []]),
      snapshot: () => undefined,
    }, 20);
    const a = ['draft', 'queued'] as const;
    emit({ type: 'changed', job: jobThrough('job-batch-01', [...a]) });
    emit({ type: 'changed', job: jobThrough('job-batch-02', [...a]) });
    emit({ type: 'changed', job: jobThrough('job-batch-01', [...a, 'submitting']) });
    emit({ type: 'stats', stats: { paused: false, online: true, byState: {}, providers: [], requests: { total: 1 } } });
    expect(sent).toEqual([]);
    await new Promise((r) => setTimeout(r, 60));
    expect(sent).toEqual([
      [1, 'changed', ['job-batch-01:submitting', 'job-batch-02:queued']],
      [2, 'stats', []],
    ]);
    emit({ type: 'changed', job: jobThrough('job-batch-01', [...a, 'submitting', 'submitted']) });
    emit({ type: 'changed', job: jobThrough('job-batch-02', [...a, 'submitting']) });
    emit({ type: 'removed', id: 'job-batch-02' });
    expect(sent.slice(2)).toEqual([
      [3, 'changed', ['job-batch-01:submitted']],
      [4, 'removed', ['job-batch-02']],
    ]);
    numbered.close();
  });
});
