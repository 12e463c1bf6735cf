import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Result } from '../../shared/contract/result';
import type { EventBus } from '../ipc/events';
import type { Router } from '../ipc/router';
import { isAllowedNavigation } from '../security/navigation';
import { isTrustedSender } from '../security/sender';

/** What `registerIpc` needs: the core's router and event bus, our origin, and the windows to notify. */
export interface IpcOptions {
  router: Router;
  events: EventBus;
  /** `app://renderer`, or the dev server's origin under `electron-vite dev`. */
  appOrigin: string;
  /** The Studio windows' webContents that should receive events. */
  targets: () => WebContents[];
}

/**
 * Carries the contract over Electron IPC: one `ipcMain.handle` per request channel (`domain:verb`),
 * each refusing with `FORBIDDEN` unless the sender is the main frame of our origin (sub-frames,
 * other origins and destroyed frames never reach the router), and every EventBus event sent to the
 * Studio windows as an `ipcRenderer` event on its `domain:event` channel. Returns an undo function.
 */
export function registerIpc(options: IpcOptions): () => void {
  const { router, events, appOrigin } = options;
  for (const channel of router.channels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> | Result<unknown> => {
      const frame = event.senderFrame;
      const trusted = isTrustedSender({ frameUrl: frame?.url, isMainFrame: frame != null && frame.parent === null }, appOrigin);
      if (!trusted) return { ok: false, error: { code: 'FORBIDDEN', message: `${channel} is only available to the Studio window.` } };
      return router.dispatch(channel, input, { host: 'electron' });
    });
  }
  const unsubscribe = events.subscribe((channel, payload) => {
    for (const contents of options.targets()) {
      // A window that somehow left our origin must not keep receiving app state.
      if (!contents.isDestroyed() && isAllowedNavigation(contents.getURL(), appOrigin)) contents.send(channel, payload);
    }
  });
  return () => {
    for (const channel of router.channels) ipcMain.removeHandler(channel);
    unsubscribe();
  };
}
