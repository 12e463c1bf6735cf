/**
 * The bridge between the sandboxed renderer and main: `window.studio`, built from the contract.
 * It is an adapter, never a tunnel — only the contract's named functions cross, each bound to its
 * own channel, plus `files.grant`; there is no generic `invoke(channel)` or `on(channel)` and no
 * `process` access.
 *
 * Iterating `contract` bundles zod's schema objects into this file (~60 KB). A generated list of
 * channel names would save that, but would be a second source of truth that can drift; the
 * preload is loaded once per window, so the size is accepted.
 */
import '../shared/zod-jitless';
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { buildStudioApi } from '../shared/contract/client';
import { FILE_GRANT_CHANNEL, FileGrant, type StudioBridge, type StudioFiles } from '../shared/contract/files';
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
});

/**
 * The one addition beside the contract: a `File` the user dropped or picked becomes a grant token.
 * The path never reaches the page — the preload reads it here (`webUtils.getPathForFile`; Electron
 * 32+ removed `File.path`) and sends it to main on `FILE_GRANT_CHANNEL`, which the page has no
 * function for; so a page script can grant only files the user gave it. A `File` not backed by a
 * file on disk (a paste, one built by script) has no path: null, and the renderer sends its bytes.
 */
const files: StudioFiles = {
  async grant(file) {
    let path: string;
    try {
      path = webUtils.getPathForFile(file);
    } catch {
      return null; // Not a File at all (contextBridge passes what the page gave).
    }
    if (!path) return null;
    try {
      const answer = (await ipcRenderer.invoke(FILE_GRANT_CHANNEL, { path })) as Result<unknown>;
      return answer.ok ? FileGrant.parse(answer.data) : null;
    } catch {
      return null; // Main refused or is gone: the bytes path still works.
    }
  },
};

contextBridge.exposeInMainWorld('studio', { ...api, files } satisfies StudioBridge);
