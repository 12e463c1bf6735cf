import type { ReferenceItem } from '../../../shared/catalog/types';
import type { Draft } from '../../../shared/drafts/draft';
import { addToTray, moveInTray, removeFromTray, renumberPrompt, type TrayEdit } from '../../../shared/drafts/reference-tags';

/**
 * Tray edits on a draft. The prompt's tags follow their files automatically: a creator writes
 * "@image1 walks towards @image2" about two photos, not about two slots, so after moving or
 * removing a photo the prompt must still mean the same photos. Rewriting it silently is safe here
 * because it is lossless (moving back restores the exact prompt) — the one lossy case, a removed
 * file, leaves its mentions as `@image?`, which the prompt flags and Generate refuses until the
 * user rewrites them; nothing is ever re-pointed at another file. Pure.
 */

function applied(draft: Draft, edit: TrayEdit<ReferenceItem> | null): Draft | null {
  if (!edit) return null;
  return { ...draft, references: edit.references, prompt: renumberPrompt(draft.prompt, edit.renumbering) };
}

/** `items` added at the end of their kinds; no existing tag changes. A file or URL already in the tray is not added twice. */
export function withReferencesAdded(draft: Draft, items: readonly ReferenceItem[]): Draft {
  const seen = new Set(draft.references.map(referenceKey));
  const fresh = items.filter((item) => {
    const key = referenceKey(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return fresh.length ? { ...draft, references: addToTray(draft.references, fresh) } : draft;
}

/** The item at `index` one place earlier/later among its kind, the prompt following; null when it cannot move. */
export function withReferenceMoved(draft: Draft, index: number, delta: -1 | 1): Draft | null {
  return applied(draft, moveInTray(draft.references, index, delta));
}

/** The item at `index` removed, later tags of its kind renumbered and its own mentions marked `@image?`; null for a bad index. */
export function withReferenceRemoved(draft: Draft, index: number): Draft | null {
  return applied(draft, removeFromTray(draft.references, index));
}

/** The item at `index` replaced by `item` of the same kind (a fixed copy of a video), its tag unchanged. */
export function withReferenceReplaced(draft: Draft, index: number, item: ReferenceItem): Draft {
  if (draft.references[index]?.kind !== item.kind) return draft;
  const references = [...draft.references];
  references[index] = item;
  return { ...draft, references };
}

/** A stable key for a tray item across reorders (its id or URL), for focus and React keys. */
export function referenceKey(item: ReferenceItem): string {
  return `${item.kind}:${item.id ?? item.url ?? ''}`;
}
