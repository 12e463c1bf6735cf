import { availableParallelism } from 'node:os';
import sharp from 'sharp';

let configured = false;

/**
 * Process-wide sharp settings, applied once (later calls do nothing):
 * - libvips threads per image = cores − 1 (at least 1), so one core stays free for the event loop
 *   and the window; sharp's work already runs off the JS thread on libuv's pool.
 * - no file cache: libvips would otherwise keep recently read files open (Windows then refuses to
 *   delete or replace them) and could serve a stale decode of a file the user edited in place.
 *   The small operation cache stays: previews and checks of the same image reuse it.
 */
export function configureSharp(): void {
  if (configured) return;
  configured = true;
  sharp.concurrency(Math.max(1, availableParallelism() - 1));
  sharp.cache({ files: 0, memory: 64, items: 50 });
}
