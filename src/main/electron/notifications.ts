import { Notification, type BrowserWindow } from 'electron';
import type { NativeText } from '../i18n/native-text';
import type { NativeKey } from '../i18n/resources';
import type { NotificationAction } from '../notify/notification-text';
import type { NotifyHost } from '../notify/notifier';

export interface ElectronDesktopOptions {
  /** The Studio window, or undefined while none is open (macOS keeps running with no window). */
  window: () => BrowserWindow | undefined;
  /** Called after a click on a notification (`open`) or one of its buttons has brought the window forward. */
  onActivate: (jobId: string, action: NotificationAction) => void;
  /** The OS refused a notification (Windows: no app id or Start menu shortcut); `error` is its message. */
  onFailed: (jobId: string, error: string) => void;
  /** Button labels, in the app's language when the notification is posted. */
  text: Pick<NativeText, 't'>;
}

/** Button labels' keys; the words are the in-app toasts' (src/renderer/views/queue/JobToasts.tsx). */
const BUTTON_TEXT: Record<NotificationAction, NativeKey> = { open: 'notification.open', continue: 'notification.continue' };

/**
 * The Electron desktop for the job notifier (`NotifyHost`):
 * - `show` posts a native `Notification`. A click on it means `open`; every action except `open`
 *   becomes a button (Electron shows buttons on macOS — signed apps with the alert style — and
 *   Windows; elsewhere the click alone works). Either brings the window forward, then calls
 *   `onActivate`. Systems without notifications (`Notification.isSupported()` false) show nothing.
 * - `setProgress` is `BrowserWindow.setProgressBar` (−1 removes the bar; Linux needs the
 *   launcher's LauncherEntry support and a matching `.desktop` name).
 * - `isWindowFocused` is the window's own `isFocused()`; no window counts as not focused.
 */
export function createElectronDesktop(options: ElectronDesktopOptions): NotifyHost {
  // Electron drops a notification's click handlers if the object is garbage-collected while it is
  // on screen; keep each one until it is clicked, closed or failed.
  const live = new Set<Notification>();

  function bringForward(): void {
    const win = options.window();
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  }

  return {
    isWindowFocused() {
      const win = options.window();
      return !!win && !win.isDestroyed() && win.isFocused();
    },
    show(n) {
      if (!Notification.isSupported()) return;
      const buttons = n.actions.filter((a) => a !== 'open');
      const notification = new Notification({
        title: n.title,
        body: n.body,
        actions: buttons.map((a) => ({ type: 'button' as const, text: options.text.t(BUTTON_TEXT[a]) })),
      });
      const activate = (action: NotificationAction) => {
        live.delete(notification);
        bringForward();
        options.onActivate(n.jobId, action);
      };
      notification.on('click', () => activate('open'));
      notification.on('action', (details) => activate(buttons[details.actionIndex] ?? 'open'));
      notification.on('close', () => live.delete(notification));
      notification.on('failed', (_event, error) => {
        live.delete(notification);
        options.onFailed(n.jobId, error);
      });
      live.add(notification);
      notification.show();
    },
    setProgress(fraction) {
      const win = options.window();
      if (!win || win.isDestroyed()) return;
      win.setProgressBar(fraction === null ? -1 : fraction);
    },
  };
}
