import type { Job } from '../../shared/jobs/job';
import type { EngineApi } from '../jobs/api';
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
  /** The job engine's events and its list (EngineHost in the app). */
  jobs: Pick<EngineApi, 'subscribe' | 'list'>;
  /** Read at each job end, so a change in Settings applies at once. */
  settings: Pick<SettingsStore, 'get'>;
  log: Logger;
  /** ms epoch; default `Date.now`. Compared with the engine's `times`, which use the same wall clock. */
  now?: () => number;
}

export interface JobNotifier {
  /** Resolves once the jobs that had already ended at start are known (before that, events wait). Never rejects. */
  readonly ready: Promise<void>;
  /** Stops listening; shows and sets nothing more. Idempotent. */
  dispose(): void;
}

/**
 * Desktop notifications for job ends and the taskbar progress (issue 5, "Notify"; UX.md "Frame").
 *
 * A job notifies once, the first time it is seen in a state `notificationFor` covers, and only
 * when the window is not focused and the state's setting (`notifications.onFinish` / `onFail`) is
 * on; a job that ends while the window is focused, or with the setting off, is not announced
 * later either. Jobs that had already ended when the notifier started (a restart) never notify:
 * the first `list()` marks them. A job that ended between `subscribe` and that answer — its state
 * entered (`times[state]`) after the notifier started — still counts as new.
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
  let early: Job[] | null = [];
  let removedEarly = new Set<string>();
  let lastProgress: number | null | undefined;
  let disposed = false;

  const unsubscribe = options.jobs.subscribe((event) => {
    if (disposed) return;
    if (event.type === 'changed') {
      if (early) early.push(event.job);
      else changed(event.job);
    } else if (event.type === 'removed') {
      if (early) removedEarly.add(event.id);
      jobs.delete(event.id);
      settled.delete(event.id);
      updateProgress();
    }
  });

  const ready = options.jobs
    .list()
    .then((list) => {
      if (disposed) return;
      for (const job of list) {
        if (removedEarly.has(job.id)) continue;
        jobs.set(job.id, job);
        if (notifySettingFor(job.state) && (job.times[job.state] ?? 0) < startedAt) settled.add(job.id);
      }
      const waiting = early ?? [];
      early = null;
      removedEarly = new Set();
      for (const job of waiting) changed(job);
      updateProgress();
    })
    .catch((err: unknown) => {
      // Only an engine that shut down refuses `list`; without the baseline, stay quiet rather than re-announce old jobs.
      log.error('notify.list_failed', { error: err });
      disposed = true;
      unsubscribe();
    });

  function changed(job: Job): void {
    const before = jobs.get(job.id);
    // Events may arrive out of order around an engine restart; never step back to an older copy.
    if (before && before.updatedAt > job.updatedAt) return;
    jobs.set(job.id, job);
    announce(job);
    updateProgress();
  }

  function announce(job: Job): void {
    const setting = notifySettingFor(job.state);
    if (!setting || settled.has(job.id)) return;
    settled.add(job.id);
    const notification = notificationFor(job);
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
    ready,
    dispose() {
      if (disposed) return;
      disposed = true;
      unsubscribe();
    },
  };
}
