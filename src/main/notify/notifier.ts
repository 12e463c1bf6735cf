import type { Job } from '../../shared/jobs/job';
import type { EngineHost } from '../jobs/engine-host';
import type { NativeText } from '../i18n/native-text';
import type { Logger } from '../logging/logger';
import type { SettingsStore } from '../settings/store';
import { notificationFor, notifySettingFor, type DesktopNotification } from './notification-text';
import { aggregateProgress } from './progress';

/**
 * What the host gives the notifier (Electron: `Notification` and `BrowserWindow.setProgressBar`;
 * the harness: an in-memory recorder the test hooks read).
 * - `isWindowFocused`: true while the user looks at the window — its own toasts cover job ends then.
 * - `show`: puts one notification on the desktop; must not throw (a host that cannot show logs it).
 * - `setProgress`: the taskbar/dock progress as a fraction 0–1, or null to remove it.
 */
export interface NotifyHost {
  isWindowFocused(): boolean;
  show(notification: DesktopNotification): void;
  setProgress(fraction: number | null): void;
}

export interface JobNotifierOptions extends NotifyHost {
  /** Main's job table and its events (EngineHost in the app). */
  jobs: Pick<EngineHost, 'subscribe' | 'table'>;
  /** Read at each job end, so a change in Settings applies at once. */
  settings: Pick<SettingsStore, 'get'>;
  /** The notifications' words, in the app's language when each is shown. */
  text: Pick<NativeText, 't' | 'phrase'>;
  log: Logger;
  /** ms epoch; default `Date.now`. Compared with the engine's `times`, which use the same wall clock. */
  now?: () => number;
}

export interface JobNotifier {
  /** Stops listening; shows and sets nothing more. Idempotent. */
  dispose(): void;
}

/**
 * Desktop notifications for job ends and the taskbar progress (issue 5, "Notify"; UX.md "Frame").
 *
 * A job notifies once, the first time it is seen in a state `notificationFor` covers, and only
 * when the window is not focused and the state's setting (`notifications.onFinish` / `onFail`) is
 * on; a job that ends while the window is focused, or with the setting off, is not announced
 * later either. Jobs that had already ended before the notifier started (a restart) never notify:
 * the first table it sees — main's table at creation, or the engine's first snapshot when created
 * before the engine started — marks those whose state was entered (`times[state]`) before then.
 * A later snapshot (the engine restarted) is news like any change: a job its recovery turned into
 * `needs_attention` is announced.
 *
 * Progress: after every change the mean progress of running jobs (`aggregateProgress`) goes to
 * `setProgress`, only when it differs from the last value sent (the OS call is not free and the
 * engine reports progress on every poll).
 */
export function createJobNotifier(options: JobNotifierOptions): JobNotifier {
  const { log } = options;
  const now = options.now ?? Date.now;
  const startedAt = now();
  const jobs = new Map<string, Job>();
  /** Jobs whose end was already seen: announced, skipped (focused / setting off), or ended before start. */
  const settled = new Set<string>();
  let lastProgress: number | null | undefined;
  let disposed = false;
  let baseline = false;

  const unsubscribe = options.jobs.subscribe((event) => {
    if (disposed) return;
    switch (event.type) {
      case 'snapshot':
        return replace(event.jobs);
      case 'changed':
        // Main publishes in the engine's order (job-mirror.ts): the latest copy is the truth.
        for (const job of event.jobs) {
          jobs.set(job.id, job);
          announce(job);
        }
        return updateProgress();
      case 'removed':
        jobs.delete(event.id);
        settled.delete(event.id);
        return updateProgress();
      case 'stats':
        return;
    }
  });
  const first = options.jobs.table();
  if (first.version > 0) replace(first.jobs);

  /** Takes `list` as the whole table (even where older than a copy seen before: progress the dead engine never saved). */
  function replace(list: readonly Job[]): void {
    const present = new Set(list.map((job) => job.id));
    for (const id of settled) if (!present.has(id)) settled.delete(id);
    jobs.clear();
    for (const job of list) jobs.set(job.id, job);
    if (!baseline) {
      baseline = true;
      for (const job of list) if (notifySettingFor(job.state) && (job.times[job.state] ?? 0) < startedAt) settled.add(job.id);
    }
    for (const job of list) announce(job);
    updateProgress();
  }

  function announce(job: Job): void {
    const setting = notifySettingFor(job.state);
    if (!setting || settled.has(job.id)) return;
    settled.add(job.id);
    const notification = notificationFor(job, options.text);
    if (!notification || !options.settings.get().notifications[setting] || options.isWindowFocused()) return;
    try {
      options.show(notification);
      log.info('notify.shown', { jobId: job.id, state: job.state });
    } catch (err) {
      log.error('notify.show_failed', { jobId: job.id, error: err });
    }
  }

  function updateProgress(): void {
    const fraction = aggregateProgress(jobs.values());
    if (fraction === lastProgress) return;
    lastProgress = fraction;
    try {
      options.setProgress(fraction);
    } catch (err) {
      log.error('notify.progress_failed', { error: err });
    }
  }

  return {
    dispose() {
      if (disposed) return;
      disposed = true;
      unsubscribe();
    },
  };
}
