import type { ReferenceItem, ReferenceKind } from '../catalog/types';

/**
 * Reference tags: how a prompt addresses the job's reference media. Tags are 1-based per kind in
 * array order — the first image is `@image1`, the first video `@video1` (providers.md "Seedance
 * 2.0 reference-to-video": "Prompt tags are 1-based per kind, in array order"; fal writes `@Image1`,
 * so tags are read case-insensitively and the user's spelling is kept). A tag with no matching file
 * is a client bug upstream, so the app finds them before anything is sent.
 *
 * The tray keeps its items grouped by kind (images, then videos, then audio): the array order
 * within a kind is the tag order, and reordering only ever happens within a kind.
 */

export const REFERENCE_KINDS: readonly ReferenceKind[] = ['image', 'video', 'audio'];

/**
 * What a tag of a removed reference becomes in the prompt (`@image?`): the user's words stay, the
 * prompt says plainly which mention lost its file, and it never silently points at another file.
 */
export const REMOVED_MARK = '?';

/** `@image1` for (`image`, 1). */
export function tagFor(kind: ReferenceKind, n: number): string {
  return `@${kind}${n}`;
}

/** The tag of each item, in array order: `['@image1', '@image2', '@video1']`. */
export function referenceTags(references: readonly Pick<ReferenceItem, 'kind'>[]): string[] {
  const seen: Record<ReferenceKind, number> = { image: 0, video: 0, audio: 0 };
  return references.map((r) => tagFor(r.kind, ++seen[r.kind]));
}

/** How many items of each kind the tray holds. */
export function countByKind(references: readonly Pick<ReferenceItem, 'kind'>[]): Record<ReferenceKind, number> {
  const counts: Record<ReferenceKind, number> = { image: 0, video: 0, audio: 0 };
  for (const r of references) counts[r.kind] += 1;
  return counts;
}

/** One tag found in a prompt: where it is (UTF-16 offsets, `end` exclusive), its kind and number (null for `@image?`). */
export interface PromptTag {
  kind: ReferenceKind;
  n: number | null;
  start: number;
  end: number;
  /** As written, e.g. `@Image2`. */
  text: string;
}

/**
 * `@image1`, `@Video12`, `@audio?`: not inside a word or an e-mail address (`me@image1.com` is no
 * tag: preceded by a word character) and not followed by more digits or letters.
 */
const TAG = /(?<![\w@])@(image|video|audio)(\d+|\?)(?![\w?])/gi;

/** Every reference tag in `prompt`, in order. Pure. */
export function findPromptTags(prompt: string): PromptTag[] {
  const out: PromptTag[] = [];
  for (const m of prompt.matchAll(TAG)) {
    const [text, word = '', num = ''] = m;
    const start = m.index;
    out.push({ kind: word.toLowerCase() as ReferenceKind, n: num === REMOVED_MARK ? null : Number(num), start, end: start + text.length, text });
  }
  return out;
}

/** What the prompt says about the tray, shown under the prompt and weighed by readiness. */
export interface PromptTagReport {
  /** Tags the prompt uses that have an input, each once, in tray order. */
  used: string[];
  /** Tags the prompt uses with no input (`@image3` with two images), each once, in prompt order. */
  missing: string[];
  /** Mentions of references that were removed (`@image?`), each kind once. */
  removed: string[];
}

/** Checks the prompt's tags against the tray (`references`, in tag order per kind). Pure. */
export function promptTagReport(prompt: string, references: readonly Pick<ReferenceItem, 'kind'>[]): PromptTagReport {
  const counts = countByKind(references);
  const usedSet = new Set<string>();
  const missing: string[] = [];
  const removed: string[] = [];
  for (const tag of findPromptTags(prompt)) {
    if (tag.n === null) {
      const mark = `@${tag.kind}${REMOVED_MARK}`;
      if (!removed.includes(mark)) removed.push(mark);
      continue;
    }
    const canonical = tagFor(tag.kind, tag.n);
    if (tag.n >= 1 && tag.n <= counts[tag.kind]) usedSet.add(canonical);
    else if (!missing.includes(canonical)) missing.push(canonical);
  }
  return { used: referenceTags(references).filter((t) => usedSet.has(t)), missing, removed };
}

/**
 * For each kind, where each old tag number goes: a new number, or null when its item was removed.
 * Numbers absent from the map are left as they are (tags that had no input before keep pointing
 * past the end, still flagged as missing).
 */
export type Renumbering = Partial<Record<ReferenceKind, ReadonlyMap<number, number | null>>>;

/**
 * The prompt with its tags following their files after a reorder or removal: a moved item's
 * mentions take its new number, a removed item's mentions become `@image?` (see `REMOVED_MARK`).
 * The word keeps the user's case (`@Image2` → `@Image1`). Pure; answers `prompt` itself when
 * nothing changes.
 */
export function renumberPrompt(prompt: string, renumbering: Renumbering): string {
  let out = '';
  let from = 0;
  for (const tag of findPromptTags(prompt)) {
    if (tag.n === null) continue;
    const map = renumbering[tag.kind];
    if (!map?.has(tag.n)) continue;
    const next = map.get(tag.n);
    if (next === tag.n) continue;
    const word = tag.text.slice(1, 1 + tag.kind.length);
    out += prompt.slice(from, tag.start) + `@${word}${next === null || next === undefined ? REMOVED_MARK : next}`;
    from = tag.end;
  }
  return from === 0 ? prompt : out + prompt.slice(from);
}

/** The number (1-based, per kind) of the item at `index`. */
export function numberAt(references: readonly Pick<ReferenceItem, 'kind'>[], index: number): number {
  const kind = references[index]?.kind;
  let n = 0;
  for (let i = 0; i <= index; i++) if (references[i]?.kind === kind) n += 1;
  return n;
}

/** A tray edit: the new items and how the prompt's tags follow them. */
export interface TrayEdit<T> {
  references: T[];
  renumbering: Renumbering;
}

/**
 * `items` added to the tray, each at the end of its kind (so the tray stays grouped images →
 * videos → audio and no existing tag moves). Pure.
 */
export function addToTray<T extends Pick<ReferenceItem, 'kind'>>(references: readonly T[], items: readonly T[]): T[] {
  const all = [...references, ...items];
  return REFERENCE_KINDS.flatMap((kind) => all.filter((r) => r.kind === kind));
}

/**
 * Moves the item at `index` one place earlier (`delta` −1) or later (+1) among the items of its
 * kind; the two items exchange tags. Null when it cannot move (first or last of its kind). Pure.
 */
export function moveInTray<T extends Pick<ReferenceItem, 'kind'>>(references: readonly T[], index: number, delta: -1 | 1): TrayEdit<T> | null {
  const item = references[index];
  if (!item) return null;
  let other = index + delta;
  while (other >= 0 && other < references.length && references[other]?.kind !== item.kind) other += delta;
  const swapWith = references[other];
  if (!swapWith) return null;
  const next = [...references];
  next[index] = swapWith;
  next[other] = item;
  const a = numberAt(references, index);
  const b = numberAt(references, other);
  return { references: next, renumbering: { [item.kind]: new Map([[a, b], [b, a]]) } };
}

/** Removes the item at `index`; later items of its kind move up one number. Null for an index out of range. Pure. */
export function removeFromTray<T extends Pick<ReferenceItem, 'kind'>>(references: readonly T[], index: number): TrayEdit<T> | null {
  const item = references[index];
  if (!item) return null;
  const removedN = numberAt(references, index);
  const count = countByKind(references)[item.kind];
  const map = new Map<number, number | null>([[removedN, null]]);
  for (let n = removedN + 1; n <= count; n++) map.set(n, n - 1);
  return { references: references.filter((_, i) => i !== index), renumbering: { [item.kind]: map } };
}

/**
 * `tag` inserted into `prompt` in place of the selection `start`…`end` (UTF-16 offsets, clamped),
 * with a space before it unless it starts the prompt or follows a space or an opening bracket or
 * quote, and a space after it unless punctuation or a space follows (at the end too, so typing
 * goes on as after a mention in a chat). Answers the new prompt and
 * where the caret goes (after the tag). Pure.
 */
export function insertTag(prompt: string, start: number, end: number, tag: string): { prompt: string; caret: number } {
  const from = Math.max(0, Math.min(start, prompt.length));
  const to = Math.max(from, Math.min(end, prompt.length));
  const before = prompt.slice(0, from);
  const after = prompt.slice(to);
  const lead = before === '' || /[\s([{"'“‘]$/.test(before) ? '' : ' ';
  const trail = /^[\s.,;:!?)\]}"'”’]/.test(after) ? '' : ' ';
  const inserted = `${lead}${tag}${trail}`;
  return { prompt: before + inserted + after, caret: before.length + lead.length + tag.length + trail.length };
}
