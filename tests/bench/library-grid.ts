import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { link, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { hashFile } from '../../src/main/library/disk';
import { POSTER_FILE } from '../../src/main/library/layout';
import { makePoster } from '../../src/main/library/posters';
import { makeTestMp4, tools } from '../integration/library/media';
import { createClipIndex } from '../../src/main/library/index';
import { LibraryQuery } from '../../src/shared/library/query';
import { makeSidecars, writeLibrary, type VideoFacts } from '../unit/main/library/sidecar-factory';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TSX_CLI = createRequire(import.meta.url).resolve('tsx/cli');
const RENDERER_INDEX = join(ROOT, 'out', 'renderer', 'index.html');

const CLIPS = 10_000;
const SCROLL_MS = 5_000;
/** Scroll speed, px per second: a brisk, steady drag through the grid. */
const SCROLL_SPEED = 2_400;
/** One frame at 60 Hz, ms; a frame taking more than twice this dropped at least one. */
const FRAME_MS = 1000 / 60;
const VIEWPORT = { width: 1280, height: 800 };
/** As tests/e2e/fixtures.ts: a quiet browser in containers (no sandbox as root, no GPU, no background traffic). */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Chromium as tests/e2e/fixtures.ts picks it: `CHROMIUM_PATH`, Debian's `/usr/bin/chromium`, else Playwright's own. */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Newest modification time (ms) of any file under `dir`. */
async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** What is typed into the search box, one key at a time. */
const TYPED = 'neon city storm';

/** What the grid must show after a keystroke: the match count and the ids of the first matches, in the grid's order. */
interface Expected {
  total: number;
  ids: string[];
}

/**
 * The match count and first 500 matches after each keystroke of `TYPED`, from an index of the
 * same generated sidecars (the bench knows the answer, so it can tell when the grid shows it).
 */
function expectedAnswers(n: number, video: VideoFacts): Expected[] {
  const index = createClipIndex();
  for (const sidecar of makeSidecars(n, n, video)) index.set({ id: sidecar.id, folder: sidecar.id, dir: '', sidecar, hasPoster: true, fingerprint: '' });
  return [...TYPED].map((_, i) => {
    const { total, items } = index.query(LibraryQuery.parse({ query: TYPED.slice(0, i + 1).trim(), limit: 500 }));
    return { total, ids: items.map((clip) => clip.id) };
  });
}

/**
 * Types `TYPED` into the Library's search box, one key at a time, and returns for each keystroke
 * that changes the match count the ms from the key's event to the frame after the grid shows the
 * narrowed result: its count shows the new total and its first card in the DOM is a real card
 * (not a loading one) holding the clip the result has at that place. Each key waits for the
 * previous answer, as a quick typist's ~120 ms between keys would.
 */
async function typeSearch(page: Page, answers: Expected[]): Promise<number[]> {
  await page.getByLabel('Search prompts and tags').focus();
  await page.evaluate(() => {
    const w = window as unknown as { __search: { keyAt: number; expect: string; ids: string[]; done: number | null } };
    w.__search = { keyAt: 0, expect: '', ids: [], done: null };
    window.addEventListener('keydown', (e) => (w.__search.keyAt = e.timeStamp), true);
    const narrowed = (s: typeof w.__search) => {
      if (document.querySelector('.library-count')?.textContent?.trim() !== s.expect) return false;
      if (s.ids.length === 0) return true;
      const card = document.querySelector<HTMLElement>('.clip-grid [data-index]');
      if (!card?.dataset.clipId) return false;
      const index = Number(card.dataset.index);
      return index >= s.ids.length || s.ids[index] === card.dataset.clipId;
    };
    const observer = new MutationObserver(() => {
      const s = w.__search;
      if (s.done !== null || !narrowed(s)) return;
      s.done = -1;
      requestAnimationFrame(() => setTimeout(() => (s.done = performance.now() - s.keyAt)));
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  const times: number[] = [];
  let shown = await page.locator('.library-count').textContent();
  for (let i = 0; i < TYPED.length; i++) {
    const { total, ids } = answers[i] as Expected;
    const expect = await page.evaluate((n) => `${n.toLocaleString()} ${n === 1 ? 'clip' : 'clips'}`, total);
    const changes = expect !== shown?.trim();
    await page.evaluate(({ e, ids }) => Object.assign((window as unknown as { __search: object }).__search, { expect: e, ids, done: null }), { e: expect, ids });
    await page.keyboard.type(TYPED[i] as string);
    if (changes) {
      const handle = await page.waitForFunction(() => {
        const done = (window as unknown as { __search: { done: number | null } }).__search.done;
        return done !== null && done >= 0 ? done : null;
      }, undefined, { timeout: 10_000 });
      times.push((await handle.jsonValue()) as number);
      shown = expect;
    } else await page.waitForTimeout(120);
  }
  return times;
}

/** The floor page: a plain scroller as tall as a 10,000-clip grid, and an input that does nothing. */
const FLOOR_PAGE = `<!doctype html><html><body style="margin:0"><input aria-label="floor" style="position:fixed;top:0;left:0">
<div class="floor-scroller" style="height:100vh;overflow:auto"><div style="height:1500000px;background:repeating-linear-gradient(#eee 0 180px,#ccc 180px 200px)"></div></div></body></html>`;

/**
 * Scrolls `selector` for `SCROLL_MS` at `SCROLL_SPEED` (scrollTop set each animation frame, back up
 * from the bottom) and answers the frame intervals, frames showing a loading card and long tasks.
 */
async function scrollFor(page: Page, selector: string): Promise<ScrollRun> {
  // tsx compiles this file with esbuild's keepNames, which wraps the named closure below in a
  // `__name(fn, "frame")` call; the page has no such helper, so give it one that does nothing.
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  return (await page.evaluate(
    ({ durationMs, speed, selector }) =>
      new Promise<ScrollRun>((resolvePromise) => {
        const el = document.querySelector<HTMLElement>(selector);
        if (!el) throw new Error(`no ${selector}`);
        let longTasks = 0;
        const observer = new PerformanceObserver((list) => (longTasks += list.getEntries().length));
        observer.observe({ type: 'longtask' });
        const intervals: number[] = [];
        let placeholders = 0;
        let start = -1;
        let last = 0;
        let distance = 0;
        const frame = (t: number) => {
          if (start < 0) start = t;
          else intervals.push(t - last);
          last = t;
          if (document.querySelector('.clip-card.is-loading')) placeholders++;
          const max = el.scrollHeight - el.clientHeight;
          const travelled = ((t - start) / 1000) * speed;
          const lap = travelled % (2 * max);
          el.scrollTop = lap <= max ? lap : 2 * max - lap;
          distance = travelled;
          if (t - start < durationMs) requestAnimationFrame(frame);
          else {
            observer.disconnect();
            resolvePromise({ intervals, framesWithPlaceholders: placeholders, longTasks, distancePx: distance });
          }
        };
        requestAnimationFrame(frame);
      }),
    { durationMs: SCROLL_MS, speed: SCROLL_SPEED, selector },
  )) as ScrollRun;
}

/** Types `keys` characters into the floor page's input, one at a time, each timed from its keydown to the next painted frame, ms. */
async function keystrokeToPaint(page: Page, keys: number): Promise<number[]> {
  await page.getByLabel('floor').focus();
  const times: number[] = [];
  for (let i = 0; i < keys; i++) {
    // The listener is in place before the key is typed (a busy machine could otherwise deliver
    // the key first, and the wait would never end).
    await page.evaluate(() => {
      const w = window as unknown as { __floorMs: number | null };
      w.__floorMs = null;
      window.addEventListener('keydown', (e) => requestAnimationFrame(() => setTimeout(() => (w.__floorMs = performance.now() - e.timeStamp))), { once: true, capture: true });
    });
    await page.keyboard.type('n');
    const handle = await page.waitForFunction(() => (window as unknown as { __floorMs: number | null }).__floorMs, undefined, { timeout: 10_000 });
    times.push((await handle.jsonValue()) as number);
    await page.waitForTimeout(120);
  }
  return times;
}

/** A library of `n` generated clips under `root`: sidecars, and one real 720p MP4 and its poster hard-linked into every folder. */
async function makeLibrary(root: string, work: string, n: number): Promise<void> {
  const mp4 = join(work, 'real.mp4');
  const poster = join(work, 'poster.jpg');
  await makeTestMp4(mp4, '1280x720', 2);
  await makePoster(tools.ffmpeg, mp4, 2, poster);
  const folders = await writeLibrary(root, makeSidecars(n, n, await hashFile(mp4)), mp4);
  for (let i = 0; i < folders.length; i += 256) {
    await Promise.all(folders.slice(i, i + 256).map((f) => link(poster, join(root, f, POSTER_FILE))));
  }
}

/** Starts the browser harness on `dataDir` (whose `library/` is the default library folder); resolves with its URL. */
async function startHarness(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const env = { ...process.env };
  for (const name of ['NOVITA_API_KEY', 'FAL_KEY', 'EVOLINK_API_KEY', 'ARK_API_KEY']) delete env[name];
  const child = spawn(process.execPath, [TSX_CLI, 'src/harness/main.ts', '--port', '0', '--data', dataDir], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolvePromise, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const m = /^HARNESS (http:\/\/\S+)$/.exec(line);
      if (m) resolvePromise(m[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`the harness exited (code ${code}) before it was ready`)));
  });
  return { child, url };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((r) => {
    child.once('exit', () => r());
    child.kill('SIGTERM');
  });
}

/** What the page reports about the switch to the Library view, ms on the page's clock (0 = navigation start). */
interface GridTimes {
  keyAt: number;
  firstCardAt: number;
  firstPosterAt: number;
}

/**
 * Presses Ctrl+3 and resolves with the page's timings: a MutationObserver finds the first real card
 * (not a loading placeholder) and waits for its poster to be decoded; a rAF + task after each is the
 * first moment the frame that shows it has been painted.
 */
async function switchToLibrary(page: Page): Promise<GridTimes> {
  await page.evaluate(() => {
    const w = window as unknown as { __grid: Partial<GridTimes> };
    w.__grid = {};
    const afterPaint = (then: (t: number) => void) => requestAnimationFrame(() => setTimeout(() => then(performance.now())));
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '3') return;
      w.__grid.keyAt = e.timeStamp;
      window.removeEventListener('keydown', onKey, true);
    };
    window.addEventListener('keydown', onKey, true);
    const observer = new MutationObserver(() => {
      const card = document.querySelector('.clip-card[data-clip-id]');
      if (!card) return;
      observer.disconnect();
      afterPaint((t) => (w.__grid.firstCardAt = t));
      const img = card.querySelector('img');
      if (!img) return afterPaint((t) => (w.__grid.firstPosterAt = t));
      const decoded = img.complete ? img.decode() : new Promise((r) => img.addEventListener('load', r, { once: true })).then(() => img.decode());
      void decoded.catch(() => undefined).then(() => afterPaint((t) => (w.__grid.firstPosterAt = t)));
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
  await page.keyboard.press('Control+3');
  const handle = await page.waitForFunction(
    () => {
      const g = (window as unknown as { __grid: Partial<GridTimes> }).__grid;
      return g.firstPosterAt !== undefined && g.firstCardAt !== undefined ? g : null;
    },
    undefined,
    { timeout: 60_000 },
  );
  return (await handle.jsonValue()) as GridTimes;
}

/** What the page reports about scrolling: frame intervals (ms), frames showing a loading card, long tasks. */
interface ScrollRun {
  intervals: number[];
  framesWithPlaceholders: number;
  longTasks: number;
  distancePx: number;
}

/**
 * Generates a 10,000-clip library (sidecars plus a real 1280×720 MP4 and poster hard-linked into
 * each folder), opens it in the browser harness in Chromium (software rendering: `--disable-gpu`,
 * 1280×800), and prints: first contentful paint and app-ready time; the time from pressing Ctrl+3 to
 * the first grid card in the DOM and to the first card with its poster decoded and painted (the frame
 * after it); then scrolls the grid for 5 s at 2,400 px/s (scrollTop set each animation frame) and
 * prints frame-interval p50/p95/p99, dropped frames (> 2 × 16.7 ms), the share of frames that showed
 * a card still loading its page, and long tasks (> 50 ms) seen meanwhile; then types a search one
 * key at a time and prints the time from each keystroke to the narrowed grid painted.
 * Needs a built renderer (`npx electron-vite build`, as `npm run test:e2e` does).
 */
export async function benchLibraryGrid(): Promise<void> {
  if (!existsSync(RENDERER_INDEX)) throw new Error('library-grid needs the built renderer: run `npx electron-vite build` first.');
  const builtAt = statSync(RENDERER_INDEX).mtimeMs;
  if ((await newestMtime(join(ROOT, 'src', 'renderer'))) > builtAt) {
    console.log('library-grid: warning — src/renderer changed after out/renderer was built; the numbers are for the older build');
  }
  const work = await mkdtemp(join(tmpdir(), 'bench-library-grid-'));
  const dataDir = join(work, 'data');
  await mkdir(dataDir);
  let harness: { child: ChildProcess; url: string } | undefined;
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const madeAt = performance.now();
    await makeLibrary(join(dataDir, 'library'), work, CLIPS);
    const madeMs = performance.now() - madeAt;
    harness = await startHarness(dataDir);
    const page = await browser.newPage({ viewport: VIEWPORT });
    // tsx compiles this file with esbuild's keepNames, which wraps named functions in `__name(…)`;
    // the functions handed to page.evaluate run in the page, where that helper must exist too.
    await page.addInitScript('globalThis.__name = (fn) => fn;');
    await page.goto(harness.url);
    await page.locator('html[data-app-state="ready"]').waitFor({ timeout: 60_000 });
    const ready = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      ready: performance.now(),
    }));

    const cold = await switchToLibrary(page);
    await page.keyboard.press('Control+1');
    await page.locator('.clip-grid').waitFor({ state: 'detached' });
    const warm = await switchToLibrary(page);
    const total = await page.locator('.library-count').textContent();

    const floorPage = await browser.newPage({ viewport: VIEWPORT });
    await floorPage.addInitScript('globalThis.__name = (fn) => fn;');
    await floorPage.setContent(FLOOR_PAGE);
    const floorRun = await scrollFor(floorPage, '.floor-scroller');
    const run = await scrollFor(page, '.clip-grid');
    const searchTimes = await typeSearch(page, expectedAnswers(CLIPS, await hashFile(join(work, 'real.mp4'))));
    const searchSorted = [...searchTimes].sort((a, b) => a - b);
    const typingFloor = await keystrokeToPaint(floorPage, searchTimes.length);
    await floorPage.close();
    const floorSorted = [...floorRun.intervals].sort((a, b) => a - b);
    const floorDropped = floorRun.intervals.filter((ms) => ms > 2 * FRAME_MS).length;
    const typingSorted = [...typingFloor].sort((a, b) => a - b);

    const sorted = [...run.intervals].sort((a, b) => a - b);
    const dropped = run.intervals.filter((ms) => ms > 2 * FRAME_MS).length;
    console.log(`library-grid: ${CLIPS.toLocaleString('en')} clips generated in ${(madeMs / 1000).toFixed(1)} s; grid reports "${total?.trim()}"; Chromium ${browser.version()}, ${VIEWPORT.width}×${VIEWPORT.height}, --disable-gpu`);
    console.log(`library-grid: 1-min load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores (other work on the machine skews every figure)`);
    console.log(`library-grid: page first contentful paint ${ready.fcp.toFixed(0)} ms, app ready ${ready.ready.toFixed(0)} ms after navigation`);
    console.log(
      `library-grid: Ctrl+3 → first card painted ${(cold.firstCardAt - cold.keyAt).toFixed(0)} ms, → first poster painted ${(cold.firstPosterAt - cold.keyAt).toFixed(0)} ms ` +
        `(${cold.firstPosterAt.toFixed(0)} ms after navigation; the harness may still be indexing); ` +
        `again after Ctrl+1: ${(warm.firstCardAt - warm.keyAt).toFixed(0)} ms, ${(warm.firstPosterAt - warm.keyAt).toFixed(0)} ms`,
    );
    console.log(
      `library-grid: scrolling ${(SCROLL_MS / 1000).toFixed(0)} s at ${SCROLL_SPEED} px/s (${(run.distancePx / 1000).toFixed(1)}k px): ${run.intervals.length} frames, ` +
        `frame time p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${(sorted[sorted.length - 1] ?? NaN).toFixed(1)} ms; ` +
        `dropped (> ${(2 * FRAME_MS).toFixed(1)} ms) ${dropped} (${((100 * dropped) / Math.max(1, run.intervals.length)).toFixed(1)} %); ` +
        `frames showing a loading card ${((100 * run.framesWithPlaceholders) / Math.max(1, run.intervals.length + 1)).toFixed(1)} %; long tasks ${run.longTasks}; ` +
        `side by side, the floor (a plain scroller of the same height in the same browser, scrolled the same way just before): ${floorRun.intervals.length} frames, ` +
        `p50 ${percentile(floorSorted, 50).toFixed(1)} ms, p99 ${percentile(floorSorted, 99).toFixed(1)} ms, dropped ${floorDropped} ` +
        `(grid/floor p99 ${(percentile(sorted, 99) / percentile(floorSorted, 99)).toFixed(2)}×)`,
    );
    console.log(
      `library-grid: search as you type "${TYPED}" (no debounce): keystroke → narrowed grid painted, ${searchTimes.length} keystrokes that changed the count: ` +
        `p50 ${percentile(searchSorted, 50).toFixed(0)} ms, max ${(searchSorted[searchSorted.length - 1] ?? NaN).toFixed(0)} ms (${searchTimes.map((t) => t.toFixed(0)).join(', ')}); ` +
        `side by side, the floor (a key typed into a plain input, to the next painted frame, same browser, just after) p50 ${percentile(typingSorted, 50).toFixed(0)} ms, max ${(typingSorted[typingSorted.length - 1] ?? NaN).toFixed(0)} ms`,
    );
  } finally {
    await browser.close();
    if (harness) await stopChild(harness.child);
    await rm(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchLibraryGrid();
