import type { ClipSummary } from '../../../shared/contract/library';
import type { LibraryQuery } from '../../../shared/library/query';
import { createSearcher, haystackOf, type Searchable } from '../../../shared/library/search';

/** A clip as the catalog holds it: its summary and what a search reads of it. */
export interface CatalogEntry extends Searchable {
  clip: ClipSummary;
}

/** `clip` ready for the catalog: its haystack made once (the costly part: word folding). */
export function catalogEntry(clip: ClipSummary): CatalogEntry {
  return {
    clip,
    haystack: haystackOf(clip),
    facts: {
      id: clip.id,
      createdAt: clip.createdAt,
      rating: clip.rating,
      provider: clip.provider,
      modelId: clip.modelId,
      mode: clip.mode,
      resolution: clip.resolution,
      // A summary holds only the effective ratio; queries on ratios are left to main (see `query`).
      aspectRatios: [clip.aspectRatio],
      batchId: clip.batch?.id,
    },
  };
}

/**
 * The window's copy of every clip's summary, so a search is answered as the key is typed: the
 * same search as main's index (`createSearcher`), over the summaries main sent. Main stays the
 * truth: each query the user has not already typed past is still asked of main (once the frame
 * showing the catalog's answer is painted), and main's answer replaces this one; the catalog is
 * dropped as soon as main says the library changed, and filled again from main.
 */
export interface Catalog {
  /** Holds exactly `entries`: the whole library, as main listed it (one entry per clip). */
  fill(entries: readonly CatalogEntry[]): void;
  /** Forgets every clip: until the next `fill`, `query` answers null. */
  clear(): void;
  /** True between a `fill` and the next `clear`. */
  readonly ready: boolean;
  /**
   * The answer main would give `query` (`total` and the summaries of the page asked for), or null
   * when the catalog cannot tell: not filled, or the query filters by aspect ratio (main also
   * matches the ratio a clip asked for, which a summary does not hold).
   */
  query(query: LibraryQuery): { total: number; items: ClipSummary[] } | null;
}

/** Creates an empty catalog. */
export function createCatalog(): Catalog {
  let entries: readonly CatalogEntry[] = [];
  let ready = false;
  const searcher = createSearcher(() => entries);
  return {
    fill(next) {
      entries = next;
      ready = true;
      searcher.invalidate();
      // Sort the newest-first order now, in the background, not in the first keystroke's search.
      searcher.query({ query: '', filters: {}, sort: { by: 'date', dir: 'desc' }, offset: 0, limit: 1 });
    },
    clear() {
      entries = [];
      ready = false;
      searcher.invalidate();
    },
    get ready() {
      return ready;
    },
    query(q) {
      if (!ready || (q.filters.aspectRatio?.length ?? 0) > 0) return null;
      const { total, items } = searcher.query(q);
      return { total, items: items.map((entry) => entry.clip) };
    },
  };
}
