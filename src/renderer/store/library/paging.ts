import type { ClipSummary } from '../../../shared/contract/library';

/** Clips per `library:list` call (the contract allows up to 500; 200 fills a tall screen several times over). */
export const PAGE_SIZE = 200;

/** Loaded pages by page number; a page holds clips `page * PAGE_SIZE …` of the sorted result. */
export type ClipPages = Readonly<Record<number, readonly ClipSummary[]>>;

/** The page numbers that cover clip indexes `start…end` (inclusive); empty when `end < start`. */
export function pagesFor(start: number, end: number): number[] {
  if (end < start || end < 0) return [];
  const out: number[] = [];
  for (let p = Math.floor(Math.max(0, start) / PAGE_SIZE); p <= Math.floor(end / PAGE_SIZE); p++) out.push(p);
  return out;
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
