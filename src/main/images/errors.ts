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
 * person (what is wrong and what to do); it names the file by its base name only.
 */
export class ImageError extends Error {
  constructor(
    readonly code: ImageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImageError';
  }
}

/** An image id the service never handed out (or handed out before its index was lost). */
export class UnknownImageError extends Error {
  constructor(readonly imageId: string) {
    super('This image is no longer known to the app. Add it again.');
    this.name = 'UnknownImageError';
  }
}
