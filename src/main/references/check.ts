import { sourceLengthProblem, taskOf } from '../../shared/catalog/task-type';
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
 * not read (`problem` says why, in plain words).
 */
export type ResolvedReference =
  | { kind: 'image'; image: ImageInfo }
  /** An image already fixed by the row's reference image rules (the engine's copy to send): nothing left to judge. */
  | { kind: 'image'; fixed: PreparedImage }
  | { kind: 'video' | 'audio'; media: MediaInfoView }
  | { kind: ReferenceKind; url: string }
  | { kind: ReferenceKind; problem: string };

/**
 * What a job would be sent with beside its references: frames, and the task (Seedance 2.5: an edit
 * or extension judges its first reference video as the source clip; absent = the row's default).
 */
export interface FramesBeside {
  firstFrame?: boolean;
  lastFrame?: boolean;
  task?: ReferenceTask;
}

const KIND_WORD: Record<ReferenceKind, string> = { image: 'image', video: 'video', audio: 'audio clip' };
const PLURAL: Record<ReferenceKind, string> = { image: 'images', video: 'videos', audio: 'audio clips' };
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
  return { rule: 'model', message: `${entry.name} takes no reference images, videos or audio.`, fix: 'Pick a reference-to-video model, or remove the references.' };
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
      out.push({
        rule: `too_many_${kind === 'audio' ? 'audio' : PLURAL[kind]}`,
        message:
          max[kind] === 0
            ? `${entry.name} takes no reference ${PLURAL[kind]}; there ${counts[kind] === 1 ? 'is' : 'are'} ${counts[kind]}.`
            : `${counts[kind]} reference ${PLURAL[kind]}: ${entry.name} takes at most ${max[kind]}.`,
        fix: `Remove ${counts[kind] - max[kind]} of them.`,
      });
    }
  }
  const total = items.length;
  if (rules.maxFiles !== undefined && total > rules.maxFiles) {
    out.push({ rule: 'too_many_files', message: `${total} references in all: ${entry.name} takes at most ${rules.maxFiles} files together.`, fix: `Remove ${total - rules.maxFiles} of them.` });
  }
  if (rules.audioNeedsVisual && counts.audio > 0 && counts.image + counts.video === 0) {
    out.push({ rule: 'audio_alone', message: `Audio alone is not accepted: ${entry.name} needs at least one reference image or video with it.`, fix: 'Add a reference image or video.' });
  }
  if (rules.excludesFrames && total > 0 && (frames.firstFrame || frames.lastFrame)) {
    const which = frames.firstFrame && frames.lastFrame ? 'a first and a last frame' : frames.firstFrame ? 'a first frame' : 'a last frame';
    out.push({
      rule: 'frames_mixed',
      message: `References cannot be sent with ${which}: ${entry.name} refuses first/last frames mixed with reference media.`,
      fix: 'Remove the frames, or add the picture as a reference image and say in the prompt "@image1 as the first frame".',
    });
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
  if (!source) {
    return [{ rule: 'source_missing', message: `To ${verb} a clip, ${entry.name} needs the clip itself as the first reference video.`, fix: 'Add the clip to edit or extend as the first reference video (@video1).' }];
  }
  const problem = 'media' in source ? sourceLengthProblem(entry, task, source.media.durationSec) : null;
  return problem ? [{ rule: 'source_seconds', message: problem, fix: task === 'edit' ? 'Use a source clip of 4–30 s (trim a longer one).' : 'Use a longer or a trimmed source clip.' }] : [];
}

function checkTotals(kind: 'video' | 'audio', limits: MediaLimits, items: readonly (ResolvedReference | { kind: ReferenceKind })[]): ReferenceViolation[] {
  const files = items.flatMap((i) => (i.kind === kind && 'media' in i ? [i.media] : []));
  if (files.length === 0) return [];
  const out: ReferenceViolation[] = [];
  const seconds = files.reduce((s, m) => s + m.durationSec, 0);
  const bytes = files.reduce((s, m) => s + m.bytes, 0);
  const what = files.length === 1 ? `The reference ${KIND_WORD[kind]}` : `The ${files.length} reference ${PLURAL[kind]}`;
  if (limits.totalMaxSeconds !== undefined && seconds > limits.totalMaxSeconds) {
    out.push({
      rule: `${kind}_total_seconds`,
      message: `${what} last ${secs(seconds)} together: at most ${secs(limits.totalMaxSeconds)} in all.`,
      fix: `Trim them or remove one, to ${secs(limits.totalMaxSeconds)} or less together.`,
    });
  }
  if (limits.totalMinSeconds !== undefined && seconds < limits.totalMinSeconds) {
    out.push({ rule: `${kind}_total_seconds`, message: `${what} last ${secs(seconds)} together: at least ${secs(limits.totalMinSeconds)} in all.`, fix: 'Use longer clips.' });
  }
  if (limits.totalMaxBytes !== undefined && bytes > limits.totalMaxBytes) {
    out.push({
      rule: `${kind}_total_bytes`,
      message: `${what} are ${formatBytes(bytes)} together: at most ${formatBytes(limits.totalMaxBytes)} in all.`,
      fix: 'Re-encode them smaller, or remove one.',
    });
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
    violations.push({ rule: 'transport', message: `A reference ${KIND_WORD[kind]} cannot be given by URL; only reference videos can.`, fix: 'Add the file itself.' });
    return;
  }
  const l = rules.videos;
  const seconds = l.maxSeconds !== undefined ? `, ${l.minSeconds ?? 0}–${l.maxSeconds} s` : '';
  warnings.push({
    rule: 'unchecked',
    message: `The app cannot check a video given by URL; ${entry.name} checks it when it fetches it (${l.formats.join('/')}${seconds}). It must be a public address the provider can reach.`,
  });
}

function checkReferenceImage(entry: ModelEntry, rules: ReferenceRules, info: ImageInfo, violations: ReferenceViolation[], warnings: ReferenceItemCheck['warnings']): void {
  if (rules.imageTransport === 'public-url') {
    violations.push({ rule: 'transport', message: `${entry.name} takes reference images only by URL.`, fix: 'Give the image as a public https address.' });
  }
  // The first frame's rules judge the file; its crop/upscale notes are about an output-size frame, which a reference is not.
  const verdict = checkImage(info, { ...entry, imageRules: rules.images }, { resolution: '720p', aspectRatio: 'adaptive', role: 'first' });
  const size = referenceImageSize(info, rules.images);
  for (const v of verdict.violations) {
    violations.push({ rule: v.rule, message: `${info.name}: ${v.message}`, fix: `The app sends a fixed copy (${size.width} × ${size.height} px); the original is not changed.` });
  }
  for (const w of verdict.warnings) if (w.rule !== 'crop' && w.rule !== 'upscale') warnings.push({ rule: w.rule, message: `${info.name}: ${w.message}` });
}

/** The per-file rules of one video or audio file (`MediaLimits`; the row's `source` names the provider's table). */
function checkMedia(entry: ModelEntry, kind: 'video' | 'audio', l: MediaLimits, m: MediaInfoView, violations: ReferenceViolation[]): void {
  const add = (rule: string, message: string, fix: string) => violations.push({ rule, message: `${m.name}: ${message}`, fix });
  if (l.transport === 'public-url') {
    add('transport', `${entry.name} takes reference ${PLURAL[kind]} only by public URL, not as a file from this computer.`, `Put the ${KIND_WORD[kind]} where it can be fetched (a public https address) and give its URL.`);
  }
  if (kind === 'video' && !m.video) {
    add('kind', 'it has sound but no picture, so it cannot be a reference video.', 'Add it as a reference audio clip.');
    return;
  }
  if (kind === 'audio' && m.video) {
    add('kind', `it is a video; a reference audio clip must be an audio file (${l.formats.map((f) => f.toUpperCase()).join(' or ')}).`, 'Add it as a reference video, or use an audio file.');
    return;
  }
  if (!l.formats.includes(m.container)) add('format', `${m.container.toUpperCase()} files are not accepted (${entry.name} takes ${l.formats.map((f) => f.toUpperCase()).join(', ')}).`, 'reencode');
  if (l.codecs) {
    const main = kind === 'video' ? m.video?.codec : m.audio?.codec;
    if (main && !l.codecs.includes(main)) add('codec', `the ${kind === 'video' ? 'picture' : 'sound'} is ${main}, which is not accepted (takes ${l.codecs.filter((c) => AUDIO_CODEC.test(c) === (kind === 'audio')).join(', ') || l.codecs.join(', ')}).`, 'reencode');
    const rulesSound = l.codecs.some((c) => AUDIO_CODEC.test(c));
    if (kind === 'video' && rulesSound && m.audio && !l.codecs.includes(m.audio.codec)) {
      add('codec', `its sound is ${m.audio.codec}, which is not accepted (takes ${l.codecs.filter((c) => AUDIO_CODEC.test(c)).join(', ')}).`, 'reencode');
    }
  }
  if (l.minSeconds !== undefined && m.durationSec < l.minSeconds) add('min_seconds', `${secs(m.durationSec)} long: each clip must be at least ${secs(l.minSeconds)}.`, `Use a clip of at least ${secs(l.minSeconds)}.`);
  if (l.maxSeconds !== undefined && m.durationSec > l.maxSeconds) add('max_seconds', `${secs(m.durationSec)} long: each clip may be at most ${secs(l.maxSeconds)}.`, 'trim');
  if (l.maxBytes !== undefined && m.bytes > l.maxBytes) add('bytes', `${formatBytes(m.bytes)}: each file may be at most ${formatBytes(l.maxBytes)}.`, 'reencode');
  const v = m.video;
  if (kind !== 'video' || !v) return;
  const pixels = v.width * v.height;
  if (l.minPixels !== undefined && pixels < l.minPixels) add('pixels', `${v.width} × ${v.height} is ${count(pixels)} pixels per frame: at least ${count(l.minPixels)} needed (about 640 × 640).`, 'reencode');
  if (l.maxPixels !== undefined && pixels > l.maxPixels) add('pixels', `${v.width} × ${v.height} is ${count(pixels)} pixels per frame: at most ${count(l.maxPixels)}.`, 'reencode');
  const shorter = Math.min(v.width, v.height);
  const longer = Math.max(v.width, v.height);
  if (l.minSide !== undefined && shorter < l.minSide) add('sides', `the shorter side is ${shorter} px: at least ${l.minSide} px.`, 'reencode');
  if (l.maxSide !== undefined && longer > l.maxSide) add('sides', `the longer side is ${longer} px: at most ${l.maxSide} px.`, 'reencode');
  const ratio = v.width / v.height;
  if ((l.minRatio !== undefined && ratio < l.minRatio) || (l.maxRatio !== undefined && ratio > l.maxRatio)) {
    add('ratio', `aspect ratio ${ratio.toFixed(2)} (width ÷ height) is outside ${l.minRatio ?? 0} – ${l.maxRatio ?? '∞'}.`, 'reencode');
  }
  if (l.minFps !== undefined && v.fps < l.minFps) add('fps', `${round(v.fps)} frames per second: at least ${l.minFps}.`, 'reencode');
  if (l.maxFps !== undefined && v.fps > l.maxFps) add('fps', `${round(v.fps)} frames per second: at most ${l.maxFps}.`, 'reencode');
}

function unreadable(problem: string): ReferenceViolation {
  return { rule: 'unreadable', message: problem, fix: 'Add the file again, or remove it.' };
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
 * A verdict as plain lines, for an error message or the CLI: each set-level violation, then each
 * item's (`@video1: slow.mp4: 10 frames per second: at least 24.`), each with its fix when it is an
 * instruction (`reencode`/`trim` say what `media:fix` or `--fix` would do).
 */
export function verdictLines(check: ReferenceCheck): string[] {
  const fixText = (fix: string | undefined) => (fix === 'reencode' ? ' Fix: re-encode a copy.' : fix === 'trim' ? ' Fix: trim a copy.' : fix ? ` Fix: ${fix}` : '');
  return [
    ...check.violations.map((v) => `${v.message}${fixText(v.fix)}`),
    ...check.items.flatMap((i) => i.violations.map((v) => `${i.tag}: ${v.message}${fixText(v.fix)}`)),
  ];
}
