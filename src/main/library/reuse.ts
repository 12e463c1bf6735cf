import { basename } from 'node:path';
import type { ClipInputView } from '../../shared/contract/library';
import type { ImportedMedia } from '../../shared/contract/media';
import type { Handlers } from '../../shared/contract/index';
import type { SidecarInput, StoredInputFile } from '../../shared/library/sidecar';
import { StudioError } from '../../shared/contract/result';
import { phrase, said, type PhraseValue, type Said } from '../../shared/messages/phrase';
import type { Logger } from '../logging/logger';
import { exists } from './disk';
import type { FrameTokens } from './frame-tokens';
import { imageMime } from './layout';
import type { LibraryClip } from './library';

type ReuseAnswer = Awaited<ReturnType<Handlers['library']['reuseInputs']>>;

/** The file a clip keeps for an input (the original when there is one) and its absolute path, or null. */
function kept(clip: LibraryClip, index: number): { file: StoredInputFile; path: string } | null {
  const input = clip.sidecar.inputs[index] as SidecarInput;
  const paths = clip.paths.inputs[index];
  if (input.original && paths?.original) return { file: input.original, path: paths.original };
  if (input.sent && paths?.sent) return { file: input.sent, path: paths.sent };
  return null;
}

/** What a person calls an input in a message: its tag, or "first frame" / "last frame". */
function labelOf(input: SidecarInput): PhraseValue {
  return input.tag ?? phrase(input.role === 'last' ? 'library.reuse.frame.last' : 'library.reuse.frame.first');
}

/** `text` ending as a sentence does. */
function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

/**
 * The detail view's inputs (`ClipInputView`, sidecar order): each with a URL for the file kept
 * (`url` registers it with main's media registry; null when missing), its name, size and hash.
 */
export function inputViews(clip: LibraryClip, url: (path: string | null, mime: string) => Promise<string | null>): Promise<ClipInputView[]> {
  return Promise.all(clip.sidecar.inputs.map(async (input, index) => {
    const found = kept(clip, index);
    const file = found?.file;
    const view: ClipInputView = {
      role: input.role,
      kind: input.kind,
      ...(input.tag ? { tag: input.tag } : {}),
      ...(input.name ? { name: input.name } : {}),
      kept: input.original ? 'original' : input.sent ? 'sent' : 'link',
      url: found ? await url(found.path, file?.mime ?? imageMime(found.path)) : null,
      ...(input.url ? { link: input.url } : {}),
      ...(file?.width && file.height ? { width: file.width, height: file.height } : {}),
      ...(file?.durationSec !== undefined ? { durationSec: file.durationSec } : {}),
      ...(file ? { bytes: file.bytes, sha256: file.sha256 } : {}),
      ...(input.original && input.sent?.width && input.sent.height ? { sent: { width: input.sent.width, height: input.sent.height } } : {}),
    };
    return view;
  }));
}

/**
 * **Reuse**'s inputs (`library:reuseInputs`): frames and reference images as frame tokens carrying
 * the original's name (the image service imports the kept file under it, `images:importFrame`),
 * a frame's crop only when the original came back (the crop is in the original's px), reference
 * videos and audio registered through `importMedia` (main's media service), URL references as
 * they were. An input whose file is gone or cannot be registered is named in `left` (English) and
 * `leftPhrases` (the same, for the UI's language) and the rest still comes back.
 */
export async function reuseInputs(
  clip: LibraryClip,
  deps: { frameTokens: FrameTokens; importMedia: (path: string, name: string) => Promise<ImportedMedia>; log: Logger },
): Promise<ReuseAnswer> {
  const answer: ReuseAnswer = { frames: [], references: [], left: [], leftPhrases: [] };
  const leave = ({ message, phrase: p }: Said) => {
    answer.left.push(message);
    answer.leftPhrases?.push(p);
  };
  for (const [index, input] of clip.sidecar.inputs.entries()) {
    const found = kept(clip, index);
    if (!found && input.url) {
      answer.references.push({ kind: 'video', tag: input.tag ?? '@video1', url: input.url });
      continue;
    }
    if (!found || !(await exists(found.path))) {
      leave(said('library.reuse.gone', { input: labelOf(input) }));
      continue;
    }
    // The name shown is the original's; a sent-only copy (schema v1) keeps its own file name.
    const name = input.original ? input.name : undefined;
    if (input.role !== 'reference') {
      const crop = input.original && input.crop ? { crop: input.crop } : {};
      answer.frames.push({ role: input.role, token: deps.frameTokens.issue(found.path, name), ...crop });
    } else if (input.kind === 'image') {
      answer.references.push({ kind: 'image', tag: input.tag as string, token: deps.frameTokens.issue(found.path, name) });
    } else {
      try {
        answer.references.push({ kind: input.kind, tag: input.tag as string, media: await deps.importMedia(found.path, name ?? basename(found.path)) });
      } catch (err) {
        deps.log.warn('library.reuse_media_failed', { id: clip.id, tag: input.tag, error: err });
        // A phrase is a whole sentence already; a bare message gets its full stop.
        const why = err instanceof StudioError && err.phrase ? err.phrase : err instanceof Error ? sentence(err.message) : phrase('library.reuse.notRegistered');
        leave(said('library.reuse.failed', { input: labelOf(input), why }));
      }
    }
  }
  return answer;
}
