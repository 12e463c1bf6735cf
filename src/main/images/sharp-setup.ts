import sharp from 'sharp';

let configured = false;

/**
 * Process-wide sharp settings, applied once (later calls do nothing):
 * - libvips threads per image: sharp's own default (1 on glibc Linux, where more threads mean
 *   more malloc arenas and fragmentation; the core count elsewhere). Measured with the images
 *   bench (issue 12): cores − 1 threads raised a fix's peak RSS with no gain in time on 2 cores.
 * - no operation or file cache: the cache kept up to 64 MB of decoded pixels per process (peak RSS
 *   +318 MB over baseline while fixing the shared photos, against +80–190 MB without), and our own
 *   content-addressed `inputs/` cache already makes a repeated fix free. Without the file cache,
 *   libvips also keeps no recently read files open (Windows would refuse to delete or replace them)
 *   and cannot serve a stale decode of a file the user edited in place.
 */
export function configureSharp(): void {
  if (configured) return;
  configured = true;
  sharp.cache(false);
}
