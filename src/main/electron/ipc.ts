import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { channelName } from '../../shared/contract/define';
import { contract } from '../../shared/contract/index';
import type { Result } from '../../shared/contract/result';
import type { EventBus } from '../ipc/events';
import type { Router } from '../ipc/router';
import { isAllowedNavigation } from '../security/navigation';
import { isTrustedSender } from '../security/sender';

/** What `registerIpc` needs: the core (while it comes up), our origin, and the windows to notify. */
export interface IpcOptions {
  /** The core's router and event bus; calls made before it resolves wait for it. */
  core: Promise<{ router: Router; events: EventBus }>;
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
 * `domain:event` channel. Returns an undo function.
 */
export function registerIpc(options: IpcOptions): () => void {
  const { core, appOrigin } = options;
  const channels = contractRequestChannels();
  for (const channel of channels) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> => {
      const frame = event.senderFrame;
      const trusted = isTrustedSender({ frameUrl: frame?.url, isMainFrame: frame != null && frame.parent === null }, appOrigin);
      if (!trusted) return { ok: false, error: { code: 'FORBIDDEN', message: `${channel} is only available to the Studio window.` } };
      return (await core).router.dispatch(channel, input, { host: 'electron' });
    });
  }
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
