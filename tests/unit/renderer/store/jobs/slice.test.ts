import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import type { StudioState } from '../../../../../src/renderer/store/index';
import { createJobsSlice } from '../../../../../src/renderer/store/jobs/slice';
import { summarise } from '../../../../../src/renderer/store/jobs/summary';
import { selectQueueBadge } from '../../../../../src/renderer/store/shell/selectors';
import { jobThrough } from './jobs-fixture';

// Only the jobs slice: the rest of the store is not needed by these setters or the badge selector.
function store() {
  return create<StudioState>()((...a) => createJobsSlice(...a) as unknown as StudioState);
}

const SENDING = ['draft', 'queued', 'submitting'] as const;
const INTERRUPTED = "The app stopped while sending this job; it may or may not have reached ModelArk. Check the provider's dashboard before retrying: retrying may bill twice.";

describe('jobs slice', () => {
  it('hydrates from main\'s table, then follows its versioned changes and removals', () => {
    const s = store();
    const a = jobThrough('job-aaaa0001', ['draft', 'queued']);
    s.getState().jobs.replaceAll([a], 3);
    expect(s.getState().jobs.loaded).toBe(true);
    expect(s.getState().jobs.version).toBe(3);
    const running = jobThrough('job-aaaa0001', ['draft', 'queued', 'submitting', 'submitted', 'running'], { progress: 12 });
    s.getState().jobs.follow({ type: 'changed', jobs: [running], patches: [], version: 4 });
    expect(s.getState().jobs.byId['job-aaaa0001']?.state).toBe('running');
    expect(selectQueueBadge(s.getState())).toBe(1);
    s.getState().jobs.select('job-aaaa0001');
    s.getState().jobs.follow({ type: 'removed', id: 'job-aaaa0001', version: 5 });
    expect(s.getState().jobs.byId).toEqual({});
    expect(s.getState().jobs.selectedId).toBeNull();
    expect(selectQueueBadge(s.getState())).toBe(0);
    expect(s.getState().jobs.version).toBe(5);
  });

  it('drops stale copies: events at or below its version, and a table older than its cache', () => {
    const s = store();
    const queued = jobThrough('job-aaaa0001', ['draft', 'queued']);
    const submitted = jobThrough('job-aaaa0001', ['draft', 'queued', 'submitting', 'submitted']);
    s.getState().jobs.replaceAll([queued], 10);
    s.getState().jobs.follow({ type: 'changed', jobs: [submitted], patches: [], version: 11 });
    s.getState().jobs.follow({ type: 'changed', jobs: [queued], patches: [], version: 11 });
    s.getState().jobs.follow({ type: 'removed', id: 'job-aaaa0001', version: 9 });
    expect(s.getState().jobs.byId['job-aaaa0001']?.state).toBe('submitted');
    s.getState().jobs.replaceAll([], 7);
    expect(Object.keys(s.getState().jobs.byId)).toEqual(['job-aaaa0001']);
    expect(s.getState().jobs.version).toBe(11);
  });

  it('holds events that come before the first table, then applies only those newer than it', () => {
    const s = store();
    const a = jobThrough('job-aaaa0001', ['draft', 'queued']);
    const aSent = jobThrough('job-aaaa0001', ['draft', 'queued', 'submitting', 'submitted']);
    const b = jobThrough('job-bbbb0001', ['draft', 'queued']);
    s.getState().jobs.follow({ type: 'changed', jobs: [a], patches: [], version: 4 }); // already in the table below
    s.getState().jobs.follow({ type: 'changed', jobs: [b], patches: [], version: 5 });
    s.getState().jobs.follow({ type: 'changed', jobs: [aSent], patches: [], version: 6 });
    expect(s.getState().jobs.byId).toEqual({});
    s.getState().jobs.replaceAll([a], 4);
    expect(s.getState().jobs.byId['job-aaaa0001']?.state).toBe('submitted');
    expect(s.getState().jobs.byId['job-bbbb0001']?.state).toBe('queued');
    expect(s.getState().jobs.version).toBe(6);
    expect(s.getState().jobs.pending).toEqual([]);
  });

  it('takes a snapshot as the whole truth: a job stuck "Sending" becomes needs_attention with its message, and the running count drops', () => {
    const s = store();
    const sending = jobThrough('job-aaaa0001', [...SENDING], { progress: 0 });
    const gone = jobThrough('job-cccc0001', ['draft', 'queued']);
    s.getState().jobs.replaceAll([sending, gone], 20);
    s.getState().jobs.select('job-cccc0001');
    expect(summarise(Object.values(s.getState().jobs.byId))).toEqual({ running: 1, queued: 1, progress: 0 });
    // The engine was killed after saving `submitting`; on restart it recovered the job. The
    // recovered copy is what the store holds, whatever the window saw last.
    const recovered = jobThrough('job-aaaa0001', [...SENDING, 'needs_attention'], { error: { kind: 'interrupted', message: INTERRUPTED } });
    s.getState().jobs.replaceAll([recovered], 21);
    const job = s.getState().jobs.byId['job-aaaa0001'];
    expect(job?.state).toBe('needs_attention');
    expect(job?.error?.message).toBe(INTERRUPTED);
    expect(s.getState().jobs.byId['job-cccc0001']).toBeUndefined();
    expect(s.getState().jobs.selectedId).toBeNull();
    expect(summarise(Object.values(s.getState().jobs.byId))).toEqual({ running: 0, queued: 0, progress: null });
    expect(selectQueueBadge(s.getState())).toBe(0);
    // The in-app notification: a toast for the recovered job.
    expect(s.getState().jobs.notices.map((n) => [n.jobId, n.state])).toEqual([['job-aaaa0001', 'needs_attention']]);
  });

  it('a snapshot wins over a newer-looking cached copy (progress the dead engine never saved)', () => {
    const s = store();
    const saved = jobThrough('job-aaaa0001', ['draft', 'queued', 'submitting', 'submitted', 'running'], { progress: 10 });
    s.getState().jobs.replaceAll([saved], 1);
    s.getState().jobs.follow({ type: 'changed', jobs: [{ ...saved, progress: 70, updatedAt: saved.updatedAt + 5_000 }], patches: [], version: 2 });
    s.getState().jobs.replaceAll([saved], 3);
    expect(s.getState().jobs.byId['job-aaaa0001']?.progress).toBe(10);
  });

  it('an answer to its own request never steps back to an older copy', () => {
    const s = store();
    const newer = jobThrough('job-aaaa0001', ['draft', 'queued', 'submitting', 'submitted']);
    const older = jobThrough('job-aaaa0001', ['draft', 'queued']);
    s.getState().jobs.replaceAll([], 1);
    s.getState().jobs.follow({ type: 'changed', jobs: [newer], patches: [], version: 2 });
    s.getState().jobs.upsert(older);
    expect(s.getState().jobs.byId['job-aaaa0001']?.state).toBe('submitted');
  });

  it('raises a toast when a job it saw ends, never for jobs loaded at start', () => {
    const s = store();
    s.getState().jobs.replaceAll([jobThrough('job-old00001', ['draft', 'queued', 'submitting', 'submitted', 'running', 'downloading', 'completed'])], 1);
    expect(s.getState().jobs.notices).toEqual([]);
    s.getState().jobs.follow({ type: 'changed', jobs: [jobThrough('job-new00001', ['draft', 'queued', 'submitting', 'submitted', 'running', 'downloading'])], patches: [], version: 2 });
    s.getState().jobs.follow({ type: 'changed', jobs: [jobThrough('job-new00001', ['draft', 'queued', 'submitting', 'submitted', 'running', 'downloading', 'completed'])], patches: [], version: 3 });
    expect(s.getState().jobs.notices.map((n) => [n.jobId, n.state])).toEqual([['job-new00001', 'completed']]);
    // A progress event (same state) adds nothing.
    s.getState().jobs.follow({
      type: 'changed',
      jobs: [{ ...jobThrough('job-new00001', ['draft', 'queued', 'submitting', 'submitted', 'running', 'downloading', 'completed']), updatedAt: 1_800_000_000_000 }],
      patches: [],
      version: 4,
    });
    expect(s.getState().jobs.notices).toHaveLength(1);
    const notice = s.getState().jobs.notices[0];
    if (notice) s.getState().jobs.dismissNotice(notice);
    expect(s.getState().jobs.notices).toEqual([]);
  });
});

describe('jobs slice: patches in jobs:changed', () => {
  it('applies a patch to the cached copy, and a patch for a job it does not hold changes nothing', () => {
    const s = store();
    const queued = jobThrough('job-patch-02', ['draft', 'queued']);
    s.getState().jobs.replaceAll([queued], 1);
    s.getState().jobs.follow({ type: 'changed', jobs: [], patches: [{ id: queued.id, state: 'submitting', requests: 1 }, { id: 'job-unknown1', progress: 5 }], version: 2 });
    expect(s.getState().jobs.byId[queued.id]).toEqual({ ...queued, state: 'submitting', requests: 1 });
    expect(Object.keys(s.getState().jobs.byId)).toEqual([queued.id]);
    expect(s.getState().jobs.version).toBe(2);
  });
});
