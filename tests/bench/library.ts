import { statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { hashFile } from '../../src/main/library/disk';
import { indexCachePath } from '../../src/main/library/index-cache';
import { SIDECAR_FILE } from '../../src/main/library/layout';
import { createLibrary, type Library } from '../../src/main/library/library';
import { moveClipFolders } from '../../src/main/library/move';
import { createMemoryLogger } from '../../src/main/logging/logger';
import type { LibraryQuery } from '../../src/shared/library/query';
import { makeSidecars, rng, writeLibrary } from '../unit/main/library/sidecar-factory';
import { makeTestMp4 } from '../integration/library/media';

const SIZES = [1_000, 10_000];
const SEARCHES = 500;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** A mix of what the Library view sends: prefixes, two-word queries, filters and both sorts. */
function queries(n: number): Array<Partial<LibraryQuery>> {
  const r = rng(99);
  const words = ['dra', 'sun', 'camera pan', 'c', 'neon city', 'hero', 'cafe', 'storm bird', 'zzz', ''];
  const out: Array<Partial<LibraryQuery>> = [];
  for (let i = 0; i < n; i++) {
    const q: Partial<LibraryQuery> = { query: words[Math.floor(r() * words.length)] as string, limit: 100 };
    if (r() < 0.3) q.filters = { provider: ['novita', 'ark'], minRating: 2 };
    if (r() < 0.2) q.filters = { resolution: ['720p'], aspectRatio: ['16:9'] };
    if (r() < 0.3) q.sort = { by: 'rating', dir: 'desc' };
    out.push(q);
  }
  return out;
}

const MOVE_SIZE = 1_000;

/**
 * Moves the library at `root` (MOVE_SIZE clips) to another folder on the same file system and back,
 * then, where tmpfs /dev/shm is another file system, there (copy, sha256 check, delete) and back.
 */
async function benchMove(root: string, work: string): Promise<void> {
  const log = createMemoryLogger();
  const timed = async (label: string, to: string) => {
    await mkdir(to, { recursive: true });
    const started = performance.now();
    const { moved } = await moveClipFolders(root, to, log);
    const ms = performance.now() - started;
    await moveClipFolders(to, root, log);
    console.log(`library move of ${moved.length.toLocaleString('en')} clips, ${label}: ${(ms / 1000).toFixed(2)} s`);
  };
  await timed('same file system (rename)', join(work, 'moved'));
  const shm = '/dev/shm';
  const otherDevice = (() => {
    try {
      return statSync(shm).dev !== statSync(work).dev;
    } catch {
      return false;
    }
  })();
  if (!otherDevice) {
    console.log('library move across file systems: skipped, /dev/shm is not another file system here');
    return;
  }
  const away = await mkdtemp(join(shm, 'bench-library-'));
  try {
    await timed('to another file system (copy, sha256 check, delete)', away);
  } finally {
    await rm(away, { recursive: true, force: true });
  }
}

/** Opens a fresh library object on `root` and waits for its index, sampling this thread's event-loop delay (ms) meanwhile. */
async function coldStart(root: string, work: string): Promise<{ library: Library; ms: number; delay: { p99: number; max: number } }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const started = performance.now();
  const library = createLibrary({ libraryDir: root, framesDir: join(work, 'frames'), log: createMemoryLogger(), watch: false });
  await library.ready;
  const ms = performance.now() - started;
  histogram.disable();
  return { library, ms, delay: { p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6 } };
}

/**
 * The floor of a cold start with the cache, measured on the same library in the same run: the
 * least any index could do — list the folders, stat each folder's sidecar (64 at a time, as the
 * scan does) and JSON.parse every line of the cache file — with none of the index's own work. The
 * ratio of the real cold start to this tells the index's cost apart from the machine's load.
 */
async function coldFloor(root: string): Promise<number> {
  const started = performance.now();
  const names = (await readdir(root, { withFileTypes: true })).filter((d) => d.isDirectory() && !d.name.startsWith('.')).map((d) => d.name);
  for (let i = 0; i < names.length; i += 64) await Promise.all(names.slice(i, i + 64).map((name) => stat(join(root, name, SIDECAR_FILE)).catch(() => null)));
  const lines = (await readFile(indexCachePath(root), 'utf8')).split('\n');
  let parsed = 0;
  for (const line of lines.slice(1)) if (line) parsed += JSON.parse(line.slice(line.indexOf('{'))) ? 1 : 0;
  if (parsed === 0) throw new Error('the index cache held no clips');
  return performance.now() - started;
}

/**
 * Prints, for libraries of 1,000 and 10,000 generated clips (real MP4 hard-linked into each
 * folder): the index time of a first start (no index cache: every sidecar read) and of a cold start
 * with the cache (a fresh library object; the OS page cache is warm since the files were just
 * written), main's event-loop delay (p99, max) during each, the heap the index holds, and search latency p50/p99 over 500 mixed queries.
 */
export async function benchLibrary(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'bench-library-'));
  try {
    const mp4 = join(work, 'real.mp4');
    await makeTestMp4(mp4);
    const facts = await hashFile(mp4);
    for (const n of SIZES) {
      const root = join(work, `lib-${n}`);
      await writeLibrary(root, makeSidecars(n, n, facts), mp4);
      const gc = (globalThis as { gc?: () => void }).gc;
      // First start: no index cache yet, every sidecar is read; disposing writes the cache.
      const first = await coldStart(root, work);
      await first.library.dispose();
      gc?.();
      const heapBefore = process.memoryUsage().heapUsed;
      // Second start, as every later app start: the cache confirmed by stats.
      const { library, ms: indexMs, delay } = await coldStart(root, work);
      const floorMs = await coldFloor(root);
      gc?.();
      const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;

      const times: number[] = [];
      let hits = 0;
      for (const q of queries(SEARCHES)) {
        const t = performance.now();
        hits += (await library.list(q)).total;
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      const total = (await library.list({ limit: 1 })).total;
      await library.dispose();
      if (n === MOVE_SIZE) await benchMove(root, work);
      console.log(
        `library ${n.toLocaleString('en')} clips: first start (no index cache) ${first.ms.toFixed(0)} ms, main event-loop delay p99 ${first.delay.p99.toFixed(1)} ms, max ${first.delay.max.toFixed(1)} ms; ` +
          `cold start with the cache: indexed ${total} in ${indexMs.toFixed(0)} ms (side by side, the floor — list, stat every sidecar, parse every cache line — ${floorMs.toFixed(0)} ms: ${(indexMs / floorMs).toFixed(2)}×), event-loop delay p99 ${delay.p99.toFixed(1)} ms, max ${delay.max.toFixed(1)} ms; load average ${loadavg()[0]?.toFixed(1)}; heap +${heapMb.toFixed(1)} MB${gc ? '' : ' (approx.: run node with --expose-gc)'}; ` +
          `search p50 ${percentile(times, 50).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms (${SEARCHES} queries, ${hits} hits)`,
      );
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchLibrary();
