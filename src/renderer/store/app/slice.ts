import type { StateCreator } from 'zustand';
import type { AppInfo, AppStatus, EngineStatus } from '../../../shared/contract/app';
import type { StudioState } from '../index';

/** What the renderer caches of main's `app` domain, plus its setters (main owns the facts). */
export interface AppState {
  /** `app:info`; null until the first answer. */
  info: AppInfo | null;
  /** Last `app:status` answer or `app:status` event; null until known. */
  status: AppStatus | null;
  /** Last `app:engine` answer or event; null until known. */
  engine: EngineStatus | null;
  /** `app:retryEngine`, bound by `connectApp`; null until then. */
  retryEngine: (() => Promise<EngineStatus>) | null;
  /** Why the first `app:info` failed, shown instead of the shell. */
  loadError: string | null;
  /** `app:openLogsFolder`, bound by `connectApp`; null until then. Resolves to whether the folder opened. */
  openLogsFolder: (() => Promise<{ opened: boolean }>) | null;
  setInfo(info: AppInfo): void;
  setStatus(status: AppStatus): void;
  setLoadError(message: string | null): void;
  setEngine(engine: EngineStatus): void;
  setRetryEngine(retry: AppState['retryEngine']): void;
  setOpenLogsFolder(open: AppState['openLogsFolder']): void;
}

export interface AppSlice {
  app: AppState;
}

export const createAppSlice: StateCreator<StudioState, [], [], AppSlice> = (set) => ({
  app: {
    info: null,
    status: null,
    loadError: null,
    openLogsFolder: null,
    engine: null,
    retryEngine: null,
    setInfo: (info) => set((s) => ({ app: { ...s.app, info, loadError: null } })),
    setStatus: (status) => set((s) => ({ app: { ...s.app, status } })),
    setLoadError: (loadError) => set((s) => ({ app: { ...s.app, loadError } })),
    setOpenLogsFolder: (openLogsFolder) => set((s) => ({ app: { ...s.app, openLogsFolder } })),
    setEngine: (engine) => set((s) => ({ app: { ...s.app, engine } })),
    setRetryEngine: (retryEngine) => set((s) => ({ app: { ...s.app, retryEngine } })),
  },
});
