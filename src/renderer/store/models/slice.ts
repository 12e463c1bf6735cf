import type { StateCreator } from 'zustand';
import type { ModelChoice, ModelList } from '../../../shared/contract/models';
import type { StudioState } from '../index';

/** The models Compose may offer, as main last reported them (`models:list`, `models:changed`). */
export interface ModelsState {
  /** Null until `models:list` answers. */
  list: ModelList | null;
  /** Why `models:list` failed, shown in Compose. */
  loadError: string | null;
  setList(list: ModelList): void;
  setLoadError(message: string | null): void;
}

export interface ModelsSlice {
  models: ModelsState;
}

export const createModelsSlice: StateCreator<StudioState, [], [], ModelsSlice> = (set) => ({
  models: {
    list: null,
    loadError: null,
    setList: (list) => set((s) => ({ models: { ...s.models, list, loadError: null } })),
    setLoadError: (loadError) => set((s) => ({ models: { ...s.models, loadError } })),
  },
});

/** The model with `id` in the cached list, or undefined (list not loaded, or unknown id). */
export function selectModel(state: StudioState, id: string | undefined): ModelChoice | undefined {
  return id ? state.models.list?.models.find((m) => m.id === id) : undefined;
}
