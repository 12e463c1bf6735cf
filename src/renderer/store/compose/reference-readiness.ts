import type { ReferenceCheck } from '../../../shared/contract/media';
import type { Draft } from '../../../shared/drafts/draft';
import { countByKind, promptTagReport } from '../../../shared/drafts/reference-tags';
import type { Keyed } from './frame-state';

const list = (tags: readonly string[]) => (tags.length === 1 ? tags[0] : `${tags.slice(0, -1).join(', ')} and ${tags.at(-1)}`);

/**
 * Why a reference job cannot go yet, in the words written next to Generate, or null. Order: an
 * image or a video to start from (audio alone is refused by every provider, providers.md "Seedance
 * 2.0 reference-to-video"), the prompt's tags (a removed file's `@image?`, a tag with no input —
 * "a client bug" upstream), then the tray's `media:check`: busy, failed, or the first rule broken
 * (an item's, named by its tag, else the set's). Pure.
 */
export function referenceBlocker(draft: Pick<Draft, 'prompt' | 'references'>, check: Keyed<ReferenceCheck>): string | null {
  const counts = countByKind(draft.references);
  if (counts.image + counts.video === 0) {
    return counts.audio ? 'Add a reference image or video: audio cannot be used alone.' : 'Add a reference image or video to start from.';
  }
  const tags = promptTagReport(draft.prompt, draft.references);
  if (tags.removed.length) return `The prompt still mentions a removed reference (${list(tags.removed)}): tag another file or rewrite it.`;
  if (tags.missing.length) return `The prompt uses ${list(tags.missing)}, which ${tags.missing.length === 1 ? 'has' : 'have'} no file in the tray.`;
  if (check.status === 'idle' || check.status === 'busy') return 'Checking the references…';
  if (check.status === 'error') return `The references cannot be checked: ${check.message}`;
  const item = check.value.items.find((i) => i.violations.length > 0);
  const first = item?.violations[0];
  if (item && first) return `${item.tag}: ${first.message}`;
  const set = check.value.violations[0];
  if (set) return set.message;
  if (!check.value.ok) return 'The references break this model’s rules.';
  return null;
}
