import type { StoreApi } from 'zustand';
import type { ModelEntry } from '../../../shared/catalog/types';
import type { ClipDetail } from '../../../shared/contract/library';
import type { SourceTask } from '../../../shared/library/source-video';
import type { StudioState } from '../index';
import { openAsNewDraft, run } from './handoff';
import type { Phrase } from '../../../shared/messages/phrase';
import { i18n } from '../../i18n/index';
import { phraseText } from '../../i18n/phrase';
import { formatFixed } from '../../i18n/format';
import { sourceSeed } from './source-seed';

/**
 * **Edit…** / **Extend…** (issue 15 §2): main gives the clip's video as the source for `entry`'s
 * provider (`library:sourceVideo`: registered with the media service by the clip's own file, or
 * the clip's result link on ModelArk — refused in plain words when that has expired), and Compose
 * opens a NEW draft on the 2.5 row with the task, the source, the prompt starter and the locks
 * (`sourceSeed`). A refusal becomes the Library's error toast; nothing is changed.
 */
export function sourceClip(store: StoreApi<StudioState>, clip: ClipDetail, entry: ModelEntry, task: SourceTask): Promise<void> {
  return run(store, task, async (requests) => {
    const source = await requests.library.sourceVideo({ id: clip.id, provider: entry.provider, task });
    const video = source.as === 'media' ? { mediaId: source.media.mediaId } : { url: source.url };
    if (source.as === 'media') store.getState().compose.rememberMedia(source.media);
    await openAsNewDraft(store, requests, sourceSeed(clip.sidecar, entry, task, video), []);
  });
}

/**
 * **Join with the source**: joins the extension's source and the clip (in that order) into one new
 * clip (`library:join`, lineage "joined from") and opens it; the toast says whether the streams
 * were copied or re-encoded, and why.
 */
export function joinWithSource(store: StoreApi<StudioState>, clip: ClipDetail, sourceId: string): Promise<void> {
  return run(store, 'join', async (requests) => {
    const answer = await requests.library.join({ ids: [sourceId, clip.id] });
    const library = store.getState().library;
    await library.open(answer.clip.id);
    library.showToast({ tone: 'info', text: joinedText(answer) });
  });
}

/**
 * What a join did, in plain words and the UI's language: "Joined into one 7.0 s clip; …". The
 * `reasons` for a re-encode are main's, each in the UI's language where main gave its phrase
 * (`reasonPhrases`, same order), else as main wrote it.
 */
export function joinedText(answer: { method: 'copy' | 'reencode'; reasons: string[]; reasonPhrases?: Phrase[]; clip: { durationSec: number } }): string {
  const length = i18n.t('library:format.seconds', { value: formatFixed(answer.clip.durationSec, 1) });
  if (answer.method === 'copy') return i18n.t('library:toast.joinedCopy', { length });
  const reasons = answer.reasons.map((reason, i) => phraseText(answer.reasonPhrases?.[i], reason));
  return i18n.t('library:toast.joinedReencode', { length, reasons: reasons.join(i18n.t('library:toast.reasonSeparator')) });
}
