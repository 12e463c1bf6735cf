import type { LibraryFilters, LibraryQuery } from './query';
import { searchTerms } from './terms';

/**
 * What a library search reads of a clip: main builds it from the sidecar, the window from the
 * clip's summary, so both answer a query the same way (`createSearcher`).
 */
export interface SearchFacts {
  id: string;
  /** ms since the epoch */
  createdAt: number;
  /** 0–5 */
  rating: number;
  provider: string;
  modelId: string;
  mode: string;
  resolution: string;
  /** The ratios the aspect-ratio filter matches: the effective one and the one asked for. */
  aspectRatios: readonly string[];
  batchId: string | undefined;
}

/** A clip as `createSearcher` holds it: its facts and its haystack (`haystackOf`). */
export interface Searchable {
  facts: SearchFacts;
  haystack: string;
}

/**
 * The text a clip is searched by: its distinct prompt and tag words (`searchTerms`: lowercase,
 * accents folded), each preceded by a space, e.g. `" camera pans cafe favourite"`. A query word
 * `w` prefix-matches a word exactly when the haystack contains `" " + w`. One string per clip scans
 * 10,000 clips in a few ms and, unlike an inverted index, costs next to nothing to build or update.
 */
export function haystackOf(clip: { prompt: string; tags: readonly string[] }): string {
  const terms = new Set(searchTerms(clip.prompt));
  for (const tag of clip.tags) for (const term of searchTerms(tag)) terms.add(term);
  // One flat string: `+=` would build a rope that the first search flattens, clip by clip, in
  // the keystroke (10,000 clips: ~10 ms of a first key's search).
  return terms.size === 0 ? '' : ` ${[...terms].join(' ')}`;
}

/** Runs library queries over a set of clips; `invalidate` after any change to the set. */
export interface Searcher<T extends Searchable> {
  /**
   * Every word of `query.query` must prefix-match a prompt or tag word, every present filter must
   * match; results are sorted (`LibrarySort`: date, or rating then date; ties by id) and paged.
   * `total` counts all matches before paging.
   */
  query(query: LibraryQuery): { total: number; items: T[] };
  /** Forgets the sorted orders and the last scan: the set changed. */
  invalidate(): void;
}

/**
 * A searcher over `all()` (read again after `invalidate`). Orders are sorted once per change, and
 * typing narrows: when every word of the last query is the start of a word of the next one (same
 * filters, same order), the next one's matches are among the last ones, so those are scanned
 * rather than every clip.
 */
export function createSearcher<T extends Searchable>(all: () => Iterable<T>): Searcher<T> {
  const orders = new Map<'date' | 'rating', T[]>();
  let lastScan: { list: T[]; step: number; filters: string; needles: string[]; matches: T[] } | null = null;

  function order(by: 'date' | 'rating'): T[] {
    let list = orders.get(by);
    if (!list) {
      list = [...all()].sort((a, b) => {
        const x = a.facts;
        const y = b.facts;
        if (by === 'rating' && x.rating !== y.rating) return x.rating - y.rating;
        return x.createdAt - y.createdAt || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
      });
      orders.set(by, list);
    }
    return list;
  }

  /** The entries to scan for `needles` in `list` (walked by `step`) with `filters`: the last matches when they hold every answer. */
  function candidates(list: T[], step: number, filters: string, needles: string[]): { entries: T[]; step: number } {
    const last = lastScan;
    const narrows = last !== null && last.list === list && last.step === step && last.filters === filters && last.needles.every((old) => needles.some((n) => n.startsWith(old)));
    return narrows ? { entries: last.matches, step: 1 } : { entries: list, step };
  }

  return {
    query(q) {
      const needles = [...new Set(searchTerms(q.query))].map((word) => ` ${word}`);
      const accept = filterOf(q.filters);
      const list = order(q.sort.by);
      const step = q.sort.dir === 'asc' ? 1 : -1;
      if (!accept && needles.length === 0) {
        const items: T[] = [];
        const at = (k: number) => list[step === 1 ? k : list.length - 1 - k] as T;
        for (let k = q.offset; k < Math.min(list.length, q.offset + q.limit); k++) items.push(at(k));
        return { total: list.length, items };
      }
      const filters = JSON.stringify(q.filters);
      const scan = candidates(list, step, filters, needles);
      const from = scan.entries;
      const at = (k: number) => from[scan.step === 1 ? k : from.length - 1 - k] as T;
      // One tight pass: this loop is the whole cost of a search (10,000 clips: a few ms).
      const [first, ...more] = needles;
      const matches: T[] = [];
      const items: T[] = [];
      for (let k = 0; k < from.length; k++) {
        const entry = at(k);
        if (first !== undefined && !entry.haystack.includes(first)) continue;
        if (more.length > 0 && !more.every((needle) => entry.haystack.includes(needle))) continue;
        if (accept && !accept(entry.facts)) continue;
        if (matches.length >= q.offset && items.length < q.limit) items.push(entry);
        matches.push(entry);
      }
      lastScan = { list, step, filters, needles, matches };
      return { total: matches.length, items };
    },
    invalidate() {
      orders.clear();
      lastScan = null;
    },
  };
}

/** A predicate for the filters that are set (a Set per list), or null when none is. */
function filterOf(f: LibraryFilters): ((facts: SearchFacts) => boolean) | null {
  const checks: Array<(facts: SearchFacts) => boolean> = [];
  const oneOf = (list: readonly string[] | undefined, value: (facts: SearchFacts) => string) => {
    if (!list || list.length === 0) return;
    const allowed = new Set(list);
    checks.push((facts) => allowed.has(value(facts)));
  };
  oneOf(f.provider, (c) => c.provider);
  oneOf(f.modelId, (c) => c.modelId);
  oneOf(f.mode, (c) => c.mode);
  oneOf(f.resolution, (c) => c.resolution);
  if (f.aspectRatio && f.aspectRatio.length > 0) {
    const ratios = new Set<string>(f.aspectRatio);
    checks.push((c) => c.aspectRatios.some((ratio) => ratios.has(ratio)));
  }
  const { from, to, minRating, batchId } = f;
  if (batchId !== undefined) checks.push((c) => c.batchId === batchId);
  if (from !== undefined) checks.push((c) => c.createdAt >= from);
  if (to !== undefined) checks.push((c) => c.createdAt <= to);
  if (minRating !== undefined) checks.push((c) => c.rating >= minRating);
  if (checks.length === 0) return null;
  return (facts) => checks.every((check) => check(facts));
}
