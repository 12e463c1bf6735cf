import { z } from 'zod';
import { AspectRatio, Resolution } from '../../shared/catalog/types';
import { ImageInfoView, ImageRect } from '../../shared/contract/images';
import { LenientPhrase, type Phrase } from '../../shared/messages/phrase';
import { saidOf } from '../../shared/messages/error-said';
import { CropRangeError, ImageError, type ImageErrorCode } from './errors';
import type { SourceFormat } from './sniff';

/*
 * The image work's messages between main and the job engine's process (`image-work.ts`), apart
 * from the work itself so the protocol can check them without loading sharp.
 */

const Size = z.object({ width: z.number().int().positive(), height: z.number().int().positive() });
const SOURCE_FORMATS = ['jpeg', 'png', 'webp', 'gif', 'tiff', 'bmp', 'avif', 'heic', 'svg', 'jxl', 'jp2', 'pdf', 'psd'] as const satisfies readonly SourceFormat[];

/** `ImageInfo` on the wire: the renderer's view plus the path (main ↔ engine only). */
export const ImageInfoWire = ImageInfoView.extend({ path: z.string().min(1), format: z.enum(SOURCE_FORMATS) });

/** A `fixImage` call: the source, its row, and `FixOptions` without the functions or types that do not cross. */
export const FixRequest = z.object({
  src: z.string().min(1),
  modelId: z.string().min(1).max(200),
  resolution: Resolution,
  aspectRatio: AspectRatio,
  role: z.enum(['first', 'last']),
  firstFrameSize: Size.optional(),
  cacheDir: z.string().min(1),
  crop: z
    .discriminatedUnion('kind', [z.object({ kind: z.literal('centre') }), z.object({ kind: z.literal('attention') }), z.object({ kind: z.literal('rect'), rect: z.object({ left: z.number(), top: z.number(), width: z.number(), height: z.number() }) })])
    .optional(),
  format: z.enum(['jpeg', 'png', 'webp']).optional(),
  info: ImageInfoWire.optional(),
  size: Size.optional(),
});
export type FixRequest = z.infer<typeof FixRequest>;

/** A `makePreview` call: the source, its inspection, the cache folder and the longer side's limit in px. */
export const PreviewRequest = z.object({ src: z.string().min(1), info: ImageInfoWire, cacheDir: z.string().min(1), maxSide: z.number().int().positive().max(4096) });
export type PreviewRequest = z.infer<typeof PreviewRequest>;

export const FixResultWire = z.object({
  prepared: z.object({ path: z.string(), mime: z.string(), bytes: z.number().int().nonnegative(), sha256: z.string() }),
  info: ImageInfoWire,
  source: ImageInfoWire,
  cached: z.boolean(),
  target: Size,
  crop: z.union([ImageRect, z.literal('attention')]),
});

export const PreviewWire = z.object({ path: z.string(), mime: z.literal('image/jpeg'), width: z.number().int(), height: z.number().int(), bytes: z.number().int().nonnegative() });

const IMAGE_ERROR_CODES = ['unreadable', 'not_a_file', 'empty', 'truncated', 'unsupported_format', 'too_many_pixels', 'decode_failed'] as const satisfies readonly ImageErrorCode[];

/**
 * What a worker answers: the result, or the image domain's expected failure as data (an
 * `ImageError` keeps its code, a crop outside the image stays a `RangeError`, both keep their
 * phrase, leniently), so main rethrows
 * exactly what the work would have thrown here and the handlers' mapping does not change.
 */
export function imageAnswer<T extends z.ZodType>(result: T) {
  return z.union([
    z.object({ ok: z.literal(true), result }),
    z.object({ ok: z.literal(false), kind: z.literal('image'), code: z.enum(IMAGE_ERROR_CODES), message: z.string(), phrase: LenientPhrase }),
    z.object({ ok: z.literal(false), kind: z.literal('range'), message: z.string(), phrase: LenientPhrase }),
  ]);
}
export const FixAnswer = imageAnswer(FixResultWire);
export const PreviewAnswer = imageAnswer(PreviewWire);
type Failure = { message: string; phrase?: Phrase | undefined };
type Answer<T> = { ok: true; result: T } | ({ ok: false; kind: 'image'; code: ImageErrorCode } & Failure) | ({ ok: false; kind: 'range' } & Failure);

/** Runs `work`, answering its `ImageError` or `RangeError` as data; anything else is thrown (an internal failure). */
export async function answerOf<T>(work: () => Promise<T>): Promise<Answer<T>> {
  try {
    return { ok: true, result: await work() };
  } catch (err) {
    if (err instanceof ImageError) return { ok: false, kind: 'image', code: err.code, ...failureOf(err) };
    if (err instanceof RangeError) return { ok: false, kind: 'range', ...failureOf(err) };
    throw err;
  }
}

/** The result of an answer, or its failure thrown again as the error it was. */
export function resultOf<T>(answer: Answer<T>): T {
  if (answer.ok) return answer.result;
  if (answer.kind === 'image') throw new ImageError(answer.code, saidOf(answer));
  throw new CropRangeError(saidOf(answer));
}

/** An error's message and, when it has one, its phrase (the sentence in the UI's language, issue 14). */
function failureOf(err: { message: string; phrase?: Phrase | undefined }): Failure {
  return err.phrase ? { message: err.message, phrase: err.phrase } : { message: err.message };
}

