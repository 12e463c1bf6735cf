import type { StoreApi } from 'zustand';
import { describeError, type StudioClient } from '../../api/client';
import type { StudioState } from '../index';
import { toListQuery } from './filters';
import type { ClipSummary } from '../../../shared/contract/library';
import { LibraryQuery } from '../../../shared/library/query';
import { headSize, missingTail, PAGE_SIZE, pagesFor, reuseClips } from './paging';
import { catalogEntry, createCatalog, type CatalogEntry } from './catalog';
import { afterPaint } from '../../shell/after-paint';

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
 * ms after the Library's first answer, or after main said the library changed, before the
 * catalog (every clip's summary, for searches answered as the key is typed) is asked for:
 * the grid's own pages go first, and a burst of changes (a batch of takes filed) costs one load.
 */
export const CATALOG_DELAY_MS = 1_000;

/** Clips per `library:list` call while loading the catalog (the contract's largest page). */
const CATALOG_PAGE = 500;

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
  const catalog = createCatalog();
  /** Bumped when a catalog load starts or main says the library changed: a load of an older number stops. */
  let catalogLoad = 0;
  let catalogTimer: ReturnType<typeof setTimeout> | undefined;

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
    // A new search is shown at once from the catalog (its whole first page), then checked against
    // main's answer, asked once that frame is painted: main's search and its answer's handling do not
    // compete with the frame for the CPU, and a keystroke overtaken meanwhile asks main nothing.
    const local = fromTop ? catalog.query(LibraryQuery.parse(toListQuery(library().filters, { offset: 0, limit: PAGE_SIZE }))) : null;
    if (local) library().setList({ 0: local.items }, local.total);
    try {
      if (local) await afterPaint();
      if (mine !== generation) return;
      const answers = await Promise.all(wanted.map((page) => fetchClips(page * PAGE_SIZE, page === 0 && fromTop ? headSize(library().range.shown) : PAGE_SIZE)));
      if (mine !== generation) return;
      const pages: Record<number, ClipSummary[]> = {};
      answers.forEach((answer, i) => (pages[wanted[i] as number] = reuseClips(known, answer.items)));
      const head = pages[0] ?? [];
      const total = answers[0]?.total ?? 0;
      // Main agrees (same count, the same clip objects first): the catalog's fuller page stays.
      const agrees = local !== null && local.total === total && head.every((clip, i) => local.items[i] === clip);
      // The first page's count is the one the grid sizes to (page 0 is always asked).
      if (!agrees) library().setList(pages, total);
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

  /**
   * Fills the catalog: every clip, newest first, a page at a time (each page's words folded
   * between pages, so the window never stalls). Dropped when main says the library changed
   * meanwhile; kept only when main's count and the clips received agree.
   */
  async function loadCatalog(): Promise<void> {
    const mine = ++catalogLoad;
    const entries: CatalogEntry[] = [];
    let total = Number.POSITIVE_INFINITY;
    try {
      while (entries.length < total) {
        const answer = await client.library.list({ query: '', filters: {}, sort: { by: 'date', dir: 'desc' }, offset: entries.length, limit: CATALOG_PAGE });
        if (mine !== catalogLoad) return;
        total = answer.total;
        if (answer.items.length === 0) break;
        for (const clip of reuseClips(known, answer.items)) entries.push(catalogEntry(clip));
      }
    } catch {
      return; // Searches keep asking main; the next change tries again.
    }
    if (entries.length === total && new Set(entries.map((entry) => entry.clip.id)).size === total) catalog.fill(entries);
  }

  /**
   * Loads the catalog in `CATALOG_DELAY_MS`, while the Library is the open view: elsewhere it
   * waits for the Library to open (a run of jobs filing clips costs main no catalog loads).
   */
  const scheduleCatalog = () => {
    clearTimeout(catalogTimer);
    if (catalog.ready || store.getState().shell.view !== 'library') return;
    catalogTimer = setTimeout(() => void loadCatalog(), CATALOG_DELAY_MS);
  };

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
    if (state.shell.view !== previous.shell.view) scheduleCatalog();
  });

  const offChanged = client.library.onChanged(({ ids }) => {
    // The catalog no longer holds the library: searches wait for main until it is filled again.
    catalog.clear();
    catalogLoad++;
    scheduleCatalog();
    clearTimeout(changeTimer);
    changeTimer = setTimeout(() => {
      void reload();
      void refreshStats();
    }, CHANGE_DELAY_MS);
    const detail = library().detail;
    if (detail.status !== 'closed' && ids.includes(detail.id)) void library().reloadDetail();
  });

  void reload().then(scheduleCatalog); // Records its own failure in the slice.
  void refreshStats();

  return () => {
    off();
    offChanged();
    clearTimeout(changeTimer);
    clearTimeout(prefetchTimer);
    clearTimeout(catalogTimer);
    catalogLoad++;
    generation++; // Answers still on their way are dropped.
    // StrictMode connects twice; only the connection that bound the verbs may unbind them.
    if (library().requests === requests) library().setRequests(null);
  };
}
