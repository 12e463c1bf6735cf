import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { decode } from 'bmp-ts';
import { ImageError } from './errors';
import { said } from '../../shared/messages/phrase';

/** What a BMP's headers declare (BITMAPFILEHEADER + BITMAPINFOHEADER and later versions). */
export interface BmpHeader {
  /** px */
  width: number;
  /** px, always positive (top-down files store it negative). */
  height: number;
  /** 1, 4, 8, 16, 24 or 32. */
  bitsPerPixel: number;
  /** 0 = BI_RGB, 1/2 = RLE8/RLE4, 3 = BI_BITFIELDS, 6 = BI_ALPHA_BITFIELDS. */
  compression: number;
  /** Byte offset of the pixel array. */
  dataOffset: number;
  /** True when a 32-bit file declares an alpha mask; whether alpha is really used is known only after decoding. */
  mayHaveAlpha: boolean;
}

const BI_RGB = 0;
const BI_BITFIELDS = 3;
const BI_ALPHA_BITFIELDS = 6;

/**
 * Reads the BMP headers from the first bytes of the file (at least 70 are needed for the alpha mask).
 * Throws `ImageError('truncated')` when the file ends inside the header and
 * `ImageError('decode_failed')` for a header that cannot describe an image.
 */
export function readBmpHeader(head: Uint8Array, name: string): BmpHeader {
  if (head.length < 30) throw new ImageError('truncated', said('image.file.bmpHeaderCut', { name }));
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const headerSize = view.getUint32(14, true);
  const width = view.getInt32(18, true);
  const height = Math.abs(view.getInt32(22, true));
  const bitsPerPixel = view.getUint16(28, true);
  const compression = head.length >= 34 ? view.getUint32(30, true) : BI_RGB;
  if (headerSize < 40 || width <= 0 || height <= 0 || ![1, 4, 8, 16, 24, 32].includes(bitsPerPixel)) {
    throw new ImageError('decode_failed', said('image.file.bmpHeader', { name, width, height, bits: bitsPerPixel }));
  }
  const hasAlphaMaskField = headerSize >= 56 || compression === BI_ALPHA_BITFIELDS;
  const alphaMask = hasAlphaMaskField && head.length >= 70 ? view.getUint32(66, true) : 0;
  return { width, height, bitsPerPixel, compression, dataOffset: view.getUint32(10, true), mayHaveAlpha: bitsPerPixel === 32 && alphaMask !== 0 };
}

/**
 * Bytes an uncompressed BMP needs (pixel offset + rows padded to 4 bytes), or null for compressed
 * files whose size cannot be known from the header. Lets `inspectImage` spot a cut-short BMP
 * without decoding it.
 */
export function bmpExpectedBytes(h: BmpHeader): number | null {
  if (h.compression !== BI_RGB && h.compression !== BI_BITFIELDS && h.compression !== BI_ALPHA_BITFIELDS) return null;
  const stride = Math.ceil((h.width * h.bitsPerPixel) / 32) * 4;
  return h.dataOffset + stride * h.height;
}

/** Raw interleaved 8-bit pixels ready for `sharp(data, { raw: { width, height, channels } })`. */
export interface RawPixels {
  data: Buffer;
  width: number;
  height: number;
  channels: 3 | 4;
}

/**
 * bmp-ts's output (A,B,G,R per pixel — its `toRGBA` mode mislays palette colours) to RGB, or RGBA
 * when a 32-bit file really uses alpha (writers that leave alpha at 0 for opaque pixels get RGB).
 * Self-contained on purpose: its source text also runs inside the decoding worker, so it may not
 * call anything outside itself.
 */
function bmpToRaw(
  file: Uint8Array,
  decodeBmpFile: (b: Buffer) => { data: Uint8Array; width: number; height: number },
  bitsPerPixel: number,
): { data: Uint8Array; width: number; height: number; channels: 3 | 4 } {
  const decoded = decodeBmpFile(Buffer.from(file.buffer, file.byteOffset, file.byteLength));
  const abgr = decoded.data;
  const pixels = decoded.width * decoded.height;
  let alphaUsed = false;
  if (bitsPerPixel === 32) {
    for (let i = 0; i < pixels && !alphaUsed; i++) alphaUsed = abgr[i * 4] !== 0;
  }
  const channels = alphaUsed ? 4 : 3;
  const out = new Uint8Array(pixels * channels);
  for (let i = 0, o = 0; i < pixels; i++) {
    const s = i * 4;
    out[o++] = abgr[s + 3] as number;
    out[o++] = abgr[s + 2] as number;
    out[o++] = abgr[s + 1] as number;
    if (alphaUsed) out[o++] = abgr[s] as number;
  }
  return { data: out, width: decoded.width, height: decoded.height, channels };
}

type WorkerAnswer = { ok: true; raw: ReturnType<typeof bmpToRaw> } | { ok: false; message: string };

/** CommonJS source of the decoding worker: reads the file, runs bmp-ts and `bmpToRaw`, transfers the pixels back. */
function workerSource(bmpTsPath: string): string {
  return `
const { parentPort, workerData } = require('node:worker_threads');
const { decode } = require(${JSON.stringify(bmpTsPath)});
const bmpToRaw = ${bmpToRaw.toString()};
let answer;
try {
  const raw = bmpToRaw(require('node:fs').readFileSync(workerData.path), decode, workerData.bitsPerPixel);
  answer = { ok: true, raw };
} catch (err) {
  answer = { ok: false, message: String((err && err.message) || err) };
}
parentPort.postMessage(answer, answer.ok ? [answer.raw.data.buffer] : []);
`;
}

/** Runs the decode in a worker thread; null when the worker itself cannot run (then the caller decodes here). */
function decodeInWorker(path: string, bitsPerPixel: number): Promise<WorkerAnswer | null> {
  return new Promise((resolvePromise) => {
    let worker: Worker;
    try {
      const bmpTsPath = createRequire(import.meta.url).resolve('bmp-ts');
      worker = new Worker(workerSource(bmpTsPath), { eval: true, workerData: { path, bitsPerPixel } });
    } catch {
      resolvePromise(null);
      return;
    }
    worker.once('message', (answer: WorkerAnswer) => resolvePromise(answer));
    worker.once('error', () => resolvePromise(null));
    worker.once('exit', () => resolvePromise(null));
  });
}

/**
 * Decodes a BMP file with `bmp-ts` (sharp has no BMP loader) into RGB or RGBA (see `bmpToRaw`).
 * bmp-ts is synchronous JavaScript (about 0.8 s for 13 MP on one busy core), so it runs in a
 * worker thread to keep the event loop free; where a worker cannot start (e.g. bmp-ts not
 * resolvable from a worker) it falls back to decoding on this thread. Callers bound the pixel
 * count first (`PIXEL_LIMIT`). RLE-compressed BMPs are refused: bmp-ts 1.0.9 scrambles their
 * colours rather than failing. Throws `ImageError` (`unsupported_format`, `decode_failed`).
 */
export async function decodeBmp(path: string, header: BmpHeader, name: string): Promise<RawPixels> {
  if (header.compression === 1 || header.compression === 2) {
    throw new ImageError('unsupported_format', said('image.file.bmpRle', { name }));
  }
  let answer = await decodeInWorker(path, header.bitsPerPixel);
  if (!answer) {
    const file = await readFile(path);
    try {
      answer = { ok: true, raw: bmpToRaw(file, decode, header.bitsPerPixel) };
    } catch (err) {
      answer = { ok: false, message: err instanceof Error ? err.message : String(err) };
    }
  }
  if (!answer.ok) throw new ImageError('decode_failed', said('image.file.bmpDecode', { name, detail: answer.message }));
  const { data, width, height, channels } = answer.raw;
  return { data: Buffer.from(data.buffer, data.byteOffset, data.byteLength), width, height, channels };
}
