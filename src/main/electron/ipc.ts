import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { channelName } from '../../shared/contract/define';
import { FILE_GRANT_CHANNEL, type FileGrant } from '../../shared/contract/files';
import { contract } from '../../shared/contract/index';
import type { Result } from '../../shared/contract/result';
import type { EventBus } from '../ipc/events';
import type { Router } from '../ipc/router';
import { isAllowedNavigation } from '../security/navigation';
import { isTrustedSender } from '../security/sender';

/** What `registerIpc` needs: the core (while it comes up), our origin, and the windows to notify. */
export interface IpcOptions {
  /**
   * The core's router, event bus and the preload's file grant (`Studio.grants.grant`, carried on
   * `FILE_GRANT_CHANNEL`); calls made before it resolves wait for it.
   */
  core: Promise<{ router: Router; events: EventBus; grants: { grant: (raw: unknown) => Result<FileGrant> } }>;
  /** `app://renderer`, or the dev server's origin under `electron-vite dev`. */
  appOrigin: string;
  /** The Studio windows' webContents that should receive events. */
  targets: () => WebContents[];
}

/** Every request channel of the contract, `domain:verb`: known before the core exists. */
export function contractRequestChannels(): string[] {
  return Object.entries(contract).flatMap(([domain, def]) => Object.keys(def.requests).map((verb) => channelName(domain, verb)));
}

/**
 * Carries the contract over Electron IPC: one `ipcMain.handle` per request channel of the contract
 * (`domain:verb`), registered at once so the window can load while the core comes up (a call waits
 * for it), each refusing with `FORBIDDEN` unless the sender is the main frame of our origin
 * (sub-frames, other origins and destroyed frames never reach the router); and, once the core is
 * up, every EventBus event sent to the Studio windows as an `ipcRenderer` event on its
 * `domain:event` channel. The preload's own `FILE_GRANT_CHANNEL` gets the same sender check.
 * Returns an undo function.
 */
export function registerIpc(options: IpcOptions): () => void {
  const { core, appOrigin } = options;
  const handle = (channel: string, run: (ready: Awaited<IpcOptions['core']>, input: unknown) => Promise<Result<unknown>> | Result<unknown>) =>
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> => {
      const frame = event.senderFrame;
      const trusted = isTrustedSender({ frameUrl: frame?.url, isMainFrame: frame != null && frame.parent === null }, appOrigin);
      if (!trusted) return { ok: false, error: { code: 'FORBIDDEN', message: `${channel} is only available to the Studio window.` } };
      return run(await core, input);
    });
  // The preload's grant channel is outside the contract (the page has no function for it) but gets the same sender check.
  const channels = [...contractRequestChannels(), FILE_GRANT_CHANNEL];
  for (const channel of contractRequestChannels()) handle(channel, (ready, input) => ready.router.dispatch(channel, input, { host: 'electron' }));
  handle(FILE_GRANT_CHANNEL, (ready, input) => ready.grants.grant(input));
  let unsubscribe: (() => void) | undefined;
  let undone = false;
  // A core that fails to start is the fatal path (index.ts); there are no events to forward then.
  core.then(({ events }) => {
    if (undone) return;
    unsubscribe = events.subscribe((channel, payload) => {
      for (const contents of options.targets()) {
        // A window that somehow left our origin must not keep receiving app state.
        if (!contents.isDestroyed() && isAllowedNavigation(contents.getURL(), appOrigin)) contents.send(channel, payload);
      }
    });
  }, () => undefined);
  return () => {
    undone = true;
    for (const channel of channels) ipcMain.removeHandler(channel);
    unsubscribe?.();
  };
}
