import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { FILE_GRANT_CHANNEL, type FileGrant } from '../../shared/contract/files';
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
  /** The preload's file grant (`Studio.grants.grant`), carried on `FILE_GRANT_CHANNEL`. */
  grantFile: (raw: unknown) => Result<FileGrant>;
}

/**
 * Carries the contract over Electron IPC: one `ipcMain.handle` per request channel (`domain:verb`),
 * each refusing with `FORBIDDEN` unless the sender is the main frame of our origin (sub-frames,
 * other origins and destroyed frames never reach the router), and every EventBus event sent to the
 * Studio windows as an `ipcRenderer` event on its `domain:event` channel. The preload's own
 * `FILE_GRANT_CHANNEL` (outside the contract, so the page has no function for it) gets the same
 * sender check. Returns an undo function.
 */
export function registerIpc(options: IpcOptions): () => void {
  const { router, events, appOrigin } = options;
  const handle = (channel: string, run: (input: unknown) => Promise<Result<unknown>> | Result<unknown>) =>
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> | Result<unknown> => {
      const frame = event.senderFrame;
      const trusted = isTrustedSender({ frameUrl: frame?.url, isMainFrame: frame != null && frame.parent === null }, appOrigin);
      if (!trusted) return { ok: false, error: { code: 'FORBIDDEN', message: `${channel} is only available to the Studio window.` } };
      return run(input);
    });
  for (const channel of router.channels) handle(channel, (input) => router.dispatch(channel, input, { host: 'electron' }));
  handle(FILE_GRANT_CHANNEL, options.grantFile);
  const unsubscribe = events.subscribe((channel, payload) => {
    for (const contents of options.targets()) {
      // A window that somehow left our origin must not keep receiving app state.
      if (!contents.isDestroyed() && isAllowedNavigation(contents.getURL(), appOrigin)) contents.send(channel, payload);
    }
  });
  return () => {
    for (const channel of router.channels) ipcMain.removeHandler(channel);
    ipcMain.removeHandler(FILE_GRANT_CHANNEL);
    unsubscribe();
  };
}
