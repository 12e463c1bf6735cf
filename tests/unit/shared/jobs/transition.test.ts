import { describe, expect, it } from 'vitest';
import { Job, JobState, type JobError } from '../../../../src/shared/jobs/job';
import { JOB_EVENT_TYPES, transition, type JobEvent, type JobEventType } from '../../../../src/shared/jobs/transition';

const T0 = 1_700_000_000_000;
const err: JobError = { kind: 'provider_error', message: 'The provider failed.', providerCode: 'service_error' };

function jobIn(state: JobState): Job {
  const job: Job = {
    id: 'job-00000001',
    params: { modelId: 'novita/seedance-v1-pro-t2v', prompt: 'a fox', resolution: '720p', aspectRatio: '16:9', duration: 5 },
    provider: 'novita',
    state,
    times: { draft: T0, [state]: T0 },
    updatedAt: T0,
    attempts: 0,
    requests: 0,
    history: [{ state, at: T0 }],
    order: 0,
  };
  if (['submitted', 'running', 'downloading', 'completed'].includes(state)) job.remote = { taskId: 'task-1', handle: {} };
  return Job.parse(job);
}

function eventOf(type: JobEventType, at = T0 + 1000): JobEvent {
  switch (type) {
    case 'enqueue':
    case 'submit':
      return { type, at };
    case 'accepted':
      return { type, at, task: { taskId: 'task-9', handle: { status_url: 'https://q/x' } } };
    case 'requeue':
      return { type, at, note: 'Provider busy.' };
    case 'recovered':
      return { type, at, task: { taskId: 'cgt-1', handle: {} }, note: 'Found at ModelArk.' };
    case 'attention':
    case 'fail':
    case 'expire':
      return { type, at, error: err };
    case 'started':
      return { type, at, progress: 10, etaSeconds: 40 };
    case 'progress':
      return { type, at, progress: 50, etaSeconds: 20, queuePosition: 3 };
    case 'succeeded':
      return { type, at, resultUrl: 'https://cdn/x.mp4', resultExpiresAt: at + 3600_000, seed: 42 };
    case 'completed':
      return { type, at, result: { path: '/lib/x.mp4', sha256: 'a'.repeat(64), bytes: 10 } };
    case 'cancel':
      return { type, at, note: 'Cancelled by you.' };
  }
}

// The lifecycle of ARCHITECTURE.md written out by hand: `state event` → next state (`=` keeps the state).
const LEGAL: Record<string, JobState | '='> = {
  'draft enqueue': 'queued',
  'draft cancel': 'cancelled',
  'queued submit': 'submitting',
  'queued fail': 'failed',
  'queued progress': '=',
  'queued cancel': 'cancelled',
  'submitting accepted': 'submitted',
  'submitting requeue': 'queued',
  'submitting attention': 'needs_attention',
  'submitting fail': 'failed',
  'submitted started': 'running',
  'submitted progress': '=',
  'submitted succeeded': 'downloading',
  'submitted fail': 'failed',
  'submitted expire': 'expired',
  'submitted cancel': 'cancelled',
  'running progress': '=',
  'running succeeded': 'downloading',
  'running fail': 'failed',
  'running expire': 'expired',
  'running cancel': 'cancelled',
  'downloading progress': '=',
  'downloading completed': 'completed',
  'downloading fail': 'failed',
  'downloading expire': 'expired',
  'downloading cancel': 'cancelled',
  'needs_attention cancel': 'cancelled',
  'needs_attention requeue': 'queued',
  'needs_attention recovered': 'submitted',
};

describe('transition: every state × every event', () => {
  for (const state of JobState.options) {
    for (const type of JOB_EVENT_TYPES) {
      const expected = LEGAL[`${state} ${type}`];
      it(`${state} + ${type} → ${expected ?? 'refused'}`, () => {
        const before = jobIn(state);
        const snapshot = structuredClone(before);
        const out = transition(before, eventOf(type));
        expect(before).toEqual(snapshot); // never mutates its input
        if (expected === undefined) {
          expect(out.ok).toBe(false);
          if (!out.ok) expect(out.reason).toMatch(new RegExp(type));
          return;
        }
        expect(out.ok).toBe(true);
        if (!out.ok) return;
        const target = expected === '=' ? state : expected;
        expect(out.job.state).toBe(target);
        expect(Job.safeParse(out.job).success).toBe(true);
        expect(out.job.updatedAt).toBe(T0 + 1000);
        if (expected === '=') {
          expect(out.job.history).toHaveLength(1);
        } else {
          expect(out.job.times[target]).toBe(T0 + 1000);
          expect(out.job.history.at(-1)).toMatchObject({ state: target, at: T0 + 1000 });
        }
      });
    }
  }

  it('covers exactly the documented states and events', () => {
    expect(JobState.options).toHaveLength(11);
    expect(new Set(JOB_EVENT_TYPES).size).toBe(13);
  });
});

describe('transition: payloads', () => {
  it('counts submit attempts and clears a previous error', () => {
    const queued = { ...jobIn('queued'), error: err };
    const out = transition(queued, eventOf('submit'));
    expect(out.ok && out.job.attempts).toBe(1);
    expect(out.ok && out.job.error).toBeUndefined();
  });

  it('stores the task id and handle on accept', () => {
    const out = transition(jobIn('submitting'), eventOf('accepted'));
    expect(out.ok && out.job.remote).toEqual({ taskId: 'task-9', handle: { status_url: 'https://q/x' } });
  });

  it('keeps the task id and adds the result URL, expiry and seed on success; progress restarts for the download', () => {
    const running = { ...jobIn('running'), progress: 80, etaSeconds: 5 };
    const out = transition(running, eventOf('succeeded'));
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.job.remote).toMatchObject({ taskId: 'task-1', resultUrl: 'https://cdn/x.mp4', seed: 42 });
    expect(out.job.progress).toBe(0);
    expect(out.job.etaSeconds).toBeUndefined();
  });

  it('refuses success for a job that has no provider task', () => {
    const odd = { ...jobIn('submitted'), remote: undefined };
    expect(transition(odd, eventOf('succeeded')).ok).toBe(false);
  });

  it('clamps progress and updates ETA and queue position without a history line', () => {
    const out = transition(jobIn('submitted'), { type: 'progress', at: T0 + 5, progress: 140, etaSeconds: -3, queuePosition: 2.7 });
    expect(out.ok && [out.job.progress, out.job.etaSeconds, out.job.queuePosition]).toEqual([100, 0, 2]);
  });

  it('sets and clears a notice with progress events', () => {
    const set = transition(jobIn('running'), { type: 'progress', at: T0 + 5, notice: 'Provider busy.' });
    expect(set.ok && set.job.notice).toBe('Provider busy.');
    if (!set.ok) return;
    const cleared = transition(set.job, { type: 'progress', at: T0 + 6, notice: null });
    expect(cleared.ok && 'notice' in cleared.job).toBe(false);
  });

  it('records the error and its message in the timeline on failing exits, and drops live fields', () => {
    for (const type of ['fail', 'expire'] as const) {
      const out = transition({ ...jobIn('running'), progress: 40, etaSeconds: 9 }, eventOf(type));
      expect(out.ok).toBe(true);
      if (!out.ok) continue;
      expect(out.job.error).toEqual(err);
      expect(out.job.history.at(-1)?.note).toBe(err.message);
      expect(out.job.progress).toBeUndefined();
      expect(out.job.etaSeconds).toBeUndefined();
    }
  });

  it('records the route a job is sent by', () => {
    const out = transition(jobIn('queued'), { type: 'submit', at: T0 + 5, route: 'demo' });
    expect(out.ok && out.job.route).toBe('demo');
  });

  it('a job needing attention found at the provider gets its task and loses the error', () => {
    const out = transition({ ...jobIn('needs_attention'), error: err }, eventOf('recovered'));
    expect(out.ok && out.job.remote).toEqual({ taskId: 'cgt-1', handle: {} });
    expect(out.ok && out.job.error).toBeUndefined();
    expect(out.ok && out.job.history.at(-1)?.note).toBe('Found at ModelArk.');
  });

  it('keeps the requeue reason as a notice and in the timeline', () => {
    const out = transition(jobIn('submitting'), eventOf('requeue'));
    expect(out.ok && out.job.notice).toBe('Provider busy.');
    expect(out.ok && out.job.history.at(-1)?.note).toBe('Provider busy.');
  });

  it('walks the whole happy path with one timestamp per state', () => {
    let job = jobIn('draft');
    const path: JobEventType[] = ['enqueue', 'submit', 'accepted', 'started', 'progress', 'succeeded', 'progress', 'completed'];
    path.forEach((type, i) => {
      const out = transition(job, eventOf(type, T0 + (i + 1) * 1000));
      if (!out.ok) throw new Error(out.reason);
      job = out.job;
    });
    expect(job.state).toBe('completed');
    expect(job.history.map((h) => h.state)).toEqual(['draft', 'queued', 'submitting', 'submitted', 'running', 'downloading', 'completed']);
    expect(job.times.running).toBe(T0 + 4000);
    expect(job.result).toMatchObject({ sha256: 'a'.repeat(64), bytes: 10 });
  });
});

describe('notices and notes carry their phrase (issue 14)', () => {
  const phrase = { code: 'job.tryingAgain', values: { problem: 'Busy.', seconds: 12 } };

  it('a requeue sets the notice and the timeline note with the phrase; being accepted clears both', () => {
    const requeued = transition(jobIn('submitting'), { type: 'requeue', note: 'Busy. Trying again in 12 s.', notePhrase: phrase, at: T0 + 1000 });
    if (!requeued.ok) throw new Error(requeued.reason);
    expect(requeued.job).toMatchObject({ state: 'queued', notice: 'Busy. Trying again in 12 s.', noticePhrase: phrase });
    expect(requeued.job.history.at(-1)).toEqual({ state: 'queued', at: T0 + 1000, note: 'Busy. Trying again in 12 s.', notePhrase: phrase });
    const live = transition(requeued.job, { type: 'progress', notice: 'Without a phrase.', at: T0 + 1500 });
    if (!live.ok) throw new Error(live.reason);
    expect(live.job.notice).toBe('Without a phrase.');
    expect(live.job.noticePhrase).toBeUndefined();
  });

  it('a failure’s timeline note is its message, with its phrase', () => {
    const failed = transition(jobIn('running'), { type: 'fail', error: { ...err, phrase: { code: 'failure.timeout', values: { provider: 'Novita' } } }, at: T0 + 1000 });
    if (!failed.ok) throw new Error(failed.reason);
    expect(failed.job.history.at(-1)).toMatchObject({ note: 'The provider failed.', notePhrase: { code: 'failure.timeout' } });
  });
});
