import type { StateCreator } from 'zustand';
import type { JobView } from '../../../shared/jobs/job';
import type { QueueStats } from '../../../shared/jobs/queue-stats';
import { StudioClientError, type StudioClient } from '../../api/client';
import type { StudioState } from '../index';
import type { JobFilter } from './filters';

/** The verbs the Queue uses; `connectJobs` binds them to main. */
export type JobsRequests = {
  jobs: StudioClient['jobs'];
  library: Pick<StudioClient['library'], 'get' | 'lastFrame'>;
  images: Pick<StudioClient['images'], 'preview' | 'importFrame'>;
};

/** States a finished-job toast is shown for: the job's end, good or bad. */
const NOTIFIED_STATES: readonly JobView['state'][] = ['completed', 'failed', 'expired', 'needs_attention'];
/** Toasts kept at once; older ones make way (the Queue still lists every job). */
const MAX_NOTICES = 3;

/** A toast about a job that just ended (seen live, never for jobs loaded at start). */
export interface JobNotice {
  jobId: string;
  state: JobView['state'];
  /** ms epoch, when the renderer saw the change; also tells two toasts of one job apart. */
  at: number;
}

/**
 * What the renderer caches of main's queue: every job by id (main owns them; `jobs:changed` and
 * `jobs:removed` keep the cache current), the last `jobs:stats`, and the Queue view's own choices
 * (filter, selected job). Order is derived (`inQueueOrder`), never stored.
 */
export interface JobsState {
  byId: Record<string, JobView>;
  /** True once `jobs:list` answered. */
  loaded: boolean;
  loadError: string | null;
  stats: QueueStats | null;
  filter: JobFilter;
  selectedId: string | null;
  notices: JobNotice[];
  requests: JobsRequests | null;

  setRequests(requests: JobsRequests | null): void;
  /**
   * Replaces every job with main's list (`jobs:list`, `jobs:reorder`); no toasts. A cached copy
   * newer than the list's (an event that overtook the answer) is kept, and so is a job the list
   * predates.
   */
  setAll(jobs: readonly JobView[]): void;
  /** Applies a `jobs:changed`; a job that reaches an end state gets a toast. */
  upsert(job: JobView): void;
  /** Applies a `jobs:removed`; a removed selected job is deselected. */
  removed(id: string): void;
  setStats(stats: QueueStats): void;
  setLoadError(message: string | null): void;
  setFilter(filter: JobFilter): void;
  select(id: string | null): void;
  dismissNotice(notice: JobNotice): void;
}

export interface JobsSlice {
  jobs: JobsState;
}

const NOT_CONNECTED = 'The app is not connected to its main process yet. Try again in a moment.';

/** The bound requests, or a `StudioClientError('UNAVAILABLE')` to show when not connected. */
export function jobsRequests(state: StudioState): JobsRequests {
  const bound = state.jobs.requests;
  if (!bound) throw new StudioClientError('UNAVAILABLE', NOT_CONNECTED);
  return bound;
}

export const createJobsSlice: StateCreator<StudioState, [], [], JobsSlice> = (set) => {
  const patch = (partial: Partial<JobsState>) => set((s) => ({ jobs: { ...s.jobs, ...partial } }));
  return {
    jobs: {
      byId: {},
      loaded: false,
      loadError: null,
      stats: null,
      filter: 'all',
      selectedId: null,
      notices: [],
      requests: null,

      setRequests: (requests) => patch({ requests }),
      setAll: (jobs) =>
        set((s) => {
          const byId: Record<string, JobView> = { ...s.jobs.byId };
          for (const job of jobs) {
            const live = byId[job.id];
            if (!live || live.updatedAt <= job.updatedAt) byId[job.id] = job;
          }
          return { jobs: { ...s.jobs, byId, loaded: true, loadError: null } };
        }),
      upsert: (job) =>
        set((s) => {
          const before = s.jobs.byId[job.id];
          // Events may overtake a `jobs:list` answer; never step back to an older copy.
          if (before && before.updatedAt > job.updatedAt) return s;
          const ended = before !== undefined && before.state !== job.state && NOTIFIED_STATES.includes(job.state);
          const notices = ended ? [...s.jobs.notices, { jobId: job.id, state: job.state, at: Date.now() }].slice(-MAX_NOTICES) : s.jobs.notices;
          return { jobs: { ...s.jobs, byId: { ...s.jobs.byId, [job.id]: job }, notices } };
        }),
      removed: (id) =>
        set((s) => {
          if (!s.jobs.byId[id]) return s;
          const byId = { ...s.jobs.byId };
          delete byId[id];
          return {
            jobs: {
              ...s.jobs,
              byId,
              selectedId: s.jobs.selectedId === id ? null : s.jobs.selectedId,
              notices: s.jobs.notices.filter((n) => n.jobId !== id),
            },
          };
        }),
      setStats: (stats) => patch({ stats }),
      setLoadError: (loadError) => patch({ loadError }),
      setFilter: (filter) => patch({ filter }),
      select: (selectedId) => patch({ selectedId }),
      dismissNotice: (notice) => set((s) => ({ jobs: { ...s.jobs, notices: s.jobs.notices.filter((n) => n !== notice) } })),
    },
  };
};
