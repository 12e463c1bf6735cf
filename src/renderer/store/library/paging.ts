import type { ClipSummary } from '../../../shared/contract/library';

/** Clips per `library:list` call (the contract allows up to 500; 200 fills a tall screen several times over). */
export const PAGE_SIZE = 200;

/** The smallest first answer to a new search: a few rows of the narrowest grid (see `headSize`). */
const MIN_HEAD = 24;

/**
 * Loaded pages by page number; a page holds clips `page * PAGE_SIZE …` of the sorted result. A
 * page may hold only its first clips (a new search asks just for the cards the grid shows, then
 * the rest: `missingTail`).
 */
export type ClipPages = Readonly<Record<number, readonly ClipSummary[]>>;

/**
 * How many clips the first answer to a new search asks for: the cards the grid has in its DOM
 * (`shown`, 0 before it first rendered: then a whole page), at least `MIN_HEAD`. The fewer clips
 * main summarises and sends, the sooner the narrowed grid is painted.
 */
export function headSize(shown: number): number {
  return shown > 0 ? Math.min(PAGE_SIZE, Math.max(MIN_HEAD, shown)) : PAGE_SIZE;
}

/**
 * The clips page `page` still lacks, as the `offset` and `limit` to ask for (`limit` 0: none):
 * all of it when absent, the rest when only its head is loaded, for a result of `total` clips.
 */
export function missingTail(pages: ClipPages, page: number, total: number): { offset: number; limit: number } {
  const have = pages[page]?.length ?? 0;
  const size = Math.min(PAGE_SIZE, total - page * PAGE_SIZE);
  return { offset: page * PAGE_SIZE + have, limit: Math.max(0, size - have) };
}

/** The page numbers that cover clip indexes `start…end` (inclusive); empty when `end < start`. */
export function pagesFor(start: number, end: number): number[] {
  if (end < start || end < 0) return [];
  const out: number[] = [];
  for (let p = Math.floor(Math.max(0, start) / PAGE_SIZE); p <= Math.floor(end / PAGE_SIZE); p++) out.push(p);
  return out;
}

/**
 * `items` with each clip `known` holds, unchanged, replaced by the object held; `known` (clips by
 * id, kept by `connectLibrary` for the session) then holds the objects returned. Main sends fresh
 * copies of the same clips on every keystroke, and a memoised card, or the text a card caches per
 * clip object, is reused only for the same object: a clip seen once, then again some keystrokes
 * later, costs its card nothing new. Summaries are plain JSON built in one order by main, so equal
 * text means an equal clip.
 */
export function reuseClips(known: Map<string, ClipSummary>, items: readonly ClipSummary[]): ClipSummary[] {
  return items.map((clip) => {
    const old = known.get(clip.id);
    if (old && JSON.stringify(old) === JSON.stringify(clip)) return old;
    known.set(clip.id, clip);
    return clip;
  });
}

/** The clip at `index` of the sorted result, or undefined while its page is not loaded. */
export function clipAt(pages: ClipPages, index: number): ClipSummary | undefined {
  return pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
}

/** `pages` with the clip of the same id replaced by `clip` (a rating or tag change); the same object when absent. */
export function replaceClip(pages: ClipPages, clip: ClipSummary): ClipPages {
  for (const [key, list] of Object.entries(pages)) {
    const i = list.findIndex((c) => c.id === clip.id);
    if (i < 0) continue;
    const next = [...list];
    next[i] = clip;
    return { ...pages, [key]: next };
  }
  return pages;
}
