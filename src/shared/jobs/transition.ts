import type { Phrase } from '../messages/phrase';
import type { Job, JobError, JobRemote, JobResult, JobRoute, JobState, JobUpload } from './job';

/** Fields every event carries: when it happened (ms epoch) and an optional note for the timeline. */
interface At {
  at: number;
}

/** A timeline note: English of record, and its phrase for the UI's language. */
interface Note {
  note: string;
  notePhrase?: Phrase;
}

/**
 * Everything that can happen to a job. The engine is the only sender; `transition` decides.
 * - `enqueue`: the user sent a draft to the queue.
 * - `submit`: the engine is about to make the billable POST (persisted *before* it), with the
 *   route it goes by (recorded on the job; later requests keep it).
 * - `accepted`: the provider answered with a task id (persisted *before* anything else happens).
 * - `requeue`: the POST certainly did not create a task (429/5xx answer, connection refused), or
 *   a job needing attention was checked against the provider's task list and has no task there.
 * - `recovered`: a job needing attention was found in the provider's task list: it has a task after all.
 * - `attention`: it is unknown whether the provider accepted the task (app died mid-POST, a
 *   connection dropped after the request went out).
 * - `started`: the provider began generating.
 * - `progress`: new progress/ETA/queue position/upload bytes; never changes the state.
 * - `succeeded`: the provider has the video at `resultUrl`; downloading begins.
 * - `completed`: the video is verified and filed.
 * - `fail`, `expire`, `cancel`: the exits.
 */
export type JobEvent =
  | ({ type: 'enqueue' } & At)
  | ({ type: 'submit'; route?: JobRoute } & At)
  | ({ type: 'accepted'; task: Pick<JobRemote, 'taskId' | 'handle'> } & At)
  | ({ type: 'requeue' } & Note & At)
  | ({ type: 'recovered'; task: Pick<JobRemote, 'taskId' | 'handle'> } & Note & At)
  | ({ type: 'attention'; error: JobError } & At)
  | ({ type: 'started'; progress?: number; etaSeconds?: number } & At)
  | ({ type: 'progress'; progress?: number; etaSeconds?: number; queuePosition?: number; upload?: JobUpload | null; notice?: string | null; noticePhrase?: Phrase } & At)
  | ({ type: 'succeeded'; resultUrl: string; resultExpiresAt?: number; lastFrameUrl?: string; seed?: number; usage?: Record<string, number>; draftId?: string } & At)
  | ({ type: 'completed'; result: JobResult } & At)
  | ({ type: 'fail'; error: JobError } & At)
  | ({ type: 'expire'; error: JobError } & At)
  | ({ type: 'cancel' } & Note & At);

export type JobEventType = JobEvent['type'];

/** Every event type, for exhaustive tests and tooling. */
export const JOB_EVENT_TYPES: readonly JobEventType[] = [
  'enqueue',
  'submit',
  'accepted',
  'requeue',
  'recovered',
  'attention',
  'started',
  'progress',
  'succeeded',
  'completed',
  'fail',
  'expire',
  'cancel',
];

/** The answer of `transition`: the new job, or why the event does not apply to the job's state. */
export type TransitionResult = { ok: true; job: Job } | { ok: false; reason: string };

/**
 * The lifecycle table (ARCHITECTURE.md "Job lifecycle"): for each event, the states it may come
 * from and the state it leads to (`null` = the state does not change).
 * - Cancel is refused while `submitting`: the POST is in flight and its outcome unknown; the
 *   engine cancels once the task id is known.
 * - A task may go from `submitted` straight to `downloading` when it finished between two polls.
 * - `queued → failed` covers inputs the adapter rejected while preparing (before any POST), and a
 *   job whose sending kept breaking (the engine's own bound).
 * - `progress` on a queued job carries its notice (why it is held back) and its upload progress.
 */
const TABLE: Record<JobEventType, { from: readonly JobState[]; to: JobState | null }> = {
  enqueue: { from: ['draft'], to: 'queued' },
  submit: { from: ['queued'], to: 'submitting' },
  accepted: { from: ['submitting'], to: 'submitted' },
  requeue: { from: ['submitting', 'needs_attention'], to: 'queued' },
  recovered: { from: ['needs_attention'], to: 'submitted' },
  attention: { from: ['submitting'], to: 'needs_attention' },
  started: { from: ['submitted'], to: 'running' },
  progress: { from: ['queued', 'submitted', 'running', 'downloading'], to: null },
  succeeded: { from: ['submitted', 'running'], to: 'downloading' },
  completed: { from: ['downloading'], to: 'completed' },
  fail: { from: ['queued', 'submitting', 'submitted', 'running', 'downloading'], to: 'failed' },
  expire: { from: ['submitted', 'running', 'downloading'], to: 'expired' },
  cancel: { from: ['draft', 'queued', 'submitted', 'running', 'downloading', 'needs_attention'], to: 'cancelled' },
};

const LIVE_FIELDS = ['progress', 'etaSeconds', 'queuePosition', 'upload', 'notice', 'noticePhrase'] as const;

/**
 * Applies `event` to `job` and returns the new job (the input is never mutated), or
 * `{ ok: false, reason }` with a plain sentence when the event is illegal in the job's state.
 * Every state change stamps `times[state]`, `updatedAt` and appends to `history`; `progress` events
 * only update the live fields and `updatedAt`.
 */
export function transition(job: Job, event: JobEvent): TransitionResult {
  const rule = TABLE[event.type];
  if (!rule.from.includes(job.state)) {
    return { ok: false, reason: `A job that is ${label(job.state)} cannot take "${event.type}".` };
  }
  if (event.type === 'succeeded' && !job.remote) return { ok: false, reason: 'A job without a provider task cannot succeed.' };
  const next: Job = { ...job, updatedAt: event.at };
  applyPayload(next, event);
  if (rule.to === null) return { ok: true, job: next };

  next.state = rule.to;
  next.times = { ...job.times, [rule.to]: event.at };
  next.history = [...job.history, { state: rule.to, at: event.at, ...noteOf(event) }];
  if (rule.to !== 'queued' && rule.to !== 'running' && rule.to !== 'submitted' && rule.to !== 'downloading') {
    for (const field of LIVE_FIELDS) delete next[field];
  }
  return { ok: true, job: next };
}

function applyPayload(next: Job, event: JobEvent): void {
  switch (event.type) {
    case 'enqueue':
    case 'cancel':
      return;
    case 'submit':
      next.attempts = next.attempts + 1;
      delete next.error;
      if (event.route) next.route = event.route;
      return;
    case 'accepted':
      next.remote = { taskId: event.task.taskId, handle: { ...event.task.handle } };
      setNotice(next, null);
      return;
    case 'requeue':
      setNotice(next, event.note, event.notePhrase);
      delete next.error;
      return;
    case 'recovered':
      next.remote = { taskId: event.task.taskId, handle: { ...event.task.handle } };
      delete next.error;
      return;
    case 'attention':
    case 'fail':
    case 'expire':
      next.error = event.error;
      return;
    case 'started':
      setLive(next, event.progress, event.etaSeconds, undefined);
      delete next.queuePosition;
      return;
    case 'progress':
      setLive(next, event.progress, event.etaSeconds, event.queuePosition);
      if (event.upload === null) delete next.upload;
      else if (event.upload !== undefined) next.upload = { ...event.upload };
      if (event.notice !== undefined) setNotice(next, event.notice, event.noticePhrase);
      return;
    case 'succeeded': {
      next.remote = {
        ...(next.remote as JobRemote),
        resultUrl: event.resultUrl,
        ...(event.resultExpiresAt === undefined ? {} : { resultExpiresAt: event.resultExpiresAt }),
        ...(event.lastFrameUrl === undefined ? {} : { lastFrameUrl: event.lastFrameUrl }),
        ...(event.seed === undefined ? {} : { seed: event.seed }),
        ...(event.usage === undefined ? {} : { usage: event.usage }),
        ...(event.draftId === undefined ? {} : { draftId: event.draftId }),
      };
      // From here `progress` measures the download.
      next.progress = 0;
      delete next.etaSeconds;
      delete next.queuePosition;
      setNotice(next, null);
      return;
    }
    case 'completed':
      next.result = { ...next.result, ...event.result };
      return;
    default:
      assertNever(event);
  }
}

function setLive(next: Job, progress?: number, etaSeconds?: number, queuePosition?: number): void {
  if (progress !== undefined) next.progress = Math.min(100, Math.max(0, progress));
  if (etaSeconds !== undefined) next.etaSeconds = Math.max(0, etaSeconds);
  if (queuePosition !== undefined) next.queuePosition = Math.max(0, Math.trunc(queuePosition));
}

/** Sets the job's notice and its phrase together, or clears both (`null`). */
function setNotice(next: Job, notice: string | null, phrase?: Phrase): void {
  if (notice === null) delete next.notice;
  else next.notice = notice;
  if (notice !== null && phrase) next.noticePhrase = phrase;
  else delete next.noticePhrase;
}

function noteOf(event: JobEvent): { note?: string; notePhrase?: Phrase } {
  switch (event.type) {
    case 'requeue':
    case 'recovered':
    case 'cancel':
      return event.notePhrase ? { note: event.note, notePhrase: event.notePhrase } : { note: event.note };
    case 'attention':
    case 'fail':
    case 'expire':
      return event.error.phrase ? { note: event.error.message, notePhrase: event.error.phrase } : { note: event.error.message };
    default:
      return {};
  }
}

/** The state as a person would say it, for refusal reasons. */
function label(state: JobState): string {
  return state === 'needs_attention' ? 'waiting for your attention' : state;
}

function assertNever(value: never): never {
  throw new Error(`Unhandled job event: ${JSON.stringify(value)}`);
}
