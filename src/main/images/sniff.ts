/**
 * Recognises an image file by its first bytes (magic numbers), never by its name, and spots files
 * whose last bytes show the image was cut short. Pure functions over byte slices; no I/O.
 */

/** Every format this module recognises. Only some are decodable or accepted by providers. */
export type SourceFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff' | 'bmp' | 'avif' | 'heic' | 'svg' | 'jxl' | 'jp2' | 'pdf' | 'psd';

/** How many leading bytes `sniffFormat` wants (an ftyp box or an SVG prologue fits in this). */
export const HEAD_BYTES = 4096;
/** How many trailing bytes `endsCleanly` wants. */
export const TAIL_BYTES = 64;

const ascii = (b: Uint8Array, start: number, end: number) => String.fromCharCode(...b.subarray(start, end));
const startsWith = (b: Uint8Array, bytes: number[]) => bytes.every((v, i) => b[i] === v);

/**
 * The format the bytes declare, or null when no known signature matches.
 * `head` is the file's first bytes (up to `HEAD_BYTES`).
 */
export function sniffFormat(head: Uint8Array): SourceFormat | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'webp';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (ascii(head, 0, 2) === 'BM' && head.length >= 26) return 'bmp';
  if (ascii(head, 4, 8) === 'ftyp') return heifKind(head);
  if (startsWith(head, [0xff, 0x0a]) || startsWith(head, [0, 0, 0, 0x0c, 0x4a, 0x58, 0x4c, 0x20])) return 'jxl';
  if (startsWith(head, [0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20]) || startsWith(head, [0xff, 0x4f, 0xff, 0x51])) return 'jp2';
  if (ascii(head, 0, 5) === '%PDF-') return 'pdf';
  if (ascii(head, 0, 4) === '8BPS') return 'psd';
  if (isSvg(head)) return 'svg';
  return null;
}

/** ISO-BMFF (`ftyp`) files: AVIF when any brand says so, HEIC for the HEVC brands, else unknown. */
function heifKind(head: Uint8Array): SourceFormat | null {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const boxSize = Math.min(view.getUint32(0), head.length);
  const brands: string[] = [];
  for (let at = 8; at + 4 <= boxSize; at += 4) if (at !== 12) brands.push(ascii(head, at, at + 4));
  if (brands.some((b) => b === 'avif' || b === 'avis')) return 'avif';
  if (brands.some((b) => ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(b))) return 'heic';
  return null;
}

function isSvg(head: Uint8Array): boolean {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head).replace(/^\uFEFF/, '').trimStart();
  if (!text.startsWith('<')) return false;
  return /<svg[\s>]/i.test(text);
}

/**
 * True when the bytes look like text rather than binary data (no NUL, mostly printable), used only
 * to word the "this is not an image" message.
 */
export function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  let printable = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127) || b >= 128) printable++;
  }
  return printable / head.length > 0.95;
}

/**
 * Whether the file's last bytes hold the format's end marker: JPEG EOI (`FF D9`), PNG `IEND`,
 * GIF trailer (`;`), or a WebP whose RIFF size fits in the file. `false` means "probably cut
 * short" — some cameras append data after the end marker, so callers confirm with a real decode.
 * Formats without a cheap end marker (TIFF, AVIF…) always pass here and are judged by the decoder.
 */
export function endsCleanly(format: SourceFormat, head: Uint8Array, tail: Uint8Array, fileBytes: number): boolean {
  switch (format) {
    case 'jpeg': {
      const t = trimTrailing(tail, [0x00, 0x0a, 0x0d, 0x20]);
      return t.length >= 2 && t[t.length - 2] === 0xff && t[t.length - 1] === 0xd9;
    }
    case 'png':
      return ascii(tail, 0, tail.length).includes('IEND');
    case 'gif': {
      const t = trimTrailing(tail, [0x00]);
      return t[t.length - 1] === 0x3b;
    }
    case 'webp': {
      const riff = new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(4, true);
      return riff + 8 <= fileBytes;
    }
    default:
      return true;
  }
}

function trimTrailing(bytes: Uint8Array, pad: number[]): Uint8Array {
  let end = bytes.length;
  while (end > 0 && pad.includes(bytes[end - 1] as number)) end--;
  return bytes.subarray(0, end);
}

/** The MIME type for a recognised format. */
export function mimeOf(format: SourceFormat): string {
  switch (format) {
    case 'jpeg':
    case 'png':
    case 'webp':
    case 'gif':
    case 'tiff':
    case 'bmp':
    case 'avif':
    case 'heic':
    case 'jxl':
      return `image/${format}`;
    case 'svg':
      return 'image/svg+xml';
    case 'jp2':
      return 'image/jp2';
    case 'pdf':
      return 'application/pdf';
    case 'psd':
      return 'image/vnd.adobe.photoshop';
  }
}
