import { resolve } from 'node:path';
import type { ModelEntry, ReferenceItem, ReferenceKind } from '../../shared/catalog/types';
import type { MediaInfoView, ReferenceCheck } from '../../shared/contract/media';
import { formatBytes } from '../../shared/format/bytes';
import type { ImageInfo } from '../../main/images/inspect';

/** The reference flags as given: file paths (and, for videos, https URLs) per kind, each list in tag order. */
export interface ReferenceFlags {
  images: readonly string[];
  videos: readonly string[];
  audios: readonly string[];
}

/** One reference input as given, in job order: images, then videos, then audio (tags are per kind, so this order names them all). */
export interface ReferenceInput {
  kind: ReferenceKind;
  /** The path as resolved, or the URL as given. */
  source: string;
  url: boolean;
}

/** `--reference-*` values as inputs; a video value starting `https://` is a URL (ModelArk takes reference videos only by URL). */
export function referenceInputs(flags: ReferenceFlags): ReferenceInput[] {
  const of = (kind: ReferenceKind, values: readonly string[]) =>
    values.map((v) => (kind === 'video' && /^https:\/\//i.test(v) ? { kind, source: v, url: true } : { kind, source: resolve(v), url: false }));
  return [...of('image', flags.images), ...of('video', flags.videos), ...of('audio', flags.audios)];
}

/** True when any `--reference-*` flag was given. */
export function hasReferences(flags: ReferenceFlags): boolean {
  return flags.images.length + flags.videos.length + flags.audios.length > 0;
}

/** One line describing a reference file: `clip.mp4: MP4 h264 1280 × 720, 24 fps, 3.0 s, 1.2 MB`. */
export function describeReference(what: { image?: ImageInfo; media?: MediaInfoView; url?: string }): string {
  if (what.image) return `${what.image.name}: ${what.image.format.toUpperCase()} ${what.image.width} × ${what.image.height} px, ${formatBytes(what.image.bytes)}`;
  const m = what.media;
  if (m) {
    const picture = m.video ? ` ${m.video.codec} ${m.video.width} × ${m.video.height}, ${m.video.fps} fps,` : m.audio ? ` ${m.audio.codec},` : '';
    return `${m.name}: ${m.container.toUpperCase()}${picture} ${m.durationSec.toFixed(1)} s, ${formatBytes(m.bytes)}`;
  }
  return `${what.url ?? ''} (by URL)`;
}

/**
 * The verdict per input, as `seedance check` and `seedance run` print it: each input with its tag
 * and description, its failing rules (✗, with the fix) and warnings (!), then the set's failing
 * rules. `described[i]` is the line for `check.items[i]`.
 */
export function referenceReport(entry: ModelEntry, check: ReferenceCheck, described: readonly string[]): string[] {
  const fixText = (fix: string | undefined) => (fix === 'reencode' ? ' Fix: --fix re-encodes a copy.' : fix === 'trim' ? ' Fix: --fix trims a copy.' : fix ? ` Fix: ${fix}` : '');
  const lines: string[] = [];
  for (const item of check.items) {
    lines.push(`${item.tag} ${described[item.index] ?? ''}${item.ok ? '' : ' — not accepted'}`);
    for (const v of item.violations) lines.push(`  ✗ ${v.message}${fixText(v.fix)}`);
    for (const w of item.warnings) lines.push(`  ! ${w.message}`);
  }
  for (const v of check.violations) lines.push(`✗ ${v.message}${fixText(v.fix)}`);
  const failed = check.violations.length + check.items.reduce((n, i) => n + i.violations.length, 0);
  lines.push(check.ok ? `Accepted by ${entry.name}.` : `Not accepted by ${entry.name} (${failed} rule${failed === 1 ? '' : 's'} failed).`);
  return lines;
}

/** The inputs as `ReferenceItem`s once imported: `ids[i]` is the image or media id of `inputs[i]` (unused for URLs). */
export function referenceItems(inputs: readonly ReferenceInput[], ids: readonly string[]): ReferenceItem[] {
  return inputs.map((input, i) => (input.url ? { kind: input.kind, url: input.source } : { kind: input.kind, id: ids[i]! }));
}
