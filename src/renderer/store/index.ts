import { create } from 'zustand';
import { createAppSlice, type AppSlice } from './app/slice';
import { createKeysSlice, type KeysSlice } from './keys/slice';
import { createSettingsSlice, type SettingsSlice } from './settings/slice';
import { createShellSlice, type ShellSlice } from './shell/slice';
import { createModelsSlice, type ModelsSlice } from './models/slice';
import { createComposeSlice, type ComposeSlice } from './compose/slice';
import { createLibrarySlice, type LibrarySlice } from './library/slice';
import { createJobsSlice, type JobsSlice } from './jobs/slice';
import { createSpendSlice, type SpendSlice } from './spend/slice';
import { createCompareSlice, type CompareSlice } from './compare/slice';

/**
 * The renderer's one store, one slice per domain (zustand's slices pattern). Each slice keeps its
 * state and setters under its domain key (`app`, `shell`, …) so slices cannot collide. It caches
 * what main owns and is hydrated over IPC by `connectStore`; nothing is persisted in the renderer.
 */
export type StudioState = AppSlice & ShellSlice & KeysSlice & SettingsSlice & ModelsSlice & ComposeSlice & LibrarySlice & JobsSlice & SpendSlice & CompareSlice;

export const useStudio = create<StudioState>()((...a) => ({
  ...createAppSlice(...a),
  ...createShellSlice(...a),
  ...createKeysSlice(...a),
  ...createSettingsSlice(...a),
  ...createModelsSlice(...a),
  ...createComposeSlice(...a),
  ...createLibrarySlice(...a),
  ...createJobsSlice(...a),
  ...createSpendSlice(...a),
  ...createCompareSlice(...a),
}));
