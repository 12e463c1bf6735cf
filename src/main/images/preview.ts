import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { cacheKey, cachedPath, findCached, sha256File, writeAtomic } from './cache';
import { openFirstFrame } from './decoder';
import { ImageError } from './errors';
import { decodeError, type ImageInfo } from './inspect';

/** A small JPEG for thumbnails and the crop box. */
export interface Preview {
  /** Absolute path of the JPEG in the preview cache. */
  path: string;
  mime: 'image/jpeg';
  /** px */
  width: number;
  /** px */
  height: number;
  bytes: number;
}

const PREVIEW_VERSION = 1;

/**
 * A JPEG of `src` (upright, first frame, transparency on white) whose longer side is at most
 * `maxSide` px (never enlarged), cached under `<cacheDir>/previews` by source content + size.
 * `info` is `inspectImage(src)`. Throws `ImageError` when the source cannot be decoded.
 */
export async function makePreview(src: string, info: ImageInfo, cacheDir: string, maxSide: number): Promise<Preview> {
  const dir = join(cacheDir, 'previews');
  const key = cacheKey(await sha256File(src), { preview: PREVIEW_VERSION, maxSide });
  const path = (await findCached(dir, key))?.path ?? (await render(src, info, cachedPath(dir, key, 'jpeg'), maxSide));
  const [st, meta] = await Promise.all([stat(path), sharp(path).metadata()]);
  return { path, mime: 'image/jpeg', width: meta.width, height: meta.height, bytes: st.size };
}

async function render(src: string, info: ImageInfo, path: string, maxSide: number): Promise<string> {
  let data: Buffer;
  try {
    const pipeline = await openFirstFrame(src, info);
    data = await pipeline
      .resize(maxSide, maxSide, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .jpeg({ quality: 80 })
      .toBuffer();
  } catch (err) {
    if (err instanceof ImageError) throw err;
    throw decodeError(info.name, info.format, err);
  }
  await writeAtomic(path, data);
  return path;
}
