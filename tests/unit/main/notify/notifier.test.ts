import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../../src/main/jobs/api';
import { createMemoryLogger } from '../../../../src/main/logging/logger';
import type { DesktopNotification } from '../../../../src/main/notify/notification-text';
import { createJobNotifier, type JobNotifier } from '../../../../src/main/notify/notifier';
import { createSettingsStore, type SettingsStore } from '../../../../src/main/settings/store';
import type { Job } from '../../../../src/shared/jobs/job';
import { jobThrough } from './job-fixture';

/**
 * The notifier itself, fed by a hand-driven event source in place of the engine (the engine is not
 * under test here; tests/integration/notify runs the notifier on a real engine and simulator).
 * Settings are the real store on a temporary folder.
 */

const NOW = 1_800_000_000_000;
const LIFE = ['queued', 'submitting', 'submitted', 'running', 'downloading'] as const;

/** An engine's `subscribe` + `list`, where the test decides when `list` answers. */
function fakeEngine(initial: Job[]) {
  const listeners = new Set<(e: EngineEvent) => void>();
  let answer: (jobs: Job[]) => void = () => undefined;
  let fail: (err: Error) => void = () => undefined;
  const listed = new Promise<Job[]>((resolve, reject) => {
    answer = resolve;
    fail = reject;
  });
  return {
    subscribe(listener: (e: EngineEvent) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    list: () => listed,
    answerList: () => answer(initial),
    failList: () => fail(new Error('The job engine has shut down.')),
    emit: (event: EngineEvent) => {
      for (const l of listeners) l(event);
    },
    listeners: () => listeners.size,
  };
}

/** `job` moved on to `state` at `at` (ms epoch), as the engine's transition would write it. */
function enter(job: Job, state: Job['state'], at: number, extra: Partial<Job> = {}): Job {
  return { ...job, ...extra, state, times: { ...job.times, [state]: at }, updatedAt: at, history: [...job.history, { state, at }] };
}

let dir: string;
let settings: SettingsStore;
let notifier: JobNotifier | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'notifier-'));
  settings = createSettingsStore({ dir, defaultLibraryDir: join(dir, 'library'), log: createMemoryLogger() });
});
afterEach(() => {
  notifier?.dispose();
  notifier = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function start(initial: Job[], opts: { focused?: () => boolean; show?: (n: DesktopNotification) => void } = {}) {
  const engine = fakeEngine(initial);
  const shown: DesktopNotification[] = [];
  const progress: Array<number | null> = [];
  const log = createMemoryLogger();
  notifier = createJobNotifier({
    jobs: engine,
    settings,
    log,
    isWindowFocused: opts.focused ?? (() => false),
    show: opts.show ?? ((n) => shown.push(n)),
    setProgress: (f) => progress.push(f),
    now: () => NOW,
  });
  return { engine, shown, progress, log, ready: notifier.ready };
}

describe('createJobNotifier', () => {
  it('announces a job that completes, once, while the window is not focused', async () => {
    const running = jobThrough('job-aaaa-01', [...LIFE.slice(0, 4)], { progress: 30 }, NOW + 1000);
    const { engine, shown, ready } = start([running]);
    engine.answerList();
    await ready;
    const downloading = enter(running, 'downloading', NOW + 10_000);
    const done = enter(downloading, 'completed', NOW + 11_000, { result: { libraryId: 'clip0001abcd' } });
    engine.emit({ type: 'changed', job: downloading });
    engine.emit({ type: 'changed', job: done });
    // The library and the Queue touch finished jobs again (a later `changed` with the same state).
    engine.emit({ type: 'changed', job: { ...done, updatedAt: NOW + 12_000 } });
    expect(shown).toEqual([
      { title: 'Video ready', body: 'a paper boat on a pond, job-aaaa-01 · Seedance 1.0 Pro · text to video', jobId: 'job-aaaa-01', actions: ['open', 'continue'] },
    ]);
  });

  it('announces failures, expiries and jobs needing attention with their reason', async () => {
    const a = jobThrough('job-fail-01', ['queued', 'submitting', 'submitted', 'running'], {}, NOW + 1);
    const b = jobThrough('job-fail-02', ['queued', 'submitting', 'submitted', 'running', 'downloading'], {}, NOW + 1);
    const c = jobThrough('job-fail-03', ['queued', 'submitting'], {}, NOW + 1);
    const { engine, shown, ready } = start([a, b, c]);
    engine.answerList();
    await ready;
    engine.emit({ type: 'changed', job: enter(a, 'failed', NOW + 20_000, { error: { kind: 'quota', message: 'Your Novita balance is too low.' } }) });
    engine.emit({ type: 'changed', job: enter(b, 'expired', NOW + 20_000, { error: { kind: 'expired', message: 'The link expired.' } }) });
    engine.emit({ type: 'changed', job: enter(c, 'needs_attention', NOW + 20_000, { error: { kind: 'interrupted', message: 'Unclear whether it was sent.' } }) });
    expect(shown.map((n) => [n.jobId, n.title, n.body.split('\n')[0]])).toEqual([
      ['job-fail-01', 'Video failed', 'Your Novita balance is too low.'],
      ['job-fail-02', 'Video expired', 'The link expired.'],
      ['job-fail-03', 'Job needs attention', 'Unclear whether it was sent.'],
    ]);
  });

  it('stays quiet while the window is focused, and does not announce that job later', async () => {
    let focused = true;
    const running = jobThrough('job-focus-01', [...LIFE], {}, NOW + 1);
    const { engine, shown, ready } = start([running], { focused: () => focused });
    engine.answerList();
    await ready;
    const done = enter(running, 'completed', NOW + 5_000);
    engine.emit({ type: 'changed', job: done });
    focused = false;
    engine.emit({ type: 'changed', job: { ...done, updatedAt: NOW + 6_000 } });
    expect(shown).toEqual([]);
  });

  it('follows the settings: onFinish off silences finished jobs only, onFail off silences failures only', async () => {
    const jobs = ['job-set-01', 'job-set-02', 'job-set-03', 'job-set-04'].map((id) => jobThrough(id, [...LIFE], {}, NOW + 1));
    const { engine, shown, ready } = start(jobs);
    engine.answerList();
    await ready;
    settings.update({ notifications: { onFinish: false } });
    engine.emit({ type: 'changed', job: enter(jobs[0] as Job, 'completed', NOW + 9_000) });
    engine.emit({ type: 'changed', job: enter(jobs[1] as Job, 'failed', NOW + 9_000) });
    settings.update({ notifications: { onFinish: true, onFail: false } });
    engine.emit({ type: 'changed', job: enter(jobs[2] as Job, 'completed', NOW + 9_000) });
    engine.emit({ type: 'changed', job: enter(jobs[3] as Job, 'expired', NOW + 9_000) });
    expect(shown.map((n) => [n.jobId, n.title])).toEqual([
      ['job-set-02', 'Video failed'],
      ['job-set-03', 'Video ready'],
    ]);
  });

  it('never re-announces jobs that had already ended when it started (a restart), even when they change again', async () => {
    const old = [
      jobThrough('job-old-01', [...LIFE, 'completed'], {}, NOW - 60_000),
      jobThrough('job-old-02', [...LIFE, 'failed'], { error: { kind: 'auth', message: 'Key refused.' } }, NOW - 60_000),
      jobThrough('job-old-03', ['queued', 'submitting', 'needs_attention'], {}, NOW - 60_000),
    ];
    const { engine, shown, ready } = start(old);
    engine.answerList();
    await ready;
    for (const job of old) engine.emit({ type: 'changed', job: { ...job, updatedAt: NOW + 1_000, order: 5 } });
    expect(shown).toEqual([]);
  });

  it('holds events until the first list answers; a job that ended in between is still news, an old one is not', async () => {
    const old = jobThrough('job-old-04', [...LIFE, 'completed'], {}, NOW - 60_000);
    const running = jobThrough('job-new-01', [...LIFE.slice(0, 4)], {}, NOW - 30_000);
    const justDone = enter(enter(running, 'downloading', NOW + 100), 'completed', NOW + 200);
    // The list answers with the job already completed: it ended after the notifier started.
    const { engine, shown, ready } = start([old, justDone]);
    engine.emit({ type: 'changed', job: justDone });
    engine.emit({ type: 'changed', job: { ...old, updatedAt: NOW + 300 } });
    expect(shown).toEqual([]);
    engine.answerList();
    await ready;
    expect(shown.map((n) => n.jobId)).toEqual(['job-new-01']);
  });

  it('ignores an older copy of a job that arrives after a newer one', async () => {
    const running = jobThrough('job-order-01', [...LIFE], {}, NOW + 1);
    const { engine, shown, ready } = start([running]);
    engine.answerList();
    await ready;
    const done = enter(running, 'completed', NOW + 9_000);
    engine.emit({ type: 'changed', job: done });
    engine.emit({ type: 'changed', job: running });
    expect(shown).toHaveLength(1);
  });

  it('sends the taskbar the mean progress of running jobs, only when it changes, and null when none runs', async () => {
    const a = jobThrough('job-prog-01', ['queued', 'submitting', 'submitted', 'running'], { progress: 20 }, NOW + 1);
    const b = jobThrough('job-prog-02', ['queued'], {}, NOW + 1);
    const { engine, progress, ready } = start([a, b]);
    engine.answerList();
    await ready;
    expect(progress).toEqual([0.2]);
    const b2 = enter(enter(b, 'submitting', NOW + 2_000), 'submitted', NOW + 2_100);
    engine.emit({ type: 'changed', job: b2 }); // (20 + 0) / 2
    engine.emit({ type: 'changed', job: { ...b2, updatedAt: NOW + 2_200 } }); // no change: nothing sent
    const a2 = { ...a, progress: 60, updatedAt: NOW + 3_500 };
    engine.emit({ type: 'changed', job: a2 }); // (60 + 0) / 2
    engine.emit({ type: 'changed', job: enter(a2, 'downloading', NOW + 4_000, { progress: 0 }) }); // (100 + 0) / 2
    engine.emit({ type: 'removed', id: 'job-prog-02' }); // only the download is left
    engine.emit({ type: 'changed', job: enter(enter(a2, 'downloading', NOW + 4_000), 'completed', NOW + 5_000) });
    expect(progress).toEqual([0.2, 0.1, 0.3, 0.5, 1, null]);
  });

  it('keeps going when the host fails to show a notification, and logs it', async () => {
    const jobs = ['job-host-01', 'job-host-02'].map((id) => jobThrough(id, [...LIFE], {}, NOW + 1));
    let calls = 0;
    const { engine, log, ready } = start(jobs, {
      show: () => {
        calls++;
        throw new Error('no notification daemon');
      },
    });
    engine.answerList();
    await ready;
    engine.emit({ type: 'changed', job: enter(jobs[0] as Job, 'completed', NOW + 9_000) });
    engine.emit({ type: 'changed', job: enter(jobs[1] as Job, 'completed', NOW + 9_000) });
    expect(calls).toBe(2);
    expect(log.lines.filter((l) => l.event === 'notify.show_failed')).toHaveLength(2);
  });

  it('stays quiet and stops listening when the first list is refused', async () => {
    const { engine, shown, progress, log, ready } = start([]);
    engine.failList();
    await ready;
    expect(engine.listeners()).toBe(0);
    expect(shown).toEqual([]);
    expect(progress).toEqual([]);
    expect(log.lines.some((l) => l.event === 'notify.list_failed')).toBe(true);
  });

  it('stops listening on dispose', async () => {
    const running = jobThrough('job-disp-01', [...LIFE], {}, NOW + 1);
    const { engine, shown, ready } = start([running]);
    engine.answerList();
    await ready;
    notifier?.dispose();
    expect(engine.listeners()).toBe(0);
    engine.emit({ type: 'changed', job: enter(running, 'completed', NOW + 9_000) });
    expect(shown).toEqual([]);
  });
});
