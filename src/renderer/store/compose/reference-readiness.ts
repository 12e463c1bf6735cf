import type { ReferenceCheck } from '../../../shared/contract/media';
import type { Draft } from '../../../shared/drafts/draft';
import { countByKind, promptTagReport } from '../../../shared/drafts/reference-tags';
import type { Keyed } from './frame-state';
import { i18n } from '../../i18n/index';
import { phraseText } from '../../i18n/phrase';

/** "@image1, @image2 and @video1" in the UI's language (no serial comma, as Generate always said it). */
const list = (tags: readonly string[]) =>
  tags.length === 1 ? tags[0] : i18n.t('compose:ready.list', { head: tags.slice(0, -1).join(i18n.t('compose:ready.listSeparator')), last: tags.at(-1) });

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
    return i18n.t(counts.audio ? 'compose:ready.refs.audioAlone' : 'compose:ready.refs.start');
  }
  const tags = promptTagReport(draft.prompt, draft.references);
  if (tags.removed.length) return i18n.t('compose:ready.refs.removedTag', { tags: list(tags.removed) });
  if (tags.missing.length) return i18n.t(tags.missing.length === 1 ? 'compose:ready.refs.missingOne' : 'compose:ready.refs.missingOther', { tags: list(tags.missing) });
  if (check.status === 'idle' || check.status === 'busy') return i18n.t('compose:ready.refs.checking');
  if (check.status === 'error') return i18n.t('compose:ready.refs.checkFailed', { reason: check.message });
  const item = check.value.items.find((i) => i.violations.length > 0);
  const first = item?.violations[0];
  if (item && first) return i18n.t('compose:ready.refs.item', { tag: item.tag, problem: phraseText(first.phrase, first.message) });
  const set = check.value.violations[0];
  if (set) return phraseText(set.phrase, set.message);
  if (!check.value.ok) return i18n.t('compose:ready.refs.broken');
  return null;
}
