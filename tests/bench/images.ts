import { mkdtemp, rm, stat } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { createEngineHost, forkEngine } from '../../src/main/jobs/engine-host';
import { EngineStatsReply } from '../../src/main/jobs/protocol';
import { createMemoryLogger } from '../../src/main/logging/logger';
import { checkImage } from '../../src/main/images/check';
import { fixImage } from '../../src/main/images/fix';
import { inspectImage } from '../../src/main/images/inspect';
import { configureSharp } from '../../src/main/images/sharp-setup';
import { base64Length, formatBytes } from '../../src/main/images/units';
import { findModel } from '../../src/shared/catalog/models';
import { PHOTOS } from '../unit/main/images/derive';

const RUNS = 3;
const ENGINE_ENTRY = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/main/jobs/engine-process.ts');
const ENTRY_ID = 'ark/seedance-1-5-pro-251215';
const SPEC = { resolution: '720p', aspectRatio: '16:9', role: 'first' } as const;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function timed(run: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await run();
  return performance.now() - t;
}

/** Runs `work` while sampling RSS every 5 ms; returns the highest RSS seen, in MB. */
async function peakRss(work: () => Promise<unknown>): Promise<number> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, process.memoryUsage().rss) / 1024 / 1024;
}

/**
 * Prints, for each real photo in shared/fixtures/images, with Seedance 1.5 Pro (ModelArk)
 * at 720p 16:9 (1280 × 720): the time to check (inspect + rules), the time to fix with an empty
 * cache and with a warm one, the peak RSS sampled during a fix, the bytes uploaded (base64, as
 * inline providers receive them) against sending the original, and — as the floor — a bare sharp
 * decode → cover-resize → mozjpeg q90 of the same photo, with the ratio of fix to floor.
 * Medians of 3 runs. Process peak RSS (`resourceUsage().maxRSS`) is printed at the end.
 * This is the work in the calling process (the CLI's path, and main's before issue 12); the app's
 * path, in the engine's process, follows (`benchImagesInEngine`).
 */
export async function benchImages(): Promise<void> {
  configureSharp();
  const entry = findModel(ENTRY_ID);
  if (!entry) throw new Error(`catalog row ${ENTRY_ID} missing`);
  const work = await mkdtemp(join(tmpdir(), 'bench-images-'));
  try {
    // Warm sharp's libraries once so the first photo is not charged for loading them.
    await sharp(PHOTOS.altai).resize(64).jpeg().toBuffer();
    const baseline = process.memoryUsage().rss / 1024 / 1024;
    console.log(`images: baseline RSS ${baseline.toFixed(0)} MB (peaks below are process RSS, so they include it; "+N" is over this baseline, and grows as the allocator keeps freed pages)`);
    for (const photo of Object.values(PHOTOS)) {
      const original = (await stat(photo)).size;
      const checks: number[] = [];
      for (let i = 0; i < RUNS; i++) checks.push(await timed(async () => checkImage(await inspectImage(photo), entry, SPEC)));

      const fixes: number[] = [];
      const floors: number[] = [];
      let rss = 0;
      let sent = 0;
      for (let i = 0; i < RUNS; i++) {
        const cacheDir = join(work, `cache-${basename(photo)}-${i}`);
        rss = Math.max(
          rss,
          await peakRss(async () => {
            fixes.push(
              await timed(async () => {
                sent = (await fixImage(photo, entry, { ...SPEC, cacheDir })).prepared.bytes;
              }),
            );
          }),
        );
        floors.push(await timed(() => sharp(photo).resize(1280, 720, { fit: 'cover' }).jpeg({ quality: 90, mozjpeg: true }).toBuffer()));
      }
      const warm = await timed(() => fixImage(photo, entry, { ...SPEC, cacheDir: join(work, `cache-${basename(photo)}-0`) }));

      const fix = median(fixes);
      const floor = median(floors);
      console.log(
        `images ${basename(photo)}: check ${median(checks).toFixed(1)} ms; fix 720p 16:9 ${fix.toFixed(0)} ms (cached ${warm.toFixed(1)} ms), ` +
          `floor ${floor.toFixed(0)} ms, ratio ${(fix / floor).toFixed(2)}×; peak RSS ${rss.toFixed(0)} MB (+${(rss - baseline).toFixed(0)}); ` +
          `upload ${formatBytes(base64Length(sent))} vs ${formatBytes(base64Length(original))} original as base64 (${((100 * sent) / original).toFixed(1)} %)`,
      );
    }
    console.log(`images: process peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  await benchImagesInEngine();
}

/**
 * The app's path (issue 12): each photo fixed by the job engine's process (forked with the app's
 * `engineEnv`, as the app forks it) through `jobs.images.fix`, main only inspecting the header and
 * waiting. Two engines side by side, one photo in turn on each: with the app's glibc allocator
 * settings (`ENGINE_ALLOCATOR_ENV`) and with glibc's defaults (`MALLOC_ARENA_MAX` = 8 × cores, no
 * fixed mmap threshold). Prints per engine the peak RSS over its own baseline (after loading sharp),
 * the median time of a fix against the bare-sharp floor measured in this process between them, and
 * main's (this process's) peak RSS over its baseline meanwhile.
 */
export async function benchImagesInEngine(): Promise<void> {
  const entry = findModel(ENTRY_ID);
  if (!entry) throw new Error(`catalog row ${ENTRY_ID} missing`);
  const work = await mkdtemp(join(tmpdir(), 'bench-images-engine-'));
  const log = createMemoryLogger();
  const variants = [
    { name: 'app settings (MALLOC_ARENA_MAX=2, MALLOC_MMAP_THRESHOLD_=131072)', env: undefined },
    { name: `glibc defaults (MALLOC_ARENA_MAX=${8 * availableParallelism()})`, env: { ...process.env, MALLOC_ARENA_MAX: String(8 * availableParallelism()) } },
  ];
  const engines = variants.map((v, i) =>
    createEngineHost({
      launch: forkEngine({ entry: ENGINE_ENTRY, execArgv: ['--import', 'tsx'], ...(v.env ? { env: v.env } : {}) }),
      init: { dataDir: join(work, `engine-${i}`), outputDir: join(work, `engine-${i}`, 'downloads') },
      context: () => Promise.reject(new Error('no jobs in this bench')),
      prepareImages: () => Promise.reject(new Error('no jobs in this bench')),
      log,
    }),
  );
  try {
    await Promise.all(engines.map((e) => e.start()));
    const processStats = async (i: number) => {
      const p = EngineStatsReply.parse(await engines[i]!.stats()).process;
      if (!p) throw new Error('the engine process sent no process stats');
      return p;
    };
    // Load sharp in each engine (a small preview) so the baseline includes the library, as in the bench above.
    const warm = await inspectImage(PHOTOS.altai);
    for (const [i, engine] of engines.entries()) await engine.images.preview({ src: PHOTOS.altai, info: warm, cacheDir: join(work, `warm-${i}`), maxSide: 64 });
    const baselines = await Promise.all(engines.map(async (_, i) => (await processStats(i)).rssBytes));
    const mainBaseline = process.memoryUsage().rss;
    const times: number[][] = engines.map(() => []);
    const ratios: number[][] = engines.map(() => []);
    const floors: number[] = [];
    let mainPeak = mainBaseline;
    const sampler = setInterval(() => (mainPeak = Math.max(mainPeak, process.memoryUsage().rss)), 5);
    for (let run = 0; run < RUNS; run++) {
      for (const photo of Object.values(PHOTOS)) {
        const info = await inspectImage(photo);
        const floor = await timed(() => sharp(photo).resize(1280, 720, { fit: 'cover' }).jpeg({ quality: 90, mozjpeg: true }).toBuffer());
        floors.push(floor);
        for (const [i, engine] of engines.entries()) {
          const cacheDir = join(work, `cache-${i}-${run}`);
          const ms = await timed(() => engine.images.fix({ src: photo, modelId: ENTRY_ID, ...SPEC, cacheDir, info }, entry));
          times[i]!.push(ms);
          ratios[i]!.push(ms / floor);
        }
      }
    }
    clearInterval(sampler);
    const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
    const floor = median(floors);
    console.log(
      `images in the engine: ${Object.keys(PHOTOS).length} photos × ${RUNS} runs, fix 720p 16:9 through jobs.images.fix; load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores; ` +
        `bare-sharp floor (this process) median ${floor.toFixed(0)} ms; this process's peak RSS +${mb(mainPeak - mainBaseline)} MB over its ${mb(mainBaseline)} MB (the floor's own decodes; main's fix is only a header read)`,
    );
    for (const [i, v] of variants.entries()) {
      const stats = await processStats(i);
      const fix = median(times[i]!);
      console.log(
        `images in the engine, ${v.name}: peak RSS ${mb(stats.maxRssBytes)} MB, +${mb(stats.maxRssBytes - baselines[i]!)} MB over its ${mb(baselines[i]!)} MB baseline with sharp loaded; ` +
          `fix median ${fix.toFixed(0)} ms; fix ÷ floor of the same photo, median ${median(ratios[i]!).toFixed(2)}×`,
      );
    }
  } finally {
    await Promise.all(engines.map((e) => e.dispose()));
    await rm(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchImages();
