import { effectiveAspectRatio } from '../../shared/library/aspect';
import type { LibraryFilters, LibraryQuery } from '../../shared/library/query';
import { searchTerms } from '../../shared/library/terms';
import type { ClipRecord } from './read-clip';

/** The in-memory clip index: rebuilt from the sidecars at start, kept current by the library. */
export interface ClipIndex {
  /** Adds `record` or replaces the record with the same id (dropping its old folder mapping). */
  set(record: ClipRecord): void;
  /** Removes the clip with `id`; returns whether it was there. */
  remove(id: string): boolean;
  get(id: string): ClipRecord | undefined;
  /** The clip indexed from folder name `folder`, if any. */
  byFolder(folder: string): ClipRecord | undefined;
  /** The clip made by job `jobId` (sidecar `jobId`), if any. */
  byJobId(jobId: string): ClipRecord | undefined;
  /**
   * Runs a query: every word of `query.query` must prefix-match a prompt or tag word, every present
   * filter must match; results are sorted and paged. `total` counts all matches before paging.
   */
  query(query: LibraryQuery): { total: number; items: ClipRecord[] };
  /** Ids of clips whose sidecar says `continuedFrom: id`, oldest first. */
  continuedBy(id: string): string[];
  readonly size: number;
  /** Every record, in no particular order. */
  all(): IterableIterator<ClipRecord>;
}

interface Entry {
  record: ClipRecord;
  terms: string[];
  aspect: string;
}

/** Creates an empty index. All operations are synchronous and O(matches) or O(clips) at worst. */
export function createClipIndex(): ClipIndex {
  const entries = new Map<string, Entry>();
  const folders = new Map<string, string>();
  const jobs = new Map<string, string>();
  const postings = new Map<string, Set<string>>();
  const children = new Map<string, Set<string>>();
  // Lazily rebuilt after a change: the sorted vocabulary (for prefix search) and the date/rating orders.
  let vocabulary: string[] | null = null;
  const orders = new Map<'date' | 'rating', Entry[]>();

  const invalidate = (termsChanged: boolean) => {
    orders.clear();
    if (termsChanged) vocabulary = null;
  };

  function unlink(entry: Entry): void {
    const { id, folder, sidecar } = entry.record;
    if (folders.get(folder) === id) folders.delete(folder);
    if (sidecar.jobId && jobs.get(sidecar.jobId) === id) jobs.delete(sidecar.jobId);
    for (const term of entry.terms) {
      const set = postings.get(term);
      set?.delete(id);
      if (set?.size === 0) postings.delete(term);
    }
    if (sidecar.continuedFrom) {
      const set = children.get(sidecar.continuedFrom);
      set?.delete(id);
      if (set?.size === 0) children.delete(sidecar.continuedFrom);
    }
    entries.delete(id);
  }

  function set(record: ClipRecord): void {
    const old = entries.get(record.id);
    if (old) unlink(old);
    const terms = [...new Set([...searchTerms(record.sidecar.prompt), ...record.sidecar.tags.flatMap(searchTerms)])];
    const entry: Entry = { record, terms, aspect: effectiveAspectRatio(record.sidecar) };
    entries.set(record.id, entry);
    folders.set(record.folder, record.id);
    if (record.sidecar.jobId) jobs.set(record.sidecar.jobId, record.id);
    for (const term of terms) {
      let ids = postings.get(term);
      if (!ids) postings.set(term, (ids = new Set()));
      ids.add(record.id);
    }
    const parent = record.sidecar.continuedFrom;
    if (parent) {
      let ids = children.get(parent);
      if (!ids) children.set(parent, (ids = new Set()));
      ids.add(record.id);
    }
    invalidate(true);
  }

  function remove(id: string): boolean {
    const entry = entries.get(id);
    if (!entry) return false;
    unlink(entry);
    invalidate(true);
    return true;
  }

  /** Ids whose words start with `prefix`, by binary search in the sorted vocabulary. */
  function prefixMatches(prefix: string): Set<string> {
    if (!vocabulary) vocabulary = [...postings.keys()].sort();
    const vocab = vocabulary;
    let lo = 0;
    let hi = vocab.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((vocab[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out = new Set<string>();
    for (let i = lo; i < vocab.length && (vocab[i] as string).startsWith(prefix); i++) {
      for (const id of postings.get(vocab[i] as string) ?? []) out.add(id);
    }
    return out;
  }

  function textMatches(text: string): Set<string> | null {
    const words = [...new Set(searchTerms(text))];
    if (words.length === 0) return null;
    const sets = words.map(prefixMatches).sort((a, b) => a.size - b.size);
    const [smallest, ...rest] = sets as [Set<string>, ...Set<string>[]];
    const out = new Set<string>();
    for (const id of smallest) if (rest.every((s) => s.has(id))) out.add(id);
    return out;
  }

  function order(by: 'date' | 'rating'): Entry[] {
    let list = orders.get(by);
    if (!list) {
      list = [...entries.values()].sort((a, b) => {
        const x = a.record.sidecar;
        const y = b.record.sidecar;
        if (by === 'rating' && x.rating !== y.rating) return x.rating - y.rating;
        return x.createdAt - y.createdAt || (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0);
      });
      orders.set(by, list);
    }
    return list;
  }

  function query(q: LibraryQuery): { total: number; items: ClipRecord[] } {
    const candidates = textMatches(q.query);
    if (candidates?.size === 0) return { total: 0, items: [] };
    const accept = filterOf(q.filters);
    const list = order(q.sort.by);
    const items: ClipRecord[] = [];
    let total = 0;
    const step = q.sort.dir === 'asc' ? 1 : -1;
    for (let i = step === 1 ? 0 : list.length - 1; i >= 0 && i < list.length; i += step) {
      const entry = list[i] as Entry;
      if (candidates && !candidates.has(entry.record.id)) continue;
      if (!accept(entry)) continue;
      if (total >= q.offset && items.length < q.limit) items.push(entry.record);
      total++;
    }
    return { total, items };
  }

  return {
    set,
    remove,
    get: (id) => entries.get(id)?.record,
    byFolder: (folder) => {
      const id = folders.get(folder);
      return id === undefined ? undefined : entries.get(id)?.record;
    },
    byJobId: (jobId) => {
      const id = jobs.get(jobId);
      return id === undefined ? undefined : entries.get(id)?.record;
    },
    query,
    continuedBy: (id) =>
      [...(children.get(id) ?? [])]
        .map((child) => entries.get(child)?.record)
        .filter((r): r is ClipRecord => Boolean(r))
        .sort((a, b) => a.sidecar.createdAt - b.sidecar.createdAt)
        .map((r) => r.id),
    get size() {
      return entries.size;
    },
    all: function* () {
      for (const entry of entries.values()) yield entry.record;
    },
  };
}

function filterOf(f: LibraryFilters): (entry: Entry) => boolean {
  const inList = <T>(list: readonly T[] | undefined, value: T) => !list || list.length === 0 || list.includes(value);
  return ({ record: { sidecar: s }, aspect }) =>
    inList(f.provider, s.provider) &&
    inList(f.modelId, s.modelId) &&
    inList(f.mode, s.mode) &&
    inList(f.resolution, s.parameters.resolution) &&
    (!f.aspectRatio || f.aspectRatio.length === 0 || f.aspectRatio.some((r) => r === aspect || r === s.parameters.aspectRatio)) &&
    (f.from === undefined || s.createdAt >= f.from) &&
    (f.to === undefined || s.createdAt <= f.to) &&
    (f.minRating === undefined || s.rating >= f.minRating);
}
