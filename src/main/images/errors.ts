import { messageOf, phraseOf } from '../../shared/messages/error-said';
import { said, type Phrase, type Said } from '../../shared/messages/phrase';

/**
 * Why an image could not be used, as a stable code the UI, the CLI and tests can branch on:
 * - `unreadable`: no such file, a dangling link, or no permission to read it.
 * - `not_a_file`: the path is a directory or another non-regular file.
 * - `empty`: zero bytes.
 * - `truncated`: the file ends before the image does (an interrupted download or copy).
 * - `unsupported_format`: not an image, or a format this app cannot decode (HEIC, JPEG XL, PDF…).
 * - `too_many_pixels`: the header declares more pixels than `PIXEL_LIMIT` (decompression bomb guard).
 * - `decode_failed`: the decoder gave up on the pixel data.
 */
export type ImageErrorCode =
  | 'unreadable'
  | 'not_a_file'
  | 'empty'
  | 'truncated'
  | 'unsupported_format'
  | 'too_many_pixels'
  | 'decode_failed';

/**
 * The one error the image domain throws for bad input. `message` is plain language fit to show a
 * person (what is wrong and what to do); it names the file by its base name only. Built from a
 * `said()` sentence it also carries the `phrase` for the UI's language (issue 14).
 */
export class ImageError extends Error {
  readonly phrase?: Phrase;
  constructor(
    readonly code: ImageErrorCode,
    said: string | Said,
  ) {
    super(messageOf(said));
    this.name = 'ImageError';
    const p = phraseOf(said);
    if (p) this.phrase = p;
  }
}

/** An image id the service never handed out (or handed out before its index was lost). */
export class UnknownImageError extends Error {
  readonly phrase: Phrase;
  constructor(readonly imageId: string) {
    const { message, phrase } = said('image.file.unknown');
    super(message);
    this.name = 'UnknownImageError';
    this.phrase = phrase;
  }
}

/** A crop rectangle that does not lie inside its image (a `RangeError`, as the handlers map it), with its phrase. */
export class CropRangeError extends RangeError {
  readonly phrase?: Phrase;
  constructor(said: string | Said) {
    super(messageOf(said));
    this.name = 'CropRangeError';
    const p = phraseOf(said);
    if (p) this.phrase = p;
  }
}
