import { describe, expect, it } from 'vitest';
import { createChangeEncoder, decodeChanges, JobChangePatch, patchBetween } from '../../../../src/main/jobs/job-wire';
import { EngineMessage } from '../../../../src/main/jobs/protocol';
import type { Job } from '../../../../src/shared/jobs/job';
import { jobThrough } from '../notify/job-fixture';

/** What crossing the channel does to a value: JSON (the engine is forked with JSON serialization). */
const overWire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('job changes on the engine → main wire', () => {
  it('sends a job main does not hold whole, then only the fields that changed; main rebuilds the same job', () => {
    const encoder = createChangeEncoder();
    const queued = jobThrough('job-wire-0001', ['queued']);
    const first = encoder.encode([queued]);
    expect(first).toEqual({ jobs: [queued], patches: [] });

    const running: Job = { ...jobThrough('job-wire-0001', ['queued', 'submitting', 'running']), progress: 40, remote: { taskId: 't-1', handle: {} }, requests: 2 };
    const second = overWire(encoder.encode([running]));
    expect(second.jobs).toEqual([]);
    expect(Object.keys(second.patches[0]?.set ?? {}).sort()).toEqual(['history', 'progress', 'remote', 'requests', 'state', 'times', 'updatedAt']);
    expect(second.patches[0]?.set).not.toHaveProperty('params');

    const parsed = EngineMessage.parse({ type: 'event', seq: 2, event: { type: 'changed', ...second } });
    if (parsed.type !== 'event' || parsed.event.type !== 'changed') throw new Error('not a changed event');
    const held = new Map([[queued.id, overWire(queued)]]);
    expect(decodeChanges(parsed.event, (id) => held.get(id))).toEqual({ jobs: [running], orphans: [] });
  });

  it('unsets the fields a job no longer has, and sends nothing but the id when nothing changed', () => {
    const withProgress: Job = { ...jobThrough('job-wire-0002', ['queued', 'running']), progress: 90, etaSeconds: 3 };
    const done = jobThrough('job-wire-0002', ['queued', 'running']);
    const patch = patchBetween(withProgress, done);
    expect(patch).toEqual({ id: done.id, set: {}, unset: ['progress', 'etaSeconds'] });
    expect(decodeChanges({ jobs: [], patches: [patch] }, () => withProgress).jobs).toEqual([done]);
    expect(patchBetween(done, overWire(done))).toEqual({ id: done.id, set: {} });
  });

  it('starts over from each snapshot and sends a removed job whole if it comes back', () => {
    const encoder = createChangeEncoder();
    const a = jobThrough('job-wire-0003', ['queued']);
    const b = jobThrough('job-wire-0004', ['queued']);
    encoder.reset([a]);
    expect(encoder.encode([a, b])).toEqual({ jobs: [b], patches: [{ id: a.id, set: {} }] });
    encoder.forget(a.id);
    expect(encoder.encode([a]).jobs).toEqual([a]);
  });

  it('refuses a patch whose field breaks its Job schema, or that unsets a required field', () => {
    expect(JobChangePatch.safeParse({ id: 'job-wire-0005', set: { progress: 140 } }).success).toBe(false);
    expect(JobChangePatch.safeParse({ id: 'job-wire-0005', set: { state: 'exploded' } }).success).toBe(false);
    expect(JobChangePatch.safeParse({ id: 'job-wire-0005', set: {}, unset: ['params'] }).success).toBe(false);
    expect(JobChangePatch.safeParse({ id: 'job-wire-0005', set: { progress: 50 }, unset: ['etaSeconds'] }).success).toBe(true);
  });

  it('answers a patch for a job main does not hold as an orphan, not a made-up job', () => {
    const patch = patchBetween(jobThrough('job-wire-0006', ['queued']), jobThrough('job-wire-0006', ['queued', 'running']));
    expect(decodeChanges({ jobs: [], patches: [patch] }, () => undefined)).toEqual({ jobs: [], orphans: ['job-wire-0006'] });
  });
});
