import type { StateCreator } from 'zustand';
import type { Settings, SettingsPatch } from '../../../shared/contract/settings';
import { StudioClientError, type StudioClient } from '../../api/client';
import type { StudioState } from '../index';
import { i18n } from '../../i18n/index';

/** The `settings` verbs the slice and Settings call; `connectSettings` binds them to main. */
export type SettingsRequests = Pick<StudioClient['settings'], 'update' | 'chooseLibraryDir'>;

/** The user's settings as main last reported them; `settings:changed` keeps the cache current. */
export interface SettingsState {
  /** Null until `settings:get` answers. */
  current: Settings | null;
  /** Why `settings:get` failed, shown in Settings. */
  loadError: string | null;
  /** Bound by `connectSettings`; null while not connected (updates then reject with `UNAVAILABLE`). */
  requests: SettingsRequests | null;
  setCurrent(settings: Settings): void;
  setLoadError(message: string | null): void;
  setRequests(requests: SettingsRequests | null): void;
  /**
   * Applies `patch` in main, whole or not at all, and caches the answer. Rejects with a
   * `StudioClientError` (e.g. `BAD_INPUT` with the reason) when main refuses; the previous
   * settings then stay, in main and here.
   */
  update(patch: SettingsPatch): Promise<Settings>;
}

export interface SettingsSlice {
  settings: SettingsState;
}

export const createSettingsSlice: StateCreator<StudioState, [], [], SettingsSlice> = (set, get) => ({
  settings: {
    current: null,
    loadError: null,
    requests: null,
    setCurrent: (current) => set((s) => ({ settings: { ...s.settings, current, loadError: null } })),
    setLoadError: (loadError) => set((s) => ({ settings: { ...s.settings, loadError } })),
    setRequests: (requests) => set((s) => ({ settings: { ...s.settings, requests } })),
    async update(patch) {
      const requests = get().settings.requests;
      if (!requests) throw new StudioClientError('UNAVAILABLE', i18n.t('common:notConnected'));
      const next = await requests.update({ patch });
      get().settings.setCurrent(next);
      return next;
    },
  },
});
