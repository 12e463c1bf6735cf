/**
 * The bridge between the sandboxed renderer and main: `window.studio`, built from the contract.
 * It is an adapter, never a tunnel — only the contract's named functions cross, each bound to its
 * own channel; there is no generic `invoke(channel)` or `on(channel)` and no `process` access.
 *
 * Iterating `contract` bundles zod's schema objects into this file (~60 KB). A generated list of
 * channel names would save that, but would be a second source of truth that can drift; the
 * preload is loaded once per window, so the size is accepted.
 */
import '../shared/zod-jitless';
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { buildStudioApi } from '../shared/contract/client';
import type { StudioApi } from '../shared/contract/index';
import type { Result } from '../shared/contract/result';

const api = buildStudioApi({
  invoke: (channel, input) => ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>,
  subscribe(channel, listener) {
    // Strip the IpcRendererEvent: it carries `sender` (the ipcRenderer itself) into the page.
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
}) satisfies StudioApi;

/**
 * The one addition outside the contract: the full path of a file the user dropped or picked, so
 * main can import it by path (`images:import`) without copying its bytes through IPC. Only a
 * `File` the user handed the page has a path; any other (pasted, built by script) gives `''`,
 * and the renderer then sends the bytes (`images:importBytes`). Electron 32+ removed `File.path`.
 */
const files = {
  pathForDroppedFile: (file: File): string => webUtils.getPathForFile(file),
};

contextBridge.exposeInMainWorld('studio', { ...api, files });
