import type { StateCreator } from 'zustand';
import type { StudioState } from '../index';

/** Fewest and most clips Compare plays side by side (issue 14 "Compare": 2–4). */
export const MIN_COMPARE = 2;
export const MAX_COMPARE = 4;

/**
 * Compare's state: the clips picked in the Library grid (library clip ids, in the order picked) and
 * the clips Compare is showing (null = closed). Renderer-only view state; the clips are main's.
 */
export interface CompareState {
  picked: string[];
  showing: string[] | null;
  /** Adds or removes a clip from the pick; a fifth pick is refused (false). */
  toggle(id: string): boolean;
  clearPicked(): void;
  /** Opens Compare on 2–4 clip ids (the first four when more are given); false when fewer than two. */
  open(ids: readonly string[]): boolean;
  close(): void;
}

export interface CompareSlice {
  compare: CompareState;
}

export const createCompareSlice: StateCreator<StudioState, [], [], CompareSlice> = (set, get) => {
  const patch = (partial: Partial<CompareState>) => set((s) => ({ compare: { ...s.compare, ...partial } }));
  return {
    compare: {
      picked: [],
      showing: null,
      toggle(id) {
        const { picked } = get().compare;
        if (picked.includes(id)) {
          patch({ picked: picked.filter((p) => p !== id) });
          return true;
        }
        if (picked.length >= MAX_COMPARE) return false;
        patch({ picked: [...picked, id] });
        return true;
      },
      clearPicked: () => patch({ picked: [] }),
      open(ids) {
        const unique = [...new Set(ids)].slice(0, MAX_COMPARE);
        if (unique.length < MIN_COMPARE) return false;
        patch({ showing: unique });
        return true;
      },
      close: () => patch({ showing: null }),
    },
  };
};
