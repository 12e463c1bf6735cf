import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures';
import { makeClipVideo } from './library-seed';
import { makeSidecars, writeLibrary } from '../unit/main/library/sidecar-factory';
import { createClipIndex } from '../../src/main/library/index';
import { POSTER_FILE } from '../../src/main/library/layout';
import { LibraryQuery } from '../../src/shared/library/query';

/** Clips in the generated library: enough rows to scroll well past the first page of 200. */
const CLIPS = 600;

test('a search typed with the grid scrolled down shows its first matches in the keystroke\'s own frame, never the old rows', async ({ page, harness }) => {
  const video = makeClipVideo();
  const bytes = readFileSync(video);
  const sidecars = makeSidecars(CLIPS, 7, { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
  await writeLibrary(join(harness.dataDir, 'library'), sidecars, video);
  // What main's index answers for the typed word: the grid must show its newest match first.
  const index = createClipIndex();
  for (const sidecar of sidecars) index.set({ id: sidecar.id, folder: sidecar.id, dir: '', sidecar, hasPoster: false, fingerprint: '' });
  const expected = index.query(LibraryQuery.parse({ query: 'storm', limit: 1 }));
  expect(expected.total).toBeGreaterThan(0);
  expect(expected.total).toBeLessThan(CLIPS);

  await page.goto(harness.url);
  await page.locator('html[data-app-state="ready"]').waitFor();
  await page.keyboard.press('Control+3');
  await expect(page.locator('.library-count')).toHaveText(`${CLIPS} clips`);
  const grid = page.getByRole('grid', { name: 'Clips' });
  await grid.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
  // Scrolled: the rows in view are real cards, far from the top.
  await expect.poll(() => grid.locator('[role="gridcell"]:not([aria-busy])').first().getAttribute('data-index').then(Number)).toBeGreaterThan(200);
  // The window's own copy of the library (it answers searches as they are typed) loads a second after the Library opens.
  await page.waitForTimeout(3_000);

  // What the frame after the search shows: rAF callbacks run after the input's task and before that frame paints.
  await page.evaluate(() => {
    const w = window as unknown as { __frame?: object };
    const input = document.querySelector('input[aria-label="Search prompts and tags"]');
    input?.addEventListener(
      'input',
      () =>
        requestAnimationFrame(() => {
          const cell = document.querySelector<HTMLElement>('.clip-grid [data-index]');
          w.__frame = {
            first: cell?.dataset.index ?? null,
            id: cell?.dataset.clipId ?? null,
            loading: document.querySelectorAll('.clip-grid .is-loading').length,
            scrollTop: document.querySelector('.clip-grid')?.scrollTop ?? -1,
            count: document.querySelector('.library-count')?.textContent ?? null,
          };
        }),
      { once: true },
    );
  });
  await page.getByRole('searchbox', { name: 'Search prompts and tags' }).focus();
  await page.keyboard.insertText('storm');
  const frame = await page.waitForFunction(() => (window as unknown as { __frame?: object }).__frame).then((h) => h.jsonValue());
  expect(frame).toEqual({ first: '0', id: expected.items[0]?.id, loading: 0, scrollTop: 0, count: `${expected.total} clips` });
});

/** A colour per clip number `i` (< 640), far enough from every other one to survive JPEG: r, g, b in 0–255. */
function posterColour(i: number): [number, number, number] {
  return [(i % 8) * 32 + 16, (Math.floor(i / 8) % 8) * 32 + 16, Math.floor(i / 64) * 25 + 12];
}

/** Each card in `grid`: its clip id and its poster's centre pixel (r, g, b), or null while the poster is not loaded. */
function posterPixels(grid: Locator): Promise<Array<{ id: string; rgb: number[] | null }>> {
  return grid.evaluate((el) =>
    [...el.querySelectorAll<HTMLElement>('[role="gridcell"][data-clip-id]')].map((cell) => {
      const img = cell.querySelector('img');
      if (!img?.complete || img.naturalWidth === 0) return { id: cell.dataset.clipId as string, rgb: null };
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      context.drawImage(img, 0, 0);
      const { data } = context.getImageData(Math.floor(img.naturalWidth / 2), Math.floor(img.naturalHeight / 2), 1, 1);
      return { id: cell.dataset.clipId as string, rgb: [data[0] as number, data[1] as number, data[2] as number] };
    }),
  );
}

test('after each search every card shows its own clip\'s poster', async ({ page, harness }) => {
  const video = makeClipVideo();
  const bytes = readFileSync(video);
  const sidecars = makeSidecars(120, 11, { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
  const root = join(harness.dataDir, 'library');
  const folders = await writeLibrary(root, sidecars, video);
  // Each clip's poster is a solid colour of its own: a card showing another clip's poster shows in its pixels.
  await Promise.all(
    folders.map((folder, i) => {
      const [r, g, b] = posterColour(i);
      return sharp({ create: { width: 64, height: 36, channels: 3, background: { r, g, b } } }).jpeg({ quality: 95 }).toFile(join(root, folder, POSTER_FILE));
    }),
  );
  const colourOf = new Map(sidecars.map((sidecar, i) => [sidecar.id, posterColour(i)]));

  await page.goto(harness.url);
  await page.locator('html[data-app-state="ready"]').waitFor();
  await page.keyboard.press('Control+3');
  await expect(page.locator('.library-count')).toHaveText('120 clips');
  await page.waitForTimeout(3_000); // The window's copy of the library, which answers searches as they are typed.
  const grid = page.getByRole('grid', { name: 'Clips' });
  const search = page.getByRole('searchbox', { name: 'Search prompts and tags' });
  for (const word of ['rain', 'golden', 'city']) {
    await search.fill(word);
    await expect(page.locator('.library-count')).not.toHaveText('120 clips');
    await expect.poll(async () => (await posterPixels(grid)).every((card) => card.rgb !== null), { message: `every poster loads after searching "${word}"` }).toBe(true);
    const cards = await posterPixels(grid);
    expect(cards.length).toBeGreaterThan(3);
    for (const { id, rgb } of cards) {
      const want = colourOf.get(id) as [number, number, number];
      const off = Math.max(...want.map((v, k) => Math.abs(v - (rgb?.[k] ?? -255))));
      expect(off, `card ${id}: poster ${rgb?.join(',')}, its clip's ${want.join(',')}`).toBeLessThanOrEqual(8);
    }
  }
});
