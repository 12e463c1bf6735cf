import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { checkImage } from '../../src/main/images/check';
import { fixImage } from '../../src/main/images/fix';
import { inspectImage } from '../../src/main/images/inspect';
import { configureSharp } from '../../src/main/images/sharp-setup';
import { base64Length, formatBytes } from '../../src/main/images/units';
import { findModel } from '../../src/shared/catalog/models';
import { PHOTOS } from '../unit/main/images/derive';

const RUNS = 3;
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
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchImages();
