import { sourceLengthPhrase, taskOf } from '../../shared/catalog/task-type';
import { english, phrase, type Phrase, type PhraseValue, type Said } from '../../shared/messages/phrase';
import type { MediaLimits, ModelEntry, ReferenceKind, ReferenceRules, ReferenceTask } from '../../shared/catalog/types';
import type { MediaInfoView, ReferenceCheck, ReferenceItemCheck, ReferenceViolation } from '../../shared/contract/media';
import { formatBytes } from '../../shared/format/bytes';
import { checkImage } from '../images/check';
import type { ImageInfo } from '../images/inspect';
import type { PreparedImage } from '../providers/types';
import { referenceImageSize } from './image-size';

/**
 * One reference as the checks see it, in the job's order: an inspected image, a probed video or
 * audio file, a URL the user gave (not fetched: the provider fetches it), or a file the app could
 * not read (`problem` says why, in plain words, with its phrase when the reader gave one).
 */
export type ResolvedReference =
  | { kind: 'image'; image: ImageInfo }
  /** An image already fixed by the row's reference image rules (the engine's copy to send): nothing left to judge. */
  | { kind: 'image'; fixed: PreparedImage }
  | { kind: 'video' | 'audio'; media: MediaInfoView }
  | { kind: ReferenceKind; url: string }
  | { kind: ReferenceKind; problem: string | Said };

/**
 * What a job would be sent with beside its references: frames, and the task (Seedance 2.5: an edit
 * or extension judges its first reference video as the source clip; absent = the row's default).
 */
export interface FramesBeside {
  firstFrame?: boolean;
  lastFrame?: boolean;
  task?: ReferenceTask;
}

const PLURAL: Record<ReferenceKind, string> = { image: 'images', video: 'videos', audio: 'audio clips' };
/** "image", "audio clip": a kind as a word of a sentence. */
const kindWord = (kind: ReferenceKind) => phrase(`reference.kind.${kind}`);
/** "images", "audio clips". */
const kindsWord = (kind: ReferenceKind) => phrase(`reference.kinds.${kind}`);

/**
 * A violation from phrases: the message, and the fix — an instruction phrase, or the name of a fix
 * `media:fix` can make (`reencode`, `trim`), which the UI words itself.
 */
function violation(rule: string, message: Phrase, fix?: Phrase | 'reencode' | 'trim'): ReferenceViolation {
  const out: ReferenceViolation = { rule, message: english(message), phrase: message };
  if (typeof fix === 'string') out.fix = fix;
  else if (fix) Object.assign(out, { fix: english(fix), fixPhrase: fix });
  return out;
}

/** A warning from a phrase. */
function warning(rule: string, message: Phrase): ReferenceItemCheck['warnings'][number] {
  return { rule, message: english(message), phrase: message };
}
/** Codec names ffprobe gives audio streams; a row's `codecs` naming one of them also rules a video's sound. */
const AUDIO_CODEC = /^(aac|mp3|mp2|opus|vorbis|flac|alac|ac3|eac3|pcm_.*)$/;

/**
 * The prompt tag of each reference: 1-based per kind in array order (`@image1`, `@video1`,
 * `@audio1`; providers.md "Seedance 2.0 reference-to-video", common rules).
 */
export function referenceTags(kinds: readonly ReferenceKind[]): string[] {
  const seen: Record<ReferenceKind, number> = { image: 0, video: 0, audio: 0 };
  return kinds.map((k) => `@${k}${++seen[k]}`);
}

/**
 * Judges a job's references against `entry.references` (providers.md "Seedance 2.0
 * reference-to-video": the row's `source` names the provider's table), every failing rule
 * reported, never only the first. Pure; never throws.
 *
 * Per item: images by the image rules (`checkImage` on `references.images`, without the first
 * frame's crop and upscale notes: a reference image keeps its own picture; the fix says what the
 * app sends instead); videos and audio by their `MediaLimits`: container, codec (a video's sound
 * too, where the row names audio codecs), seconds, bytes, pixels per frame, sides, ratio, frame
 * rate; the transport (ModelArk takes reference videos only by public URL; only videos may be
 * URLs); a file the app could not read. A violation's `fix` is `reencode` or `trim` where
 * `media:fix` can make a copy that passes, else a plain instruction.
 *
 * For the set: the model takes no references at all; counts per kind and in all (`maxFiles`);
 * seconds and bytes of each kind together; audio without an image or a video
 * (`audioNeedsVisual`); references beside a first or last frame (`excludesFrames`).
 * `ok` only when nothing is violated anywhere.
 */
export function checkReferences(entry: ModelEntry, items: readonly ResolvedReference[], frames: FramesBeside = {}): ReferenceCheck {
  const tags = referenceTags(items.map((i) => i.kind));
  const rules = entry.references;
  if (!rules) {
    const checks = items.map((item, index) => itemCheck(index, item.kind, tags[index] ?? '', 'problem' in item ? [unreadable(item.problem)] : [], []));
    const violations = items.length > 0 ? [takesNoReferences(entry)] : [];
    return { ok: violations.length === 0, items: checks, violations };
  }
  const checks = items.map((item, index) => checkItem(entry, rules, item, index, tags[index] ?? ''));
  const violations = checkSet(entry, rules, items, frames);
  return { ok: violations.length === 0 && checks.every((c) => c.ok), items: checks, violations };
}

/** The set-level violation of references given to a row that takes none. */
export function takesNoReferences(entry: ModelEntry): ReferenceViolation {
  return violation('model', phrase('reference.noReferences', { model: entry.name }), phrase('reference.noReferencesFix'));
}

/**
 * The set-level rules alone (see `checkReferences`): what can be judged from the kinds and the
 * durations and sizes known so far. The engine runs it before it asks for any file.
 */
export function checkSet(entry: ModelEntry, rules: ReferenceRules, items: readonly (ResolvedReference | { kind: ReferenceKind })[], frames: FramesBeside = {}): ReferenceViolation[] {
  const out: ReferenceViolation[] = [];
  const count = (k: ReferenceKind) => items.filter((i) => i.kind === k).length;
  const counts = { image: count('image'), video: count('video'), audio: count('audio') };
  const max: Record<ReferenceKind, number> = { image: rules.maxImages, video: rules.videos.max, audio: rules.audios.max };
  for (const kind of ['image', 'video', 'audio'] as const) {
    if (counts[kind] > max[kind]) {
      const values = { model: entry.name, kinds: kindsWord(kind), n: counts[kind], max: max[kind] };
      out.push(
        violation(
          `too_many_${kind === 'audio' ? 'audio' : PLURAL[kind]}`,
          phrase(max[kind] > 0 ? 'reference.tooMany' : counts[kind] === 1 ? 'reference.noneTakenOne' : 'reference.noneTakenOther', values),
          phrase('reference.removeSome', { n: counts[kind] - max[kind] }),
        ),
      );
    }
  }
  const total = items.length;
  if (rules.maxFiles !== undefined && total > rules.maxFiles) {
    out.push(violation('too_many_files', phrase('reference.tooManyFiles', { n: total, model: entry.name, max: rules.maxFiles }), phrase('reference.removeSome', { n: total - rules.maxFiles })));
  }
  if (rules.audioNeedsVisual && counts.audio > 0 && counts.image + counts.video === 0) {
    out.push(violation('audio_alone', phrase('reference.audioAlone', { model: entry.name }), phrase('reference.audioAloneFix')));
  }
  if (rules.excludesFrames && total > 0 && (frames.firstFrame || frames.lastFrame)) {
    const which = phrase(frames.firstFrame && frames.lastFrame ? 'reference.frames.both' : frames.firstFrame ? 'reference.frames.first' : 'reference.frames.last');
    out.push(violation('frames_mixed', phrase('reference.framesMixed', { frames: which, model: entry.name }), phrase('reference.framesMixedFix')));
  }
  for (const kind of ['video', 'audio'] as const) out.push(...checkTotals(kind, kind === 'video' ? rules.videos : rules.audios, items));
  out.push(...checkSource(entry, items, frames.task));
  return out;
}

/**
 * Seedance 2.5 edit / extend: the first reference video is the source clip, so there must be one,
 * and its length must fit the task (edit 4–30 s, extend 2–30 s; fal 1.8–30.2 s: seedance-2.5.md
 * §2.2, §2.3) — judged where the file was probed; a video given by URL is the provider's to check.
 */
function checkSource(entry: ModelEntry, items: readonly (ResolvedReference | { kind: ReferenceKind })[], given: ReferenceTask | undefined): ReferenceViolation[] {
  const task = taskOf({ task: given }, entry);
  if (!entry.tasks?.length || task === 'reference') return [];
  const source = items.find((i) => i.kind === 'video');
  const verb = task === 'edit' ? 'edit' : 'extend';
  if (!source) return [violation('source_missing', phrase(`reference.sourceMissing.${verb}`, { model: entry.name }), phrase('reference.sourceMissingFix'))];
  const problem = 'media' in source ? sourceLengthPhrase(entry, task, source.media.durationSec) : null;
  return problem ? [violation('source_seconds', problem, phrase(`reference.sourceLengthFix.${verb}`))] : [];
}

function checkTotals(kind: 'video' | 'audio', limits: MediaLimits, items: readonly (ResolvedReference | { kind: ReferenceKind })[]): ReferenceViolation[] {
  const files = items.flatMap((i) => (i.kind === kind && 'media' in i ? [i.media] : []));
  if (files.length === 0) return [];
  const out: ReferenceViolation[] = [];
  const seconds = files.reduce((s, m) => s + m.durationSec, 0);
  const bytes = files.reduce((s, m) => s + m.bytes, 0);
  const what = files.length === 1 ? phrase('reference.theOne', { kind: kindWord(kind) }) : phrase('reference.theMany', { n: files.length, kinds: kindsWord(kind) });
  if (limits.totalMaxSeconds !== undefined && seconds > limits.totalMaxSeconds) {
    const max = secs(limits.totalMaxSeconds);
    out.push(violation(`${kind}_total_seconds`, phrase('reference.totalTooLong', { what, seconds: secs(seconds), max }), phrase('reference.totalTooLongFix', { max })));
  }
  if (limits.totalMinSeconds !== undefined && seconds < limits.totalMinSeconds) {
    out.push(violation(`${kind}_total_seconds`, phrase('reference.totalTooShort', { what, seconds: secs(seconds), min: secs(limits.totalMinSeconds) }), phrase('reference.totalTooShortFix')));
  }
  if (limits.totalMaxBytes !== undefined && bytes > limits.totalMaxBytes) {
    out.push(violation(`${kind}_total_bytes`, phrase('reference.totalTooBig', { what, bytes: formatBytes(bytes), max: formatBytes(limits.totalMaxBytes) }), phrase('reference.totalTooBigFix')));
  }
  return out;
}

function itemCheck(index: number, kind: ReferenceKind, tag: string, violations: ReferenceViolation[], warnings: ReferenceItemCheck['warnings']): ReferenceItemCheck {
  return { index, kind, tag, ok: violations.length === 0, violations, warnings };
}

function checkItem(entry: ModelEntry, rules: ReferenceRules, item: ResolvedReference, index: number, tag: string): ReferenceItemCheck {
  const violations: ReferenceViolation[] = [];
  const warnings: ReferenceItemCheck['warnings'] = [];
  if ('problem' in item) {
    violations.push(unreadable(item.problem));
  } else if ('url' in item) {
    checkUrl(entry, rules, item.kind, violations, warnings);
  } else if ('fixed' in item) {
    // Fixed by the image rules already.
  } else if ('image' in item) {
    checkReferenceImage(entry, rules, item.image, violations, warnings);
  } else {
    checkMedia(entry, item.kind, item.kind === 'video' ? rules.videos : rules.audios, item.media, violations);
  }
  return itemCheck(index, item.kind, tag, violations, warnings);
}

function checkUrl(entry: ModelEntry, rules: ReferenceRules, kind: ReferenceKind, violations: ReferenceViolation[], warnings: ReferenceItemCheck['warnings']): void {
  if (kind !== 'video') {
    violations.push(violation('transport', phrase('reference.noUrl', { kind: kindWord(kind) }), phrase('reference.noUrlFix')));
    return;
  }
  const l = rules.videos;
  const seconds = l.maxSeconds !== undefined ? phrase('reference.uncheckedSeconds', { min: l.minSeconds ?? 0, max: l.maxSeconds }) : '';
  warnings.push(warning('unchecked', phrase('reference.unchecked', { model: entry.name, formats: l.formats.join('/'), seconds })));
}

function checkReferenceImage(entry: ModelEntry, rules: ReferenceRules, info: ImageInfo, violations: ReferenceViolation[], warnings: ReferenceItemCheck['warnings']): void {
  if (rules.imageTransport === 'public-url') {
    violations.push(violation('transport', phrase('reference.imagesByUrl', { model: entry.name }), phrase('reference.imagesByUrlFix')));
  }
  // The first frame's rules judge the file; its crop/upscale notes are about an output-size frame, which a reference is not.
  const verdict = checkImage(info, { ...entry, imageRules: rules.images }, { resolution: '720p', aspectRatio: 'adaptive', role: 'first' });
  const size = referenceImageSize(info, rules.images);
  for (const v of verdict.violations) {
    violations.push(violation(v.rule, named(info.name, v.phrase), phrase('reference.imageFixedCopy', { width: size.width, height: size.height })));
  }
  for (const w of verdict.warnings) if (w.rule !== 'crop' && w.rule !== 'upscale') warnings.push(warning(w.rule, named(info.name, w.phrase)));
}

/** "slow.mp4: …": a file's own message, naming it. */
function named(name: string, text: Phrase): Phrase {
  return phrase('reference.named', { name, text });
}

/** The per-file rules of one video or audio file (`MediaLimits`; the row's `source` names the provider's table). */
function checkMedia(entry: ModelEntry, kind: 'video' | 'audio', l: MediaLimits, m: MediaInfoView, violations: ReferenceViolation[]): void {
  const add = (rule: string, message: Phrase, fix: Phrase | 'reencode' | 'trim') => violations.push(violation(rule, named(m.name, message), fix));
  const formats = (sep: string) => l.formats.map((f) => f.toUpperCase()).join(sep);
  if (l.transport === 'public-url') {
    add('transport', phrase('reference.mediaByUrl', { model: entry.name, kinds: kindsWord(kind) }), phrase('reference.mediaByUrlFix', { kind: kindWord(kind) }));
  }
  if (kind === 'video' && !m.video) {
    add('kind', phrase('reference.noPicture'), phrase('reference.noPictureFix'));
    return;
  }
  if (kind === 'audio' && m.video) {
    add('kind', phrase('reference.isVideo', { formats: formats(' or ') }), phrase('reference.isVideoFix'));
    return;
  }
  if (!l.formats.includes(m.container)) add('format', phrase('reference.container', { container: m.container.toUpperCase(), model: entry.name, formats: formats(', ') }), 'reencode');
  if (l.codecs) {
    const main = kind === 'video' ? m.video?.codec : m.audio?.codec;
    const codecs = l.codecs.filter((c) => AUDIO_CODEC.test(c) === (kind === 'audio')).join(', ') || l.codecs.join(', ');
    if (main && !l.codecs.includes(main)) add('codec', phrase(`reference.codec.${kind}`, { codec: main, codecs }), 'reencode');
    const rulesSound = l.codecs.some((c) => AUDIO_CODEC.test(c));
    if (kind === 'video' && rulesSound && m.audio && !l.codecs.includes(m.audio.codec)) {
      add('codec', phrase('reference.soundCodec', { codec: m.audio.codec, codecs: l.codecs.filter((c) => AUDIO_CODEC.test(c)).join(', ') }), 'reencode');
    }
  }
  const long = secs(m.durationSec);
  if (l.minSeconds !== undefined && m.durationSec < l.minSeconds) add('min_seconds', phrase('reference.tooShort', { seconds: long, min: secs(l.minSeconds) }), phrase('reference.tooShortFix', { min: secs(l.minSeconds) }));
  if (l.maxSeconds !== undefined && m.durationSec > l.maxSeconds) add('max_seconds', phrase('reference.tooLong', { seconds: long, max: secs(l.maxSeconds) }), 'trim');
  if (l.maxBytes !== undefined && m.bytes > l.maxBytes) add('bytes', phrase('reference.tooBig', { bytes: formatBytes(m.bytes), max: formatBytes(l.maxBytes) }), 'reencode');
  const v = m.video;
  if (kind !== 'video' || !v) return;
  const pixels = v.width * v.height;
  const size = `${v.width} × ${v.height}`;
  if (l.minPixels !== undefined && pixels < l.minPixels) add('pixels', phrase('reference.fewPixels', { size, pixels: count(pixels), min: count(l.minPixels) }), 'reencode');
  if (l.maxPixels !== undefined && pixels > l.maxPixels) add('pixels', phrase('reference.manyPixels', { size, pixels: count(pixels), max: count(l.maxPixels) }), 'reencode');
  const shorter = Math.min(v.width, v.height);
  const longer = Math.max(v.width, v.height);
  if (l.minSide !== undefined && shorter < l.minSide) add('sides', phrase('reference.shortSide', { side: shorter, min: l.minSide }), 'reencode');
  if (l.maxSide !== undefined && longer > l.maxSide) add('sides', phrase('reference.longSide', { side: longer, max: l.maxSide }), 'reencode');
  const ratio = v.width / v.height;
  if ((l.minRatio !== undefined && ratio < l.minRatio) || (l.maxRatio !== undefined && ratio > l.maxRatio)) {
    add('ratio', phrase('reference.ratio', { ratio: ratio.toFixed(2), min: l.minRatio ?? 0, max: l.maxRatio ?? '∞' }), 'reencode');
  }
  if (l.minFps !== undefined && v.fps < l.minFps) add('fps', phrase('reference.fewFps', { fps: round(v.fps), min: l.minFps }), 'reencode');
  if (l.maxFps !== undefined && v.fps > l.maxFps) add('fps', phrase('reference.manyFps', { fps: round(v.fps), max: l.maxFps }), 'reencode');
}

/** A file the app could not read: `problem` is the reader's sentence (plain English when it had no phrase). */
function unreadable(problem: string | Said): ReferenceViolation {
  const fix = phrase('reference.unreadableFix');
  const said = typeof problem === 'string' ? { message: problem } : problem;
  return { rule: 'unreadable', ...said, fix: english(fix), fixPhrase: fix };
}

function secs(n: number): string {
  return `${round(n)} s`;
}

function round(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * A verdict as lines, for an error message or the CLI: each set-level violation, then each item's
 * (`@video1: slow.mp4: 10 frames per second: at least 24.`), each with its fix when it is an
 * instruction (`reencode`/`trim` say what `media:fix` or `--fix` would do). Each line is a phrase
 * (a violation without one keeps its English), so a refusal reads in the UI's language.
 */
export function verdictLines(check: ReferenceCheck): PhraseValue[] {
  const withFix = (v: ReferenceViolation): PhraseValue => {
    const text = v.phrase ?? v.message;
    if (v.fix === 'reencode') return phrase('job.refused.fixReencode', { text });
    if (v.fix === 'trim') return phrase('job.refused.fixTrim', { text });
    return v.fix ? phrase('job.refused.fix', { text, fix: v.fixPhrase ?? v.fix }) : text;
  };
  return [
    ...check.violations.map(withFix),
    ...check.items.flatMap((i) => i.violations.map((v) => phrase('reference.named', { name: i.tag, text: withFix(v) }))),
  ];
}
