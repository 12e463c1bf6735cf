import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TableEvent } from '../../../../src/main/jobs/numbered-events';
import { createNativeText } from '../../../../src/main/i18n/native-text';
import { createJobMirror } from '../../../../src/main/jobs/job-mirror';
import { createMemoryLogger } from '../../../../src/main/logging/logger';
import type { DesktopNotification } from '../../../../src/main/notify/notification-text';
import { createJobNotifier, type JobNotifier } from '../../../../src/main/notify/notifier';
import { createSettingsStore, type SettingsStore } from '../../../../src/main/settings/store';
import type { Job } from '../../../../src/shared/jobs/job';
import { jobThrough } from './job-fixture';
import { interruptedSubmitMessage } from '../../../../src/main/jobs/store';

/**
 * The notifier itself, fed by main's real job mirror (what the engine host publishes), driven by
 * hand with numbered engine events and snapshots in place of an engine process (the engine is not
 * under test here; tests/integration/notify runs the notifier on a real engine, a real crash and
 * the simulator). Settings are the real store on a temporary folder.
 */

const NOW = 1_800_000_000_000;
const LIFE = ['queued', 'submitting', 'submitted', 'running', 'downloading'] as const;

/** Main's mirror as an engine process would feed it: a snapshot per engine start, then numbered events. */
function engineFeed() {
  const mirror = createJobMirror(createMemoryLogger());
  let seq = 0;
  let listeners = 0;
  return {
    jobs: {
      table: () => mirror.table(),
      subscribe(listener: Parameters<typeof mirror.subscribe>[0]) {
        listeners++;
        const off = mirror.subscribe(listener);
        return () => {
          listeners--;
          return off();
        };
      },
    },
    /** The engine (re)started with this table (its store after recovery). */
    start(jobs: Job[]) {
      mirror.engineStopped();
      seq = 0;
      mirror.replace({ seq, jobs });
    },
    emit: (event: TableEvent) => mirror.apply(++seq, event),
    listeners: () => listeners,
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

/**
 * A notifier on a fresh feed. By default the engine has started with `initial` before the notifier
 * is created (as after an app restart's `start`); `createdFirst` creates it before the first snapshot.
 */
function start(initial: Job[], opts: { focused?: () => boolean; show?: (n: DesktopNotification) => void; createdFirst?: boolean } = {}) {
  const engine = engineFeed();
  if (!opts.createdFirst) engine.start(initial);
  const shown: DesktopNotification[] = [];
  const progress: Array<number | null> = [];
  const log = createMemoryLogger();
  notifier = createJobNotifier({
    jobs: engine.jobs,
    settings,
    text: createNativeText(() => []),
    log,
    isWindowFocused: opts.focused ?? (() => false),
    show: opts.show ?? ((n) => shown.push(n)),
    setProgress: (f) => progress.push(f),
    now: () => NOW,
  });
  if (opts.createdFirst) engine.start(initial);
  return { engine, shown, progress, log };
}

describe('createJobNotifier', () => {
  it('announces a job that completes, once, while the window is not focused', async () => {
    const running = jobThrough('job-aaaa-01', [...LIFE.slice(0, 4)], { progress: 30 }, NOW + 1000);
    const { engine, shown } = start([running]);
    const downloading = enter(running, 'downloading', NOW + 10_000);
    const done = enter(downloading, 'completed', NOW + 11_000, { result: { libraryId: 'clip0001abcd' } });
    engine.emit({ type: 'changed', jobs: [downloading] });
    engine.emit({ type: 'changed', jobs: [done] });
    // The library and the Queue touch finished jobs again (a later `changed` with the same state).
    engine.emit({ type: 'changed', jobs: [{ ...done, updatedAt: NOW + 12_000 }] });
    expect(shown).toEqual([
      { title: 'Video ready', body: 'a paper boat on a pond, job-aaaa-01 · Seedance 1.0 Pro · text to video', jobId: 'job-aaaa-01', actions: ['open', 'continue'] },
    ]);
  });

  it('announces failures and expiries with their reason', async () => {
    const a = jobThrough('job-fail-01', ['queued', 'submitting', 'submitted', 'running'], {}, NOW + 1);
    const b = jobThrough('job-fail-02', ['queued', 'submitting', 'submitted', 'running', 'downloading'], {}, NOW + 1);
    const { engine, shown } = start([a, b]);
    engine.emit({ type: 'changed', jobs: [enter(a, 'failed', NOW + 20_000, { error: { kind: 'quota', message: 'Your Novita balance is too low.' } })] });
    engine.emit({ type: 'changed', jobs: [enter(b, 'expired', NOW + 20_000, { error: { kind: 'expired', message: 'The link expired.' } })] });
    expect(shown.map((n) => [n.jobId, n.title, n.body.split('\n')[0]])).toEqual([
      ['job-fail-01', 'Video failed', 'Your Novita balance is too low.'],
      ['job-fail-02', 'Video expired', 'The link expired.'],
    ]);
  });

  it('announces a job the restarted engine recovered as needs_attention (it comes in the snapshot, with no event of its own)', async () => {
    const sending = jobThrough('job-crash-01', ['queued', 'submitting'], { progress: 0 }, NOW + 1);
    const other = jobThrough('job-crash-02', ['queued', 'submitting', 'submitted', 'running'], { progress: 40 }, NOW + 1);
    const { engine, shown, progress } = start([sending, other]);
    expect(progress).toEqual([0.2]);
    // The engine died mid-submit; its store recovered the job on the next start.
    const recovered = enter(sending, 'needs_attention', NOW + 30_000, { error: { kind: 'interrupted', message: interruptedSubmitMessage('Novita') } });
    engine.start([recovered, other]);
    expect(shown).toEqual([
      { title: 'Job needs attention', body: `${interruptedSubmitMessage('Novita')}\n${sending.params.prompt}`, jobId: 'job-crash-01', actions: ['open'] },
    ]);
    // The job no longer counts as running: the taskbar follows the snapshot, not the dead engine's last word.
    expect(progress).toEqual([0.2, 0.4]);
    // A second restart with the same table announces nothing again.
    engine.start([recovered, other]);
    expect(shown).toHaveLength(1);
  });

  it('stays quiet while the window is focused, and does not announce that job later', async () => {
    let focused = true;
    const running = jobThrough('job-focus-01', [...LIFE], {}, NOW + 1);
    const { engine, shown } = start([running], { focused: () => focused });
    const done = enter(running, 'completed', NOW + 5_000);
    engine.emit({ type: 'changed', jobs: [done] });
    focused = false;
    engine.emit({ type: 'changed', jobs: [{ ...done, updatedAt: NOW + 6_000 }] });
    expect(shown).toEqual([]);
  });

  it('follows the settings: onFinish off silences finished jobs only, onFail off silences failures only', async () => {
    const jobs = ['job-set-01', 'job-set-02', 'job-set-03', 'job-set-04'].map((id) => jobThrough(id, [...LIFE], {}, NOW + 1));
    const { engine, shown } = start(jobs);
    settings.update({ notifications: { onFinish: false } });
    engine.emit({ type: 'changed', jobs: [enter(jobs[0] as Job, 'completed', NOW + 9_000)] });
    engine.emit({ type: 'changed', jobs: [enter(jobs[1] as Job, 'failed', NOW + 9_000)] });
    settings.update({ notifications: { onFinish: true, onFail: false } });
    engine.emit({ type: 'changed', jobs: [enter(jobs[2] as Job, 'completed', NOW + 9_000)] });
    engine.emit({ type: 'changed', jobs: [enter(jobs[3] as Job, 'expired', NOW + 9_000)] });
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
    const { engine, shown } = start(old);
    for (const job of old) engine.emit({ type: 'changed', jobs: [{ ...job, updatedAt: NOW + 1_000, order: 5 }] });
    expect(shown).toEqual([]);
  });

  it('created before the engine started: the first snapshot is the baseline; a job recovered on this start is news, older ends are not', async () => {
    const old = jobThrough('job-old-04', [...LIFE, 'completed'], {}, NOW - 60_000);
    const oldAttention = jobThrough('job-old-05', ['queued', 'submitting', 'needs_attention'], {}, NOW - 60_000);
    // Recovered by the store on this start: it entered needs_attention after the notifier started.
    const recovered = enter(jobThrough('job-new-01', ['queued', 'submitting'], {}, NOW - 30_000), 'needs_attention', NOW + 200);
    const { shown } = start([old, oldAttention, recovered], { createdFirst: true });
    expect(shown.map((n) => [n.jobId, n.title])).toEqual([['job-new-01', 'Job needs attention']]);
  });

  it('takes a snapshot as the whole truth: jobs missing from it are forgotten, and a later end of theirs is news again', async () => {
    const a = jobThrough('job-snap-01', ['queued', 'submitting', 'submitted', 'running'], { progress: 50 }, NOW + 1);
    const { engine, progress, shown } = start([a]);
    engine.start([]);
    expect(progress).toEqual([0.5, null]);
    engine.emit({ type: 'changed', jobs: [enter(a, 'failed', NOW + 9_000, { error: { kind: 'provider_error', message: 'It broke.' } })] });
    expect(shown.map((n) => n.jobId)).toEqual(['job-snap-01']);
  });

  it('sends the taskbar the mean progress of running jobs, only when it changes, and null when none runs', async () => {
    const a = jobThrough('job-prog-01', ['queued', 'submitting', 'submitted', 'running'], { progress: 20 }, NOW + 1);
    const b = jobThrough('job-prog-02', ['queued'], {}, NOW + 1);
    const { engine, progress } = start([a, b]);
    expect(progress).toEqual([0.2]);
    const b2 = enter(enter(b, 'submitting', NOW + 2_000), 'submitted', NOW + 2_100);
    engine.emit({ type: 'changed', jobs: [b2] }); // (20 + 0) / 2
    engine.emit({ type: 'changed', jobs: [{ ...b2, updatedAt: NOW + 2_200 }] }); // no change: nothing sent
    const a2 = { ...a, progress: 60, updatedAt: NOW + 3_500 };
    engine.emit({ type: 'changed', jobs: [a2] }); // (60 + 0) / 2
    engine.emit({ type: 'changed', jobs: [enter(a2, 'downloading', NOW + 4_000, { progress: 0 })] }); // (100 + 0) / 2
    engine.emit({ type: 'removed', id: 'job-prog-02' }); // only the download is left
    engine.emit({ type: 'changed', jobs: [enter(enter(a2, 'downloading', NOW + 4_000), 'completed', NOW + 5_000)] });
    expect(progress).toEqual([0.2, 0.1, 0.3, 0.5, 1, null]);
  });

  it('keeps going when the host fails to show a notification, and logs it', async () => {
    const jobs = ['job-host-01', 'job-host-02'].map((id) => jobThrough(id, [...LIFE], {}, NOW + 1));
    let calls = 0;
    const { engine, log } = start(jobs, {
      show: () => {
        calls++;
        throw new Error('no notification daemon');
      },
    });
    engine.emit({ type: 'changed', jobs: [enter(jobs[0] as Job, 'completed', NOW + 9_000)] });
    engine.emit({ type: 'changed', jobs: [enter(jobs[1] as Job, 'completed', NOW + 9_000)] });
    expect(calls).toBe(2);
    expect(log.lines.filter((l) => l.event === 'notify.show_failed')).toHaveLength(2);
  });

  it('stops listening on dispose', async () => {
    const running = jobThrough('job-disp-01', [...LIFE], {}, NOW + 1);
    const { engine, shown } = start([running]);
    notifier?.dispose();
    expect(engine.listeners()).toBe(0);
    engine.emit({ type: 'changed', jobs: [enter(running, 'completed', NOW + 9_000)] });
    expect(shown).toEqual([]);
  });
});
