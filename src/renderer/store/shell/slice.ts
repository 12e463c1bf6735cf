import type { StateCreator } from 'zustand';
import type { StudioState } from '../index';

/** The top-level views, in rail order (UX.md, "Frame"; Spend from issue 14, before Settings, which stays last). */
export const VIEW_IDS = ['compose', 'queue', 'library', 'spend', 'settings'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

/** How long a status-line notice stays, ms (issue 14 "Also": notices that expire); a newer one replaces it at once. */
export const NOTICE_MS = 10_000;

/** Renderer-only UI state: which view is open and a short message for the status line. */
export interface ShellState {
  view: ViewId;
  /** A one-line message announced in the status line (e.g. a link that was not opened); null when none. It clears itself after `NOTICE_MS`. */
  notice: string | null;
  setView(view: ViewId): void;
  announce(message: string | null): void;
}

export interface ShellSlice {
  shell: ShellState;
}

export const createShellSlice: StateCreator<StudioState, [], [], ShellSlice> = (set) => {
  let expiry: ReturnType<typeof setTimeout> | undefined;
  return {
    shell: {
      view: 'compose',
      notice: null,
      setView: (view) => set((s) => ({ shell: { ...s.shell, view } })),
      announce: (notice) => {
        clearTimeout(expiry);
        set((s) => ({ shell: { ...s.shell, notice } }));
        if (notice === null) return;
        expiry = setTimeout(() => set((s) => (s.shell.notice === notice ? { shell: { ...s.shell, notice: null } } : {})), NOTICE_MS);
      },
    },
  };
};
