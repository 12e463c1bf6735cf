import { PROVIDER_NAMES } from '../catalog/provider-names';
import { sourceLengthPhrase } from '../catalog/task-type';
import type { ModelEntry, ProviderId } from '../catalog/types';
import { english, phrase, said, type Phrase, type PhraseValue, type Said } from '../messages/phrase';
import type { ClipSidecar } from './sidecar';

/*
 * A library clip as the source video of a Seedance 2.5 edit or extend (issue 15 §2): which rows
 * take the task, whether the clip's length fits, and how the source reaches the provider.
 */

/** The two tasks that work on a source clip. */
export type SourceTask = 'edit' | 'extend';

/**
 * Why a clip of `durationSec` seconds cannot be the source of `task` on `entry`, in plain words;
 * null when it can. The range is the row's (`sourceSeconds`, seedance-2.5.md §2.3: edit 4–30 s;
 * extend 2–30 s, fal 1.8–30.2 s). Checked before Compose opens, since the provider refuses a
 * source outside it (`TaskTypeConstraint`, §2.8). A clip a hair outside by float noise
 * (30.0004 s) is judged at 1/100 s.
 */
export function sourceLengthFor(entry: Pick<ModelEntry, 'provider' | 'name'>, task: SourceTask, durationSec: number): string | null {
  return sourceLengthSaid(entry, task, durationSec)?.message ?? null;
}

/** `sourceLengthFor` with its phrase, for an error shown in the UI's language. */
export function sourceLengthSaid(entry: Pick<ModelEntry, 'provider' | 'name'>, task: SourceTask, durationSec: number): Said | null {
  const problem = sourceLengthPhrase(entry, task, Math.round(durationSec * 100) / 100);
  return problem ? { message: english(problem), phrase: problem } : null;
}

/**
 * Whether a provider takes the source video as a file (uploaded: fal storage, EvoLink's files API)
 * or only by public URL (ModelArk: videos by URL or `asset://` only, no upload and no base64,
 * seedance-2.5.md §2.4 "Videos").
 */
export function takesSourceFile(provider: ProviderId): boolean {
  return provider !== 'ark';
}

/** ms a result link is assumed to last when the clip did not record it: ModelArk's 24 h (seedance-2.5.md §2.5 "Retention"). */
export const RESULT_LINK_MS = 24 * 60 * 60 * 1000;

/** The clip's own result link, usable by a URL-only provider while it lasts, or why not. */
export type SourceLink = { ok: true; url: string; expiresAt: number } | { ok: false; reason: Said };

/**
 * The clip's own result link (sidecar `resultLink`: the provider's URL and when it stops working,
 * 24 h on ModelArk) as the source of a URL-only provider, checked at `now` (ms). Not usable, with
 * the reason in plain words (English and phrase) naming `fileProviders` (the providers that can
 * take the file instead): no link recorded, a link that is not public https (the offline demo's),
 * or one that expired.
 */
export function sourceLink(sidecar: Pick<ClipSidecar, 'resultLink'>, now: number, fileProviders: readonly string[]): SourceLink {
  const instead = fileProviders.length > 0 ? phrase('library.link.instead', { providers: listOf(fileProviders) }) : '';
  const link = sidecar.resultLink;
  if (!link) return { ok: false, reason: said('library.link.none', { instead }) };
  if (!/^https:\/\//.test(link.url)) return { ok: false, reason: said('library.link.notHttps', { instead }) };
  if (now >= link.expiresAt) return { ok: false, reason: said('library.link.expired', { date: new Date(link.expiresAt).toUTCString(), instead }) };
  return { ok: true, url: link.url, expiresAt: link.expiresAt };
}

/** A catalog row as the Library offers it: available or not, and why not (English and phrase, as main sent them). */
type OfferedRow = ModelEntry & { available?: boolean; unavailableReason?: string; unavailablePhrase?: Phrase | undefined };

/** A reason in English and, where there is one, as a phrase for the UI's language. */
export interface SourceReason {
  message: string;
  phrase?: Phrase | undefined;
}

/** One 2.5 row offered for an edit or extend of a clip, and why it cannot be used now (absent when it can). */
export interface SourceChoice {
  model: OfferedRow;
  reason?: SourceReason;
}

/**
 * The rows that take `task` (catalog rows whose `tasks` include it, in catalog order, not retired)
 * and whose source range the clip's length fits (`sourceLengthFor`), each with why it cannot take
 * this clip now: the model is unavailable (no key), or, on a URL-only provider, the clip's link is
 * missing or expired (`sourceLink`). `problem` is the clip-wide reason nothing can be offered (no
 * row takes the task in this build, or the clip fits no row's range), else null. Reasons are
 * English with their phrase. Pure; `now` ms.
 */
export function sourceChoices(
  task: SourceTask,
  clip: { durationSec: number; sidecar: Pick<ClipSidecar, 'resultLink'> },
  models: readonly OfferedRow[],
  now: number,
): { problem: Said | null; choices: SourceChoice[] } {
  const all = models.filter((m) => m.tasks?.includes(task) && m.status?.state !== 'retired');
  if (all.length === 0) return { problem: said(`library.noModel.${task}`), choices: [] };
  // A row whose source range the clip misses is not offered; when none is left, the first row's verdict says why.
  const rows = all.filter((m) => sourceLengthFor(m, task, clip.durationSec) === null);
  if (rows.length === 0) return { problem: sourceLengthSaid(all[0] as ModelEntry, task, clip.durationSec), choices: [] };
  const fileProviders = [...new Set(rows.filter((m) => takesSourceFile(m.provider) && m.available !== false).map((m) => PROVIDER_NAMES[m.provider]))];
  const choices = rows.map((model): SourceChoice => {
    if (model.available === false) return { model, reason: unavailable(model) };
    if (takesSourceFile(model.provider)) return { model };
    const link = sourceLink(clip.sidecar, now, fileProviders);
    return link.ok ? { model } : { model, reason: link.reason };
  });
  return { problem: null, choices };
}

/** Why an unavailable row cannot be used: main's reason (with its phrase when it sent one), else "not set up". */
function unavailable(model: OfferedRow): SourceReason {
  if (model.unavailableReason === undefined) return said('library.notSetUp', { provider: PROVIDER_NAMES[model.provider] });
  return { message: model.unavailableReason, phrase: model.unavailablePhrase };
}

/** "a", "a and b", "a, b and c". */
function listOf(items: readonly string[]): PhraseValue {
  return items.length <= 1 ? (items[0] ?? '') : phrase('library.link.and', { first: items.slice(0, -1).join(', '), last: items[items.length - 1] as string });
}

/**
 * The prompt a 2.5 edit or extend starts with, in the wording the providers document for the task
 * (seedance-2.5.md §2.2 "Prompt trigger words": edit — "edit video", "replace", …; extend —
 * "extend forward", "continue from", …), so the model infers the same task that is sent explicitly
 * and the job does not fail with `TaskTypeMismatch` (§2.8). `@video1` is the source (the first
 * reference video, §2.2; EvoLink's tags, §4). The user completes it.
 */
export function promptStarter(task: SourceTask): string {
  return task === 'edit' ? 'Edit video @video1: replace ' : 'Extend @video1 forward: continue from its last shot, ';
}
