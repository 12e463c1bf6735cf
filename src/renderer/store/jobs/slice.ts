import type { StateCreator } from 'zustand';
import type { JobPatch } from '../../../shared/contract/jobs';
import type { JobView } from '../../../shared/jobs/job';
import { applyJobPatch } from '../../../shared/jobs/job-patch';
import type { QueueStats } from '../../../shared/jobs/queue-stats';
import { StudioClientError, type StudioClient } from '../../api/client';
import type { StudioState } from '../index';
import type { JobFilter } from './filters';
import { i18n } from '../../i18n/index';

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

/**
 * One of main's versioned job events (`jobs:changed`: a batch holding the latest state of each job
 * that changed — whole, or as a patch against the copy main sent before; `jobs:removed`); `version`
 * is main's table version after it (see the contract's `TableVersion`).
 */
export type JobsFeed = { type: 'changed'; jobs: JobView[]; patches: JobPatch[]; version: number } | { type: 'removed'; id: string; version: number };

/** A toast about a job that just ended (seen live — an event or a later snapshot — never for jobs loaded at start). */
export interface JobNotice {
  jobId: string;
  state: JobView['state'];
  /** ms epoch, when the renderer saw the change; also tells two toasts of one job apart. */
  at: number;
}

/**
 * What the renderer caches of main's queue: every job by id, at main's table `version` (main owns
 * them: a table — `jobs:list`, `jobs:snapshot` after an engine restart, `jobs:reorder`'s answer —
 * replaces the cache; `jobs:changed` and `jobs:removed` keep it current), the last `jobs:stats`, and
 * the Queue view's own choices (filter, selected job). Order is derived (`inQueueOrder`), never stored.
 */
export interface JobsState {
  byId: Record<string, JobView>;
  /** Main's table version the cache is at; 0 before the first table. */
  version: number;
  /** Events that came before the first table, applied after it when newer than it. */
  pending: JobsFeed[];
  /** True once the first table (`jobs:list` or a snapshot) arrived. */
  loaded: boolean;
  loadError: string | null;
  stats: QueueStats | null;
  filter: JobFilter;
  selectedId: string | null;
  notices: JobNotice[];
  requests: JobsRequests | null;

  setRequests(requests: JobsRequests | null): void;
  /**
   * Replaces every job with main's table at `version` (main's whole truth: a job missing from it
   * is gone, a copy older than the cached one wins). A table older than the cache is ignored.
   * After the first table, a job whose state changed into an end state gets a toast (a job the
   * restarted engine recovered as needs_attention); events that overtook the table are applied.
   */
  replaceAll(jobs: readonly JobView[], version: number): void;
  /** Applies a versioned event from main; one at or below the cache's version is stale and dropped. A job that reaches an end state gets a toast. */
  follow(event: JobsFeed): void;
  /** Applies a job from an answer to the renderer's own request (cancel, retry, …); never steps back to an older copy. */
  upsert(job: JobView): void;
  /** Forgets a job the renderer removed itself; a removed selected job is deselected. */
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


/** The bound requests, or a `StudioClientError('UNAVAILABLE')` to show when not connected. */
export function jobsRequests(state: StudioState): JobsRequests {
  const bound = state.jobs.requests;
  if (!bound) throw new StudioClientError('UNAVAILABLE', i18n.t('common:notConnected'));
  return bound;
}

function notice(notices: JobNotice[], job: JobView, before: JobView | undefined): JobNotice[] {
  const ended = before !== undefined && before.state !== job.state && NOTIFIED_STATES.includes(job.state);
  return ended ? [...notices, { jobId: job.id, state: job.state, at: Date.now() }].slice(-MAX_NOTICES) : notices;
}

/** `j` without job `id`: deselected if it was selected, and its toasts gone. */
function without(j: JobsState, id: string): JobsState {
  const byId = { ...j.byId };
  delete byId[id];
  return { ...j, byId, selectedId: j.selectedId === id ? null : j.selectedId, notices: j.notices.filter((n) => n.jobId !== id) };
}

/** `j` with one of main's events applied (its version checked by the caller). */
function applyFeed(j: JobsState, event: JobsFeed): JobsState {
  if (event.type === 'removed') return { ...without(j, event.id), version: event.version };
  const byId = { ...j.byId };
  let notices = j.notices;
  const changed = [...event.jobs];
  for (const patch of event.patches) {
    const before = byId[patch.id];
    // A patch is against the copy main sent before, which the cache holds when events come in order; without it there is nothing to patch.
    if (before) changed.push(applyJobPatch(before, patch));
  }
  for (const job of changed) {
    notices = notice(notices, job, byId[job.id]);
    byId[job.id] = job;
  }
  return { ...j, byId, notices, version: event.version };
}

export const createJobsSlice: StateCreator<StudioState, [], [], JobsSlice> = (set) => {
  const patch = (partial: Partial<JobsState>) => set((s) => ({ jobs: { ...s.jobs, ...partial } }));
  return {
    jobs: {
      byId: {},
      version: 0,
      pending: [],
      loaded: false,
      loadError: null,
      stats: null,
      filter: 'all',
      selectedId: null,
      notices: [],
      requests: null,

      setRequests: (requests) => patch({ requests }),
      replaceAll: (jobs, version) =>
        set((s) => {
          const j = s.jobs;
          if (j.loaded && version < j.version) return s;
          const byId: Record<string, JobView> = {};
          let notices = j.notices;
          for (const job of jobs) {
            byId[job.id] = job;
            if (j.loaded) notices = notice(notices, job, j.byId[job.id]);
          }
          let next: JobsState = {
            ...j,
            byId,
            version,
            pending: [],
            loaded: true,
            loadError: null,
            selectedId: j.selectedId !== null && byId[j.selectedId] ? j.selectedId : null,
            notices: notices.filter((n) => byId[n.jobId] !== undefined),
          };
          for (const event of j.pending) if (event.version > next.version) next = applyFeed(next, event);
          return { jobs: next };
        }),
      follow: (event) =>
        set((s) => {
          if (!s.jobs.loaded) return { jobs: { ...s.jobs, pending: [...s.jobs.pending, event] } };
          if (event.version <= s.jobs.version) return s;
          return { jobs: applyFeed(s.jobs, event) };
        }),
      upsert: (job) =>
        set((s) => {
          const before = s.jobs.byId[job.id];
          // Main's events for this job may have overtaken the answer that carries it.
          if (before && before.updatedAt > job.updatedAt) return s;
          return { jobs: { ...s.jobs, byId: { ...s.jobs.byId, [job.id]: job }, notices: notice(s.jobs.notices, job, before) } };
        }),
      removed: (id) => set((s) => (s.jobs.byId[id] ? { jobs: without(s.jobs, id) } : s)),
      setStats: (stats) => patch({ stats }),
      setLoadError: (loadError) => patch({ loadError }),
      setFilter: (filter) => patch({ filter }),
      select: (selectedId) => patch({ selectedId }),
      dismissNotice: (notice) => set((s) => ({ jobs: { ...s.jobs, notices: s.jobs.notices.filter((n) => n !== notice) } })),
    },
  };
};
