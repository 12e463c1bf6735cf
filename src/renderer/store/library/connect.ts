import type { StoreApi } from 'zustand';
import { describeError, type StudioClient } from '../../api/client';
import type { StudioState } from '../index';
import { toListQuery } from './filters';
import type { ClipSummary } from '../../../shared/contract/library';
import { headSize, missingTail, PAGE_SIZE, pagesFor, reuseClips } from './paging';

/** `library:changed` often comes in bursts (a copy of many folders); one reload per burst, in ms. */
export const CHANGE_DELAY_MS = 150;

/**
 * After a new search's first answer, ms before the rest of its first page and the rows ahead are
 * asked for. Not a debounce (each keystroke's own cards are asked for at once): a typist's next
 * key usually comes within this, and would otherwise find main and the page busy with clips
 * nobody sees yet.
 */
export const PREFETCH_DELAY_MS = 200;

/**
 * Binds the Library to main: lends the slice its verbs, loads the pages of `library:list` the grid
 * shows (page 0 always, for the total), reloads them when the filters change or main sends
 * `library:changed`, refetches the open clip when it changed, and keeps `library:stats` current.
 * A filter change sends the grid back to its top and asks first for just the cards it shows, then
 * the rest. Answers to an older query are dropped (a generation counter), so fast typing never
 * shows stale results. Returns the undo.
 */
export function connectLibrary(client: StudioClient, store: StoreApi<StudioState>): () => void {
  const library = () => store.getState().library;
  const requests = { library: client.library, images: client.images, drafts: client.drafts, jobs: client.jobs };
  library().setRequests(requests);

  let generation = 0;
  let reloading = false;
  const inflight = new Set<number>();
  let changeTimer: ReturnType<typeof setTimeout> | undefined;
  let prefetchTimer: ReturnType<typeof setTimeout> | undefined;
  /** `Date.now()` before which `ensureVisible` waits (see `PREFETCH_DELAY_MS`). */
  let quietUntil = 0;
  /** Every clip object handed to the grid, by id (see `reuseClips`). */
  const known = new Map<string, ClipSummary>();

  // The status line's "N clips · size"; a failure leaves the last figure (it is a nicety, not data).
  const refreshStats = () =>
    client.library
      .stats()
      .then((stats) => library().setStats(stats))
      .catch(() => undefined);

  const fetchClips = (offset: number, limit: number) => client.library.list(toListQuery(library().filters, { offset, limit }));
  const visiblePages = () => pagesFor(library().range.start, library().range.end);

  /** Reloads the pages the grid shows; `fromTop` (a new search): just the head of page 0, as the grid goes back to its top. */
  async function reload(fromTop = false): Promise<void> {
    const mine = ++generation;
    reloading = true;
    inflight.clear();
    const wanted = fromTop ? [0] : [...new Set([0, ...visiblePages()])];
    try {
      const answers = await Promise.all(wanted.map((page) => fetchClips(page * PAGE_SIZE, page === 0 && fromTop ? headSize(library().range.shown) : PAGE_SIZE)));
      if (mine !== generation) return;
      const pages: Record<number, ClipSummary[]> = {};
      answers.forEach((answer, i) => (pages[wanted[i] as number] = reuseClips(known, answer.items)));
      // The first page's count is the one the grid sizes to (page 0 is always asked).
      library().setList(pages, answers[0]?.total ?? 0);
      quietUntil = fromTop ? Date.now() + PREFETCH_DELAY_MS : 0;
    } catch (err) {
      if (mine === generation) library().setListError(describeError(err));
    } finally {
      if (mine === generation) reloading = false;
    }
    if (mine === generation) void ensureVisible(); // Records its own failure.
  }

  async function ensureVisible(): Promise<void> {
    if (reloading) return; // The reload loads the visible pages itself.
    const wait = quietUntil - Date.now();
    if (wait > 0) {
      clearTimeout(prefetchTimer);
      prefetchTimer = setTimeout(() => void ensureVisible(), wait);
      return;
    }
    const mine = generation;
    const total = library().total ?? 0;
    const missing = visiblePages()
      .filter((page) => !inflight.has(page))
      .map((page) => ({ page, ...missingTail(library().pages, page, total) }))
      .filter(({ limit }) => limit > 0);
    await Promise.all(
      missing.map(async ({ page, offset, limit }) => {
        inflight.add(page);
        try {
          const answer = await fetchClips(offset, limit);
          // A page whose head is loaded keeps those clips (the same objects: their cards do not re-render).
          const head = (library().pages[page] ?? []).slice(0, offset - page * PAGE_SIZE);
          if (mine === generation) library().addPage(page, [...head, ...reuseClips(known, answer.items)], answer.total);
        } catch (err) {
          if (mine === generation) library().setListError(describeError(err));
        } finally {
          inflight.delete(page);
        }
      }),
    );
  }

  const off = store.subscribe((state, previous) => {
    const now = state.library;
    const before = previous.library;
    if (now.filters !== before.filters) {
      // Every keystroke queries at once (main answers a search in a few ms); the generation counter
      // drops the answers a later keystroke has overtaken, so no debounce delays the grid.
      void reload(true);
    } else if (now.range !== before.range) {
      void ensureVisible();
    }
  });

  const offChanged = client.library.onChanged(({ ids }) => {
    clearTimeout(changeTimer);
    changeTimer = setTimeout(() => {
      void reload();
      void refreshStats();
    }, CHANGE_DELAY_MS);
    const detail = library().detail;
    if (detail.status !== 'closed' && ids.includes(detail.id)) void library().reloadDetail();
  });

  void reload(); // Records its own failure in the slice.
  void refreshStats();

  return () => {
    off();
    offChanged();
    clearTimeout(changeTimer);
    clearTimeout(prefetchTimer);
    generation++; // Answers still on their way are dropped.
    // StrictMode connects twice; only the connection that bound the verbs may unbind them.
    if (library().requests === requests) library().setRequests(null);
  };
}
