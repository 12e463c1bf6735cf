import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { makeClipVideo } from './library-seed';
import { makeSidecars, writeLibrary } from '../unit/main/library/sidecar-factory';
import { createClipIndex } from '../../src/main/library/index';
import { LibraryQuery } from '../../src/shared/library/query';

/** Clips in the generated library: enough rows to scroll well past the first page of 200. */
const CLIPS = 600;

test('a search typed with the grid scrolled down shows its first matches in the keystroke\'s own frame, never the old rows', async ({ page, harness }) => {
  const video = makeClipVideo();
  const bytes = readFileSync(video);
  const sidecars = makeSidecars(CLIPS, 7, { sha256: createHash('sha256').update(bytes).digest('hex'), bytes: statSync(video).size });
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
