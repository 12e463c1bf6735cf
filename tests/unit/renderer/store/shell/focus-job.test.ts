import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import type { StudioClient } from '../../../../../src/renderer/api/client';
import type { StudioState } from '../../../../../src/renderer/store/index';
import { createJobsSlice } from '../../../../../src/renderer/store/jobs/slice';
import { connectFocusJob, focusJob } from '../../../../../src/renderer/store/shell/focus-job';
import { createShellSlice } from '../../../../../src/renderer/store/shell/slice';
import type { FocusJob } from '../../../../../src/shared/contract/app';
import { jobThrough } from '../jobs/jobs-fixture';

const DONE = ['draft', 'queued', 'submitting', 'submitted', 'running', 'downloading', 'completed'] as const;

// The shell and jobs slices: what opening a job touches. No client is bound, as before `connectJobs`.
function store() {
  const s = create<StudioState>()((...a) => ({ ...createShellSlice(...a), ...createJobsSlice(...a) }) as unknown as StudioState);
  s.getState().jobs.replaceAll([jobThrough('job-done0001', [...DONE], { result: { libraryId: 'clip0001abcd' } }), jobThrough('job-fail0001', ['draft', 'queued', 'failed'])], 1);
  s.getState().jobs.setFilter('active');
  return s;
}

describe('app:focusJob in the renderer', () => {
  it('open: shows the Queue with every job and the clicked one selected', async () => {
    const s = store();
    await focusJob(s, { jobId: 'job-fail0001', action: 'open' });
    expect(s.getState().shell.view).toBe('queue');
    expect(s.getState().jobs.filter).toBe('all');
    expect(s.getState().jobs.selectedId).toBe('job-fail0001');
  });

  it('continue on a job without a filed clip opens the job instead', async () => {
    const s = store();
    await focusJob(s, { jobId: 'job-fail0001', action: 'continue' });
    expect(s.getState().shell.view).toBe('queue');
    expect(s.getState().jobs.selectedId).toBe('job-fail0001');
  });

  it('continue that cannot reach main says so in the status line and leaves the view alone', async () => {
    const s = store();
    await focusJob(s, { jobId: 'job-done0001', action: 'continue' });
    expect(s.getState().shell.notice).toMatch(/^Continue from last frame failed: The app is not connected/);
    expect(s.getState().shell.view).toBe('compose');
  });

  it('connectFocusJob follows the event until unsubscribed', () => {
    const s = store();
    const listeners = new Set<(p: FocusJob) => void>();
    const client = {
      app: {
        onFocusJob: (l: (p: FocusJob) => void) => {
          listeners.add(l);
          return () => listeners.delete(l);
        },
      },
    } as unknown as Pick<StudioClient, 'app'>;
    const off = connectFocusJob(client, s);
    for (const l of listeners) l({ jobId: 'job-done0001', action: 'open' });
    expect(s.getState().jobs.selectedId).toBe('job-done0001');
    off();
    expect(listeners.size).toBe(0);
  });
});
