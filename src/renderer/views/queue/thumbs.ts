import type { JobsRequests } from '../../store/jobs/slice';

/** Thumbnails of first frames (`images:preview`), px on the long side: two rows' worth on a HiDPI screen. */
const THUMB_SIDE = 192;

/** One request per image id for the life of the page; null when main no longer knows the image. */
const cache = new Map<string, Promise<string | null>>();

/**
 * The preview URL of input image `imageId`, fetched once and shared by every row that shows it.
 * Resolves to null (never rejects) when the image is gone, e.g. its id expired with a restart:
 * the row then shows a colour tile instead.
 */
export function thumbnailFor(requests: JobsRequests, imageId: string): Promise<string | null> {
  let found = cache.get(imageId);
  if (!found) {
    found = requests.images.preview({ imageId, maxSide: THUMB_SIDE }).then(
      (p) => p.previewUrl,
      () => null,
    );
    cache.set(imageId, found);
  }
  return found;
}

/** A hue 0–359 from a string (FNV-1a), so a job's tile keeps its colour across renders and restarts. */
export function hueOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % 360;
}
