import { basename } from 'node:path';
import sharp from 'sharp';
import { z } from 'zod';
import { CropRect, ReferenceKind } from '../../shared/catalog/types';
import { StudioError } from '../../shared/contract/result';
import { ReferenceTag, type SidecarInput, type StoredInputFile } from '../../shared/library/sidecar';
import type { Logger } from '../logging/logger';
import { storeExtension, type InputStore } from './inputs-store';
import { phrase, said } from '../../shared/messages/phrase';

/**
 * One file of a new clip's input, as the host found it: an absolute path (the user's file, a
 * pasted image in app data, the image service's processed copy…), with what the image or media
 * service already knows of it — `sha256`/`bytes` (so nothing is hashed again when the store has
 * it), `mime`, size in px, length in seconds.
 */
export const NewInputFile = z.object({
  path: z.string().min(1),
  sha256: z.string().regex(/^[a-f0-9]{64}$/).optional(),
  bytes: z.number().int().nonnegative().optional(),
  mime: z.string().max(100).optional(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  durationSec: z.number().nonnegative().optional(),
});
export type NewInputFile = z.infer<typeof NewInputFile>;

/**
 * One input of a new clip (`SidecarInput` with files as paths): a frame or a tagged reference,
 * its original (as the user gave it), the processed copy that was sent, or a public URL.
 */
export const NewClipInput = z
  .object({
    role: z.enum(['first', 'last', 'reference']),
    kind: ReferenceKind,
    tag: ReferenceTag.optional(),
    /** The original's file name as the user saw it. */
    name: z.string().min(1).max(255).optional(),
    original: NewInputFile.optional(),
    sent: NewInputFile.optional(),
    url: z.url({ protocol: /^https$/ }).max(4096).optional(),
    crop: CropRect.optional(),
  })
  .refine((i) => Boolean(i.original ?? i.sent ?? i.url), 'an input needs a file or a URL');
export type NewClipInput = z.input<typeof NewClipInput>;

/**
 * Puts every input file into the library's input store (`InputStore.put`: once per content, shared
 * between clips) and describes it for the sidecar. An image without a size is measured from its
 * header (sharp, on its own thread pool). An original that cannot be stored (the user's file moved
 * or is of a type the store does not keep) is left out with a warning — the clip matters more than
 * its inputs — and so is a reference with nothing else kept; a sent copy that cannot be stored
 * fails the filing (`BAD_INPUT` / the file system's error), as v1 did. Every stored hash is pushed
 * onto `pinned` as it is stored; the caller releases them after the commit, or on failure.
 */
export async function storeInputs(store: InputStore, inputs: readonly z.output<typeof NewClipInput>[], log: Logger, pinned: string[]): Promise<SidecarInput[]> {
  const out: SidecarInput[] = [];
  const put = async (input: z.output<typeof NewClipInput>, file: NewInputFile): Promise<StoredInputFile> => {
    const what = input.tag ? phrase('library.input.tag', { tag: input.tag }) : phrase(`library.input.${input.role}`);
    const ext = storeExtension(file.mime, file.path);
    if (!ext) throw new StudioError('BAD_INPUT', said('library.inputType', { what, file: basename(file.path) }));
    const known = file.sha256 && file.bytes !== undefined ? { sha256: file.sha256, bytes: file.bytes } : undefined;
    const stored = await store.put(file.path, ext, known);
    pinned.push(stored.sha256);
    let { width, height } = file;
    if (input.kind === 'image' && (!width || !height)) {
      const meta = await sharp(store.pathOf(stored.file)).metadata();
      if (!meta.width || !meta.height) throw new StudioError('BAD_INPUT', said('library.inputUnreadable', { what }));
      // The image service reports sizes after EXIF orientation; so does this.
      const turned = (meta.orientation ?? 1) >= 5;
      width = turned ? meta.height : meta.width;
      height = turned ? meta.width : meta.height;
    }
    return {
      file: stored.file,
      sha256: stored.sha256,
      bytes: stored.bytes,
      ...(file.mime ? { mime: file.mime } : {}),
      ...(width && height ? { width, height } : {}),
      ...(file.durationSec !== undefined ? { durationSec: file.durationSec } : {}),
    };
  };
  for (const input of inputs) {
    const { original, sent, ...rest } = input;
    const entry: SidecarInput = { ...rest };
    if (sent) entry.sent = await put(input, sent);
    if (original) {
      try {
        entry.original = await put(input, original);
      } catch (err) {
        log.warn('library.original_not_kept', { role: input.role, tag: input.tag, error: err });
        if (!entry.sent && !entry.url) continue;
      }
    }
    out.push(entry);
  }
  return out;
}
