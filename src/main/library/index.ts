import { effectiveAspectRatio } from '../../shared/library/aspect';
import type { LibraryQuery } from '../../shared/library/query';
import { createSearcher, haystackOf, type Searchable, type SearchFacts } from '../../shared/library/search';
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

/** A clip as the index holds it: its record, and what a search reads of it. */
interface Entry extends Searchable {
  record: ClipRecord;
}

/** What a search reads of a clip, from its sidecar. */
function factsOf({ id, sidecar }: ClipRecord): SearchFacts {
  return {
    id,
    createdAt: sidecar.createdAt,
    rating: sidecar.rating,
    provider: sidecar.provider,
    modelId: sidecar.modelId,
    mode: sidecar.mode,
    resolution: sidecar.parameters.resolution,
    aspectRatios: [effectiveAspectRatio(sidecar), sidecar.parameters.aspectRatio],
    batchId: sidecar.batch?.id,
  };
}

/** Creates an empty index. All operations are synchronous; a query is one pass over the clips. */
export function createClipIndex(): ClipIndex {
  const entries = new Map<string, Entry>();
  const folders = new Map<string, string>();
  const jobs = new Map<string, string>();
  const children = new Map<string, Set<string>>();
  const searcher = createSearcher(() => entries.values());
  // Lazily rebuilt after a change: the take numbers.
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
    const entry: Entry = { record, haystack: haystack ?? haystackOf(record.sidecar), facts: factsOf(record) };
    entries.set(record.id, entry);
    folders.set(record.folder, record.id);
    if (record.sidecar.jobId) jobs.set(record.sidecar.jobId, record.id);
    const parent = record.sidecar.continuedFrom;
    if (parent) {
      let ids = children.get(parent);
      if (!ids) children.set(parent, (ids = new Set()));
      ids.add(record.id);
    }
    searcher.invalidate();
    takes = null;
  }

  function remove(id: string): boolean {
    const entry = entries.get(id);
    if (!entry) return false;
    unlink(entry);
    searcher.invalidate();
    takes = null;
    return true;
  }

  function query(q: LibraryQuery): { total: number; items: ClipRecord[] } {
    const { total, items } = searcher.query(q);
    return { total, items: items.map((entry) => entry.record) };
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
