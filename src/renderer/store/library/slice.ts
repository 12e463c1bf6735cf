import type { StateCreator } from 'zustand';
import type { ClipDetail, ClipSummary } from '../../../shared/contract/library';
import { describeError, StudioClientError, type StudioClient } from '../../api/client';
import type { StudioState } from '../index';
import { NO_FILTERS, type LibraryFilterState } from './filters';
import { replaceClip, type ClipPages } from './paging';
import { i18n } from '../../i18n/index';

/** The verbs the Library uses; `connectLibrary` binds them to main. */
export type LibraryRequests = {
  library: StudioClient['library'];
  images: Pick<StudioClient['images'], 'importFrame'>;
  drafts: Pick<StudioClient['drafts'], 'create'>;
  /** "Make final (1080p)" queues the final of a draft clip. */
  jobs: Pick<StudioClient['jobs'], 'submit'>;
};

/** The open clip: none, being fetched, shown, or gone (with main's message). */
export type DetailState =
  | { status: 'closed' }
  | { status: 'loading'; id: string }
  | { status: 'ready'; id: string; clip: ClipDetail }
  | { status: 'error'; id: string; message: string };

/** A short message over the Library; `undoId` adds an Undo button that restores that trashed clip. */
export interface LibraryToast {
  tone: 'info' | 'error';
  text: string;
  undoId?: string;
}

/** A long action in flight on the open clip (buttons show it and stay disabled meanwhile). */
export type LibraryBusy = null | 'reuse' | 'continue' | 'trash' | 'restore' | 'edit' | 'extend' | 'join' | 'export';

/**
 * The Library's state: the filter bar, the loaded pages of the sorted result (the grid fetches
 * the pages it shows), the open clip and the last toast. Main owns the clips; this caches them.
 */
export interface LibraryState {
  filters: LibraryFilterState;
  /** Clips matching the filters; null until the first `library:list` answers. */
  total: number | null;
  pages: ClipPages;
  listError: string | null;
  /**
   * Clip indexes the grid shows or is about to show (inclusive), and how many cards it has in its
   * DOM (`shown`, what a new search asks for first); `connectLibrary` loads their pages.
   */
  range: { start: number; end: number; shown: number };
  detail: DetailState;
  toast: LibraryToast | null;
  /** The clip the last delete trashed, until restored: what Ctrl/Cmd+Z brings back. */
  lastTrashed: string | null;
  busy: LibraryBusy;
  requests: LibraryRequests | null;
  /** `library:stats` for the status line (clips, bytes); null until the first answer. */
  stats: { clips: number; bytes: number } | null;

  setRequests(requests: LibraryRequests | null): void;
  setStats(stats: { clips: number; bytes: number }): void;
  setFilters(patch: Partial<LibraryFilterState>): void;
  resetFilters(): void;
  setRange(start: number, end: number, shown: number): void;
  /** Replaces every page (a new query or a change in main). */
  setList(pages: ClipPages, total: number): void;
  addPage(page: number, items: readonly ClipSummary[], total: number): void;
  setListError(message: string | null): void;
  /** Opens a clip's detail and fetches it (`library:get`). */
  open(id: string): Promise<void>;
  close(): void;
  /** Refetches the open clip (after `library:changed`); a clip that left the library shows why. */
  reloadDetail(): Promise<void>;
  /** Writes a rating (0 clears) to the sidecar; shown at once, reverted with a toast if main refuses. */
  rate(id: string, rating: number): Promise<void>;
  /** Writes the tags to the sidecar (main normalises them); reverted with a toast if main refuses. */
  setTags(id: string, tags: string[]): Promise<void>;
  /** Moves the clip to the trash and offers Undo. */
  trash(id: string): Promise<void>;
  /** Brings a trashed clip back (the toast's Undo). */
  restore(id: string): Promise<void>;
  setBusy(busy: LibraryBusy): void;
  showToast(toast: LibraryToast | null): void;
}

export interface LibrarySlice {
  library: LibraryState;
}


/** The bound requests, or a `StudioClientError('UNAVAILABLE')` when not connected. */
export function libraryRequests(state: StudioState): LibraryRequests {
  const bound = state.library.requests;
  if (!bound) throw new StudioClientError('UNAVAILABLE', i18n.t('common:notConnected'));
  return bound;
}

/** `detail` with the summary fields (rating, tags…) of `clip` applied, when it is the open clip. */
function withSummary(detail: DetailState, clip: ClipSummary): DetailState {
  if (detail.status !== 'ready' || detail.id !== clip.id) return detail;
  const sidecar = { ...detail.clip.sidecar, rating: clip.rating, tags: clip.tags };
  return { ...detail, clip: { ...detail.clip, ...clip, sidecar } };
}

/** The summary of `id` as the renderer has it (open clip first, then the pages). */
function knownSummary(state: LibraryState, id: string): ClipSummary | undefined {
  if (state.detail.status === 'ready' && state.detail.id === id) return state.detail.clip;
  for (const list of Object.values(state.pages)) {
    const found = list.find((c) => c.id === id);
    if (found) return found;
  }
  return undefined;
}

export const createLibrarySlice: StateCreator<StudioState, [], [], LibrarySlice> = (set, get) => {
  const patch = (partial: Partial<LibraryState>) => set((s) => ({ library: { ...s.library, ...partial } }));
  const applyClip = (clip: ClipSummary) =>
    set((s) => ({ library: { ...s.library, pages: replaceClip(s.library.pages, clip), detail: withSummary(s.library.detail, clip) } }));

  /** Shows `change` at once, then asks main; main's answer wins, a refusal puts the old values back. */
  async function optimistic(id: string, change: Partial<Pick<ClipSummary, 'rating' | 'tags'>>): Promise<void> {
    const before = knownSummary(get().library, id);
    if (before) applyClip({ ...before, ...change });
    try {
      applyClip(await libraryRequests(get()).library.update({ id, ...change }));
    } catch (err) {
      if (before) applyClip(before);
      patch({ toast: { tone: 'error', text: i18n.t('library:toast.notSaved', { error: describeError(err) }) } });
    }
  }

  return {
    library: {
      filters: NO_FILTERS,
      total: null,
      pages: {},
      listError: null,
      range: { start: 0, end: -1, shown: 0 },
      detail: { status: 'closed' },
      toast: null,
      lastTrashed: null,
      busy: null,
      requests: null,
      stats: null,

      setRequests: (requests) => patch({ requests }),
      setStats: (stats) => patch({ stats }),
      setFilters: (change) => set((s) => ({ library: { ...s.library, filters: { ...s.library.filters, ...change } } })),
      resetFilters: () => set((s) => ({ library: { ...s.library, filters: { ...NO_FILTERS, sort: s.library.filters.sort } } })),
      setRange: (start, end, shown) => {
        const { range } = get().library;
        if (range.start !== start || range.end !== end || range.shown !== shown) patch({ range: { start, end, shown } });
      },
      setList: (pages, total) => patch({ pages, total, listError: null }),
      addPage: (page, items, total) => set((s) => ({ library: { ...s.library, pages: { ...s.library.pages, [page]: items }, total } })),
      setListError: (listError) => patch({ listError }),

      async open(id) {
        patch({ detail: { status: 'loading', id } });
        await get().library.reloadDetail();
      },
      close: () => patch({ detail: { status: 'closed' } }),
      async reloadDetail() {
        const detail = get().library.detail;
        if (detail.status === 'closed') return;
        const { id } = detail;
        try {
          const clip = await libraryRequests(get()).library.get({ id });
          if (isOpen(get().library.detail, id)) patch({ detail: { status: 'ready', id, clip } });
        } catch (err) {
          if (isOpen(get().library.detail, id)) patch({ detail: { status: 'error', id, message: describeError(err) } });
        }
      },
      rate: (id, rating) => optimistic(id, { rating }),
      setTags: (id, tags) => optimistic(id, { tags }),

      async trash(id) {
        const label = knownSummary(get().library, id)?.prompt ?? '';
        patch({ busy: 'trash' });
        try {
          await libraryRequests(get()).library.trash({ id });
          const { detail } = get().library;
          patch({
            busy: null,
            detail: isOpen(detail, id) ? { status: 'closed' } : detail,
            toast: { tone: 'info', text: i18n.t('library:toast.trashed', { prompt: excerpt(label) }), undoId: id },
            lastTrashed: id,
          });
        } catch (err) {
          patch({ busy: null, toast: { tone: 'error', text: i18n.t('library:toast.notDeleted', { error: describeError(err) }) } });
        }
      },
      async restore(id) {
        patch({ busy: 'restore' });
        try {
          const clip = await libraryRequests(get()).library.restore({ id });
          const { lastTrashed } = get().library;
          patch({ busy: null, toast: { tone: 'info', text: i18n.t('library:toast.restored', { prompt: excerpt(clip.prompt) }) }, lastTrashed: lastTrashed === id ? null : lastTrashed });
        } catch (err) {
          patch({ busy: null, toast: { tone: 'error', text: i18n.t('library:toast.notRestored', { error: describeError(err) }) } });
        }
      },
      setBusy: (busy) => patch({ busy }),
      showToast: (toast) => patch({ toast }),
    },
  };
};

/** True when `detail` is about clip `id` (loading, shown or failed). */
function isOpen(detail: DetailState, id: string): boolean {
  return detail.status !== 'closed' && detail.id === id;
}

/** The first words of a prompt for a one-line message. */
export function excerpt(prompt: string, max = 60): string {
  const text = prompt.trim().replace(/\s+/g, ' ');
  if (text === '') return i18n.t('library:toast.untitled');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
