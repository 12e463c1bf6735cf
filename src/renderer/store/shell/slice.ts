import type { StateCreator } from 'zustand';
import type { StudioState } from '../index';

/** The four top-level views, in rail order (UX.md, "Frame"). */
export const VIEW_IDS = ['compose', 'queue', 'library', 'settings'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

/** Renderer-only UI state: which view is open and a short message for the status line. */
export interface ShellState {
  view: ViewId;
  /** A one-line message announced in the status line (e.g. a link that was not opened); null when none. */
  notice: string | null;
  setView(view: ViewId): void;
  announce(message: string | null): void;
}

export interface ShellSlice {
  shell: ShellState;
}

export const createShellSlice: StateCreator<StudioState, [], [], ShellSlice> = (set) => ({
  shell: {
    view: 'compose',
    notice: null,
    setView: (view) => set((s) => ({ shell: { ...s.shell, view } })),
    announce: (notice) => set((s) => ({ shell: { ...s.shell, notice } })),
  },
});
