import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import type { StudioState } from '../../../../../src/renderer/store/index';
import { createJobsSlice } from '../../../../../src/renderer/store/jobs/slice';
import { selectQueueBadge } from '../../../../../src/renderer/store/shell/selectors';
import { jobThrough } from './jobs-fixture';

// Only the jobs slice: the rest of the store is not needed by these setters or the badge selector.
function store() {
  return create<StudioState>()((...a) => createJobsSlice(...a) as unknown as StudioState);
}

describe('jobs slice', () => {
  it('hydrates, then follows changes and removals', () => {
    const s = store();
    const a = jobThrough('job-aaaa0001', ['draft', 'queued']);
    s.getState().jobs.setAll([a]);
    expect(s.getState().jobs.loaded).toBe(true);
    const running = jobThrough('job-aaaa0001', ['draft', 'queued', 'submitting', 'submitted', 'running'], { progress: 12 });
    s.getState().jobs.upsert(running);
    expect(s.getState().jobs.byId['job-aaaa0001']?.state).toBe('running');
    expect(selectQueueBadge(s.getState())).toBe(1);
    s.getState().jobs.select('job-aaaa0001');
    s.getState().jobs.removed('job-aaaa0001');
    expect(s.getState().jobs.byId).toEqual({});
    expect(s.getState().jobs.selectedId).toBeNull();
    expect(selectQueueBadge(s.getState())).toBe(0);
  });

  it('never steps back to an older copy of a job', () => {
    const s = store();
    const newer = jobThrough('job-aaaa0001', ['draft', 'queued', 'submitting', 'submitted']);
    const older = jobThrough('job-aaaa0001', ['draft', 'queued']);
    s.getState().jobs.upsert(newer);
    s.getState().jobs.upsert(older);
    expect(s.getState().jobs.byId['job-aaaa0001']?.state).toBe('submitted');
    // A list answer that predates an event keeps the event's copy, and jobs the list does not know yet.
    const other = jobThrough('job-bbbb0001', ['draft', 'queued']);
    s.getState().jobs.setAll([older]);
    s.getState().jobs.upsert(other);
    s.getState().jobs.setAll([older]);
    expect(s.getState().jobs.byId['job-aaaa0001']?.state).toBe('submitted');
    expect(s.getState().jobs.byId['job-bbbb0001']).toBeDefined();
  });

  it('raises a toast when a job it saw ends, never for jobs loaded at start', () => {
    const s = store();
    s.getState().jobs.setAll([jobThrough('job-old00001', ['draft', 'queued', 'submitting', 'submitted', 'running', 'downloading', 'completed'])]);
    expect(s.getState().jobs.notices).toEqual([]);
    s.getState().jobs.upsert(jobThrough('job-new00001', ['draft', 'queued', 'submitting', 'submitted', 'running', 'downloading']));
    s.getState().jobs.upsert(jobThrough('job-new00001', ['draft', 'queued', 'submitting', 'submitted', 'running', 'downloading', 'completed']));
    expect(s.getState().jobs.notices.map((n) => [n.jobId, n.state])).toEqual([['job-new00001', 'completed']]);
    // A progress event (same state) adds nothing.
    s.getState().jobs.upsert({ ...jobThrough('job-new00001', ['draft', 'queued', 'submitting', 'submitted', 'running', 'downloading', 'completed']), updatedAt: 1_800_000_000_000 });
    expect(s.getState().jobs.notices).toHaveLength(1);
    const notice = s.getState().jobs.notices[0];
    if (notice) s.getState().jobs.dismissNotice(notice);
    expect(s.getState().jobs.notices).toEqual([]);
  });
});
