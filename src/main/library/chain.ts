import type { Library, LibraryClip } from './library';

/** A Continue-from-last-frame chain through one clip, in playing order. */
export interface ClipChain {
  clips: LibraryClip[];
  /** True when some clip on the way down was continued more than once: the chain follows one take (see `chainThrough`). */
  branched: boolean;
}

/** Longest chain followed (a guard against a sidecar loop written by hand). */
const MAX_CHAIN = 200;

/**
 * The "Continue from last frame" chain through clip `id` (issue 14 "A chain as one film"): its
 * ancestors up the `continuedFrom` links while they are still in the library, the clip, then down
 * its continuations — where a clip was continued more than once, the take with the highest rating
 * (the oldest among equals), which is the one a person marks as the keeper. A clip in no chain is
 * a chain of one. Throws the library's `NOT_FOUND` when `id` is not in it.
 */
export async function chainThrough(library: Library, id: string): Promise<ClipChain> {
  const start = await library.get(id);
  const seen = new Set([start.id]);
  const up: LibraryClip[] = [];
  let cursor = start;
  while (cursor.sidecar.continuedFrom && seen.size < MAX_CHAIN) {
    const parentId = cursor.sidecar.continuedFrom;
    if (seen.has(parentId)) break;
    const parent = await library.get(parentId).catch(() => null);
    if (!parent) break;
    seen.add(parent.id);
    up.unshift(parent);
    cursor = parent;
  }
  const down: LibraryClip[] = [];
  let branched = false;
  cursor = start;
  while (seen.size < MAX_CHAIN) {
    const { continuedBy } = await library.lineage(cursor.id);
    const takes = (await Promise.all(continuedBy.filter((c) => !seen.has(c)).map((c) => library.get(c).catch(() => null)))).filter((c): c is LibraryClip => c !== null);
    if (takes.length === 0) break;
    if (takes.length > 1) branched = true;
    // continuedBy is oldest first, and sort is stable: equal ratings keep the oldest first.
    const next = [...takes].sort((a, b) => b.sidecar.rating - a.sidecar.rating)[0] as LibraryClip;
    seen.add(next.id);
    down.push(next);
    cursor = next;
  }
  return { clips: [...up, start, ...down], branched };
}
