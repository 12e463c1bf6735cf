import { effectiveAspectRatio } from '../../shared/library/aspect';
import type { LibraryFilters, LibraryQuery } from '../../shared/library/query';
import { searchTerms } from '../../shared/library/terms';
import type { ClipSidecar } from '../../shared/library/sidecar';
import { numberTakes, type TakeNumber } from '../../shared/jobs/takes';
import type { ClipRecord } from './read-clip';

/** The in-memory clip index: rebuilt from the sidecars at start, kept current by the library. */
export interface ClipIndex {
  /**
   * Adds `record` or replaces the record with the same id (dropping its old folder mapping).
   * `haystack` is `haystackOf(record.sidecar)` when the caller already has it (the index cache).
   */
  set(record: ClipRecord, haystack?: string): void;
  /** Removes the clip with `id`; returns whether it was there. */
  remove(id: string): boolean;
  get(id: string): ClipRecord | undefined;
  /** The search haystack of clip `id` (see `haystackOf`), for the index cache. */
  haystack(id: string): string | undefined;
  /** The clip indexed from folder name `folder`, if any. */
  byFolder(folder: string): ClipRecord | undefined;
  /** The clip made by job `jobId` (sidecar `jobId`), if any. */
  byJobId(jobId: string): ClipRecord | undefined;
  /**
   * Runs a query: every word of `query.query` must prefix-match a prompt or tag word, every present
   * filter must match; results are sorted and paged. `total` counts all matches before paging.
   */
  query(query: LibraryQuery): { total: number; items: ClipRecord[] };
  /** The clip's take among the clips of its prompt, inputs and model (`numberTakes`, by `createdAt`); undefined for an unknown id or an empty prompt. */
  takeOf(id: string): TakeNumber | undefined;
  /** Ids of clips whose sidecar says `continuedFrom: id`, oldest first. */
  continuedBy(id: string): string[];
  readonly size: number;
  /** Every record, in no particular order. */
  all(): IterableIterator<ClipRecord>;
}

interface Entry {
  record: ClipRecord;
  /** `haystackOf(record.sidecar)`. */
  haystack: string;
  aspect: string;
}

/**
 * The text a clip is searched by: its distinct prompt and tag words (`searchTerms`: lowercase,
 * accents folded), each preceded by a space, e.g. `" camera pans cafe favourite"`. A query word
 * `w` prefix-matches a word exactly when the haystack contains `" " + w`. One string per clip scans
 * 10,000 clips in a few ms and, unlike an inverted index, costs next to nothing to build or update.
 */
export function haystackOf(sidecar: Pick<ClipSidecar, 'prompt' | 'tags'>): string {
  const terms = new Set(searchTerms(sidecar.prompt));
  for (const tag of sidecar.tags) for (const term of searchTerms(tag)) terms.add(term);
  let out = '';
  for (const term of terms) out += ` ${term}`;
  return out;
}

/** Creates an empty index. All operations are synchronous; a query is one pass over the clips. */
export function createClipIndex(): ClipIndex {
  const entries = new Map<string, Entry>();
  const folders = new Map<string, string>();
  const jobs = new Map<string, string>();
  const children = new Map<string, Set<string>>();
  // Lazily rebuilt after a change: the date and rating orders, and the take numbers.
  const orders = new Map<'date' | 'rating', Entry[]>();
  let takes: Map<string, TakeNumber> | null = null;

  function unlink(entry: Entry): void {
    const { id, folder, sidecar } = entry.record;
    if (folders.get(folder) === id) folders.delete(folder);
    if (sidecar.jobId && jobs.get(sidecar.jobId) === id) jobs.delete(sidecar.jobId);
    if (sidecar.continuedFrom) {
      const set = children.get(sidecar.continuedFrom);
      set?.delete(id);
      if (set?.size === 0) children.delete(sidecar.continuedFrom);
    }
    entries.delete(id);
  }

  function set(record: ClipRecord, haystack?: string): void {
    const old = entries.get(record.id);
    if (old) unlink(old);
    const entry: Entry = { record, haystack: haystack ?? haystackOf(record.sidecar), aspect: effectiveAspectRatio(record.sidecar) };
    entries.set(record.id, entry);
    folders.set(record.folder, record.id);
    if (record.sidecar.jobId) jobs.set(record.sidecar.jobId, record.id);
    const parent = record.sidecar.continuedFrom;
    if (parent) {
      let ids = children.get(parent);
      if (!ids) children.set(parent, (ids = new Set()));
      ids.add(record.id);
    }
    orders.clear();
    takes = null;
  }

  function remove(id: string): boolean {
    const entry = entries.get(id);
    if (!entry) return false;
    unlink(entry);
    orders.clear();
    takes = null;
    return true;
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

  /**
   * The matches of the last query that had search words or filters, in the order scanned. Typing
   * narrows: when every word of that query is the start of a word of the next one (same filters,
   * same order), the next one's matches are among these, so it scans them rather than every clip.
   * Its `list` is the order it scanned: a change to the index makes new orders, which ends reuse.
   */
  let lastScan: { list: Entry[]; step: number; filters: string; needles: string[]; matches: Entry[] } | null = null;

  /** The entries to scan for `needles` in `list` (walked by `step`) with `filters`: the last matches when they hold every answer. */
  function candidates(list: Entry[], step: number, filters: string, needles: string[]): { entries: Entry[]; step: number } {
    const last = lastScan;
    const narrows = last !== null && last.list === list && last.step === step && last.filters === filters && last.needles.every((old) => needles.some((n) => n.startsWith(old)));
    return narrows ? { entries: last.matches, step: 1 } : { entries: list, step };
  }

  function query(q: LibraryQuery): { total: number; items: ClipRecord[] } {
    const needles = [...new Set(searchTerms(q.query))].map((word) => ` ${word}`);
    const accept = filterOf(q.filters);
    const list = order(q.sort.by);
    const step = q.sort.dir === 'asc' ? 1 : -1;
    if (!accept && needles.length === 0) {
      const items: ClipRecord[] = [];
      const at = (k: number) => list[step === 1 ? k : list.length - 1 - k] as Entry;
      for (let k = q.offset; k < Math.min(list.length, q.offset + q.limit); k++) items.push(at(k).record);
      return { total: list.length, items };
    }
    const filters = JSON.stringify(q.filters);
    const scan = candidates(list, step, filters, needles);
    const from = scan.entries;
    const at = (k: number) => from[scan.step === 1 ? k : from.length - 1 - k] as Entry;
    // One tight pass: this loop is the whole cost of a search (10,000 clips: a few ms).
    const [first, ...more] = needles;
    const matches: Entry[] = [];
    const items: ClipRecord[] = [];
    for (let k = 0; k < from.length; k++) {
      const entry = at(k);
      if (first !== undefined && !entry.haystack.includes(first)) continue;
      if (more.length > 0 && !more.every((needle) => entry.haystack.includes(needle))) continue;
      if (accept && !accept(entry)) continue;
      if (matches.length >= q.offset && items.length < q.limit) items.push(entry.record);
      matches.push(entry);
    }
    lastScan = { list, step, filters, needles, matches };
    return { total: matches.length, items };
  }

  return {
    set,
    remove,
    get: (id) => entries.get(id)?.record,
    haystack: (id) => entries.get(id)?.haystack,
    byFolder: (folder) => {
      const id = folders.get(folder);
      return id === undefined ? undefined : entries.get(id)?.record;
    },
    byJobId: (jobId) => {
      const id = jobs.get(jobId);
      return id === undefined ? undefined : entries.get(id)?.record;
    },
    query,
    takeOf: (id) => {
      takes ??= numberTakes([...entries.values()].map(({ record: { id: clipId, sidecar } }) => ({ id: clipId, prompt: sidecar.prompt, modelId: sidecar.modelId, inputs: inputsOf(sidecar), at: sidecar.createdAt })));
      return takes.get(id);
    },
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

/** A clip's inputs as `TakeSubject.inputs`: each input's role, tag and content hash (or URL). */
function inputsOf(sidecar: ClipSidecar): string[] {
  return sidecar.inputs.map((i) => `${i.role}${i.tag ?? ''}:${i.original?.sha256 ?? i.sent?.sha256 ?? i.url ?? ''}`);
}

/** A predicate for the filters that are set (a Set per list), or null when none is. */
function filterOf(f: LibraryFilters): ((entry: Entry) => boolean) | null {
  const checks: Array<(entry: Entry) => boolean> = [];
  const oneOf = <T>(list: readonly T[] | undefined, value: (s: ClipSidecar) => T) => {
    if (!list || list.length === 0) return;
    const allowed = new Set(list);
    checks.push((e) => allowed.has(value(e.record.sidecar)));
  };
  oneOf(f.provider, (s) => s.provider);
  oneOf(f.modelId, (s) => s.modelId);
  oneOf(f.mode, (s) => s.mode);
  oneOf(f.resolution, (s) => s.parameters.resolution);
  if (f.aspectRatio && f.aspectRatio.length > 0) {
    const ratios = new Set<string>(f.aspectRatio);
    checks.push((e) => ratios.has(e.aspect) || ratios.has(e.record.sidecar.parameters.aspectRatio));
  }
  const { from, to, minRating, batchId } = f;
  if (batchId !== undefined) checks.push((e) => e.record.sidecar.batch?.id === batchId);
  if (from !== undefined) checks.push((e) => e.record.sidecar.createdAt >= from);
  if (to !== undefined) checks.push((e) => e.record.sidecar.createdAt <= to);
  if (minRating !== undefined) checks.push((e) => e.record.sidecar.rating >= minRating);
  if (checks.length === 0) return null;
  return (entry) => checks.every((check) => check(entry));
}
