import { stat } from 'node:fs/promises';
import sharp from 'sharp';
import type { PixelSize } from '../../shared/catalog/output-sizes';
import type { ModelEntry } from '../../shared/catalog/types';
import type { PreparedImage } from '../providers/types';
import { cacheKey, cachedPath, findCached, sha256File, writeAtomic } from './cache';
import { openFirstFrame } from './decoder';
import { encodeToFit, type FinalPixels, type OutputFormat } from './encode';
import { CropRangeError, ImageError } from './errors';
import { centreCrop, frameTarget, type FrameSpec, type Rect } from './geometry';
import { decodeError, inspectImage, type ImageInfo } from './inspect';
import { said } from '../../shared/messages/phrase';

/**
 * Which part of the image to keep when its ratio differs from the target's:
 * - `centre` (default): the centred crop, exactly what the provider itself would do;
 * - `attention`: sharp's saliency strategy (keeps the busiest, most colourful region);
 * - `rect`: the user's own rectangle, in px of the upright source; clamped to the image, and
 *   centre-cropped inside to the target ratio if it does not match (never stretched).
 */
export type CropChoice = { kind: 'centre' } | { kind: 'attention' } | { kind: 'rect'; rect: Rect };

/** Settings for `fixImage`. */
export interface FixOptions extends FrameSpec {
  /** The processed-input cache, `<dataDir>/inputs`. Created if missing. */
  cacheDir: string;
  crop?: CropChoice;
  /** Output format; default JPEG, or PNG when the image really uses transparency. */
  format?: OutputFormat;
  /** `inspectImage` of the same file, when the caller has it (saves a header read). */
  info?: ImageInfo;
  /**
   * The size to send instead of the frame's target (a reference image keeps its own picture:
   * `referenceImageSize`); the crop is then the centred one of this size's ratio.
   */
  size?: PixelSize;
}

/** A fixed image ready for a provider. */
export interface FixResult {
  prepared: PreparedImage;
  /** The output file, inspected. */
  info: ImageInfo;
  /** The source as inspected. */
  source: ImageInfo;
  /** True when the output came from the cache (nothing was decoded or written). */
  cached: boolean;
  /** Output size in px. */
  target: PixelSize;
  /** The part of the upright source kept, or `attention` when sharp chose it. */
  crop: Rect | 'attention';
}

/** Bumped whenever the pipeline changes what it writes, so older cache entries are not reused. */
const RECIPE_VERSION = 1;
const MIME: Record<OutputFormat, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/**
 * Makes a new file from `src` that `entry` accepts as it is; the original is only read.
 * Steps: EXIF orientation applied to the pixels, first frame of an animation, crop to the target
 * ratio (see `CropChoice`), resize to exactly the target size (`frameTarget`: the model's output
 * size for resolution + ratio, or the first frame's final size for a last frame — never more
 * pixels than the output needs), 8-bit sRGB, then JPEG (mozjpeg, q90 and down only if needed),
 * PNG (transparency) or WebP, with the base64 form under `imageRules.maxBytes`
 * (providers.md "Input image rules" and "Output sizes").
 * Results are cached under `cacheDir` by (sha256 of the source bytes, recipe): a second call with
 * the same input returns the same path without decoding anything.
 * Throws `ImageError` (from inspection or decoding, or `unsupported_format` when the model does not
 * take the requested `format`), `RangeError` for a crop rectangle outside the image, and `Error`
 * when `entry` takes no images.
 */
export async function fixImage(src: string, entry: ModelEntry, opts: FixOptions): Promise<FixResult> {
  const rules = entry.imageRules;
  if (!rules) throw new Error(`${entry.name} takes no images.`);
  if (opts.format && !(rules.formats as readonly string[]).includes(opts.format)) {
    throw new ImageError('unsupported_format', said('image.file.formatRefused', { model: entry.name, format: opts.format.toUpperCase() }));
  }
  const source = opts.info ?? (await inspectImage(src));
  const upright = { width: source.width, height: source.height };
  const target = opts.size ?? frameTarget(entry, upright, opts, rules.maxSideExclusive).size;
  const choice = opts.crop ?? { kind: 'centre' };
  const crop = choice.kind === 'attention' ? 'attention' : choice.kind === 'rect' ? fitRect(choice.rect, upright, target) : centreCrop(upright, target.width / target.height);

  const recipe = { v: RECIPE_VERSION, width: target.width, height: target.height, crop, format: opts.format ?? 'auto', maxBytes: rules.maxBytes };
  const key = cacheKey(await sha256File(src), recipe);
  const hit = await findCached(opts.cacheDir, key);
  if (hit) return { ...(await describeOutput(hit.path, hit.format)), source, cached: true, target, crop };

  const pixels = await render(src, source, target, choice.kind === 'rect' ? crop : choice.kind);
  const format = opts.format ?? (pixels.channels === 4 && (rules.formats as readonly string[]).includes('png') ? 'png' : 'jpeg');
  const encoded = await encodeToFit(pixels, format, rules.maxBytes);
  const path = cachedPath(opts.cacheDir, key, encoded.format);
  await writeAtomic(path, encoded.data);
  return { ...(await describeOutput(path, encoded.format)), source, cached: false, target, crop };
}

/**
 * Decodes, orients, crops and resizes to 8-bit sRGB pixels at `target`; drops an alpha channel
 * nobody uses. The centre crop is left to `resize`'s `cover` (same rectangle, within a pixel of
 * rounding) because an explicit `extract` first would turn off JPEG shrink-on-load and cost a
 * full-size decode.
 */
async function render(src: string, source: ImageInfo, target: PixelSize, crop: Rect | 'centre' | 'attention'): Promise<FinalPixels> {
  try {
    let pipeline = await openFirstFrame(src, source);
    if (typeof crop === 'object') pipeline = pipeline.extract(crop);
    const { data, info } = await pipeline
      .resize(target.width, target.height, { fit: 'cover', position: crop === 'attention' ? sharp.strategy.attention : 'centre', kernel: 'lanczos3' })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    if (info.channels === 3) return { data, width: info.width, height: info.height, channels: 3 };
    if (info.channels !== 4) throw new Error(`unexpected ${info.channels} channels after conversion to sRGB`);
    return opaque(data) ? { data: dropAlpha(data), width: info.width, height: info.height, channels: 3 } : { data, width: info.width, height: info.height, channels: 4 };
  } catch (err) {
    if (err instanceof ImageError) throw err;
    throw decodeError(source.name, source.format, err);
  }
}

/** Clamps a user rectangle to the image and trims it, centred, to the target's ratio. */
function fitRect(rect: Rect, image: PixelSize, target: PixelSize): Rect {
  const left = Math.max(0, Math.round(rect.left));
  const top = Math.max(0, Math.round(rect.top));
  const width = Math.min(image.width - left, Math.round(rect.width));
  const height = Math.min(image.height - top, Math.round(rect.height));
  if (width < 1 || height < 1) {
    throw new CropRangeError(said('image.file.cropOutside', { left: rect.left, top: rect.top, width: rect.width, height: rect.height, imageWidth: image.width, imageHeight: image.height }));
  }
  const inner = centreCrop({ width, height }, target.width / target.height);
  return { left: left + inner.left, top: top + inner.top, width: inner.width, height: inner.height };
}

function opaque(rgba: Buffer): boolean {
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i] !== 255) return false;
  return true;
}

function dropAlpha(rgba: Buffer): Buffer {
  const rgb = Buffer.allocUnsafe((rgba.length / 4) * 3);
  for (let i = 0, o = 0; i < rgba.length; i += 4) {
    rgb[o++] = rgba[i] as number;
    rgb[o++] = rgba[i + 1] as number;
    rgb[o++] = rgba[i + 2] as number;
  }
  return rgb;
}

async function describeOutput(path: string, format: OutputFormat): Promise<{ prepared: PreparedImage; info: ImageInfo }> {
  const [st, sha256, info] = await Promise.all([stat(path), sha256File(path), inspectImage(path)]);
  return { prepared: { path, mime: MIME[format], bytes: st.size, sha256 }, info };
}
