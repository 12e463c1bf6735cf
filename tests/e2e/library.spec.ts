import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test as base } from './fixtures';
import { FIXTURE_IMAGES } from '../fixtures/images';
import { makeClipVideo, seedClip } from './library-seed';

/** Three real clips, made once per worker and filed in every test's own library. */
let videos: { wide: string; bars: string; tall: string };

interface LibraryFixtures {
  /** Ids of the seeded clips, by name. */
  clips: { dragonfly: string; sunset: string; portrait: string };
  /** The app on the Library view, with the seeded clips. */
  library: Page;
}

const test = base.extend<LibraryFixtures>({
  clips: async ({ harness }, use) => {
    const day = 86_400_000;
    const now = Date.now();
    const dragonfly = await seedClip(harness, {
      videoPath: videos.wide,
      prompt: 'A dragonfly lands on a reed, slow push in, morning mist',
      inputs: [{ role: 'first', path: join(FIXTURE_IMAGES, 'dragonfly-4224x3168.jpg') }],
      createdAt: now - 2 * day,
      tags: ['nature'],
    });
    const sunset = await seedClip(harness, {
      videoPath: videos.bars,
      prompt: 'Golden sunset over the sea, drone shot gliding forward',
      provider: 'fal',
      modelId: 'fal/fal-ai/bytedance/seedance/v1.5/pro/image-to-video',
      mode: 'first-last-frame',
      inputs: [
        { role: 'first', path: join(FIXTURE_IMAGES, 'sunset-4272x2848.jpg') },
        { role: 'last', path: join(FIXTURE_IMAGES, 'nuthatch-6028x3391.jpg') },
      ],
      createdAt: now - day,
      continuedFrom: dragonfly,
    });
    const portrait = await seedClip(harness, {
      videoPath: videos.tall,
      prompt: 'Portrait of a woman in the Altai mountains, wind in her hair',
      modelId: 'novita/seedance-v1-pro-t2v',
      aspectRatio: 'adaptive',
      createdAt: now,
      rating: 2,
    });
    await use({ dragonfly, sunset, portrait });
  },
  library: async ({ page, harness, clips }, use) => {
    void clips; // Seeded before the page opens.
    await page.goto(harness.url);
    await page.locator('html[data-app-state="ready"]').waitFor();
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Library' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Library');
    await use(page);
  },
});

test.beforeAll(() => {
  videos = {
    wide: makeClipVideo('testsrc2=size=640x360:rate=24'),
    bars: makeClipVideo('smptehdbars=size=640x360:rate=24'),
    tall: makeClipVideo('testsrc2=size=360x640:rate=24'),
  };
});

const cards = (page: Page) => page.getByRole('grid', { name: 'Clips' }).getByRole('gridcell');
const card = (page: Page, text: string) => page.getByRole('gridcell', { name: new RegExp(text) });

/** Opens the clip whose card mentions `text` and waits for its video element. */
async function openClip(page: Page, text: string) {
  await card(page, text).click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(text) })).toBeVisible();
  return page.locator('.player video');
}

test('the grid shows every clip with its poster, newest first', async ({ library }) => {
  await expect(cards(library)).toHaveCount(3);
  await expect(library.locator('.library-count')).toHaveText('3 clips');
  await expect(cards(library).first()).toHaveAttribute('aria-label', /Altai/);
  // Every poster is a real decoded image (ffmpeg made it from the video at 1 s).
  const posters = library.locator('.clip-poster img');
  await expect(posters).toHaveCount(3);
  await expect.poll(() => posters.evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth))).toEqual([360, 640, 640]);
  if (process.env.LIBRARY_SHOTS) await library.screenshot({ path: '/tmp/library-grid.png' });
});

test('hovering a card plays a muted preview of that clip only', async ({ library }) => {
  await card(library, 'dragonfly').hover();
  const preview = card(library, 'dragonfly').locator('video');
  await expect(preview).toHaveCount(1);
  await expect.poll(() => preview.evaluate((v: HTMLVideoElement) => v.muted && v.currentTime > 0)).toBe(true);
  await expect(library.locator('.clip-grid video')).toHaveCount(1);
  await library.mouse.move(0, 0);
  await expect(library.locator('.clip-grid video')).toHaveCount(0);
});

test('search and filters narrow the grid; Ctrl+F focuses the search', async ({ library }) => {
  await library.keyboard.press('Control+f');
  const search = library.getByRole('searchbox', { name: 'Search prompts and tags' });
  await expect(search).toBeFocused();
  await search.fill('sun');
  await expect(cards(library)).toHaveCount(1);
  await expect(card(library, 'sunset')).toBeVisible();
  // A tag matches too.
  await search.fill('natu');
  await expect(cards(library)).toHaveCount(1);
  await expect(card(library, 'dragonfly')).toBeVisible();
  await search.fill('nothing like this');
  await expect(library.getByRole('heading', { name: 'No clips match' })).toBeVisible();
  await library.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(cards(library)).toHaveCount(3);

  await library.getByLabel('Provider').selectOption('fal');
  await expect(cards(library)).toHaveCount(1);
  await library.getByLabel('Provider').selectOption('');
  await library.getByLabel('Aspect ratio').selectOption('9:16');
  await expect(cards(library)).toHaveCount(1);
  await expect(card(library, 'Altai')).toBeVisible();
  await library.getByLabel('Aspect ratio').selectOption('');
  await library.getByLabel('Rating').selectOption('2');
  await expect(cards(library)).toHaveCount(1);
  await library.getByLabel('Rating').selectOption('0');
  await library.getByLabel('Sort').selectOption('oldest');
  await expect(cards(library).first()).toHaveAttribute('aria-label', /dragonfly/);
});

test('arrow keys move between cards and Enter opens one; Escape returns to its card', async ({ library }) => {
  await cards(library).first().focus();
  await library.keyboard.press('ArrowRight');
  await expect(card(library, 'sunset')).toBeFocused();
  await library.keyboard.press('End');
  await expect(card(library, 'dragonfly')).toBeFocused();
  await library.keyboard.press('Enter');
  await expect(library.getByRole('heading', { level: 2, name: /dragonfly/ })).toBeFocused();
  await library.keyboard.press('Escape');
  await expect(card(library, 'dragonfly')).toBeFocused();
});

test('an open clip plays, seeks through Range requests and steps by frames', async ({ library }) => {
  const video = await openClip(library, 'dragonfly');
  await library.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => !v.paused && v.currentTime > 0.2)).toBe(true);
  await library.keyboard.press('k'); // K stops.
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);

  await video.evaluate((v: HTMLVideoElement) => (v.currentTime = 2));
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime >= 1.9 && v.readyState >= 2)).toBe(true);
  const before = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
  await library.keyboard.press('.');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime)).toBeCloseTo(before + 1 / 24, 3);

  // The side panel shows the input frame (the original, with its name) and the facts from the sidecar.
  const inputs = library.getByRole('list', { name: 'Inputs' });
  await expect(inputs.getByRole('img', { name: 'First frame: dragonfly-4224x3168.jpg, original, 4224 × 3168 px' })).toBeVisible();
  await expect(library.getByText('640 × 360 px')).toBeVisible();
  await expect(library.getByRole('button', { name: /Portrait|sunset/ })).toBeVisible(); // Continued by: the sunset clip.
  if (process.env.LIBRARY_SHOTS) await library.screenshot({ path: '/tmp/library-detail.png' });
});

test('lineage links open the clip it continued from', async ({ library }) => {
  await openClip(library, 'sunset');
  await library.getByRole('button', { name: /dragonfly/ }).click();
  await expect(library.getByRole('heading', { level: 2, name: /dragonfly/ })).toBeVisible();
});

test('a rating set with a key is written to the sidecar and survives a reload', async ({ library, harness, clips }) => {
  await openClip(library, 'dragonfly');
  await library.keyboard.press('4');
  await expect(library.getByText('4 of 5')).toBeVisible();
  const sidecar = () => {
    const root = join(harness.dataDir, 'library');
    const folder = readdirSync(root).find((name) => name.endsWith(clips.dragonfly)) as string;
    return JSON.parse(readFileSync(join(root, folder, 'clip.json'), 'utf8')) as { rating: number; tags: string[] };
  };
  await expect.poll(() => sidecar().rating).toBe(4);

  await library.getByRole('textbox', { name: 'New tag' }).fill('hero shot');
  await library.keyboard.press('Enter');
  await expect.poll(() => sidecar().tags).toEqual(['nature', 'hero shot']);

  await library.reload();
  await library.locator('html[data-app-state="ready"]').waitFor();
  await library.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Library' }).click();
  await expect(card(library, 'dragonfly')).toHaveAttribute('aria-label', /4 stars/);
  await openClip(library, 'dragonfly');
  await expect(library.getByRole('radio', { name: '4 stars' })).toBeChecked();
  await expect(library.getByRole('list', { name: 'Tags' })).toContainText('hero shot');
});

test('Save a copy… and Export sidecar hand over the clip\'s own bytes', async ({ library, harness, clips }) => {
  const root = join(harness.dataDir, 'library');
  const folder = readdirSync(root).find((name) => name.endsWith(clips.dragonfly)) as string;
  await openClip(library, 'dragonfly');

  // The harness has no save dialog: main says so and the browser downloads the clip under its folder's name.
  const video = library.waitForEvent('download');
  await library.getByRole('button', { name: 'Save a copy…' }).click();
  const videoDownload = await video;
  expect(videoDownload.suggestedFilename()).toBe(`${folder}.mp4`);
  const videoCopy = readFileSync((await videoDownload.path()) as string);
  expect(videoCopy.equals(readFileSync(join(root, folder, 'clip.mp4')))).toBe(true);

  const sidecar = library.waitForEvent('download');
  await library.getByRole('button', { name: 'Export sidecar' }).click();
  const sidecarDownload = await sidecar;
  expect(sidecarDownload.suggestedFilename()).toBe(`${folder}.json`);
  expect(readFileSync((await sidecarDownload.path()) as string, 'utf8')).toBe(readFileSync(join(root, folder, 'clip.json'), 'utf8'));
});

test('delete moves a clip to the trash and Undo brings it back; the status line counts along', async ({ library }) => {
  const size = library.getByRole('contentinfo').getByText(/^Library: /);
  await expect(size).toHaveText(/^Library: 3 clips · \d+ KB$/);
  await openClip(library, 'Altai');
  await library.getByRole('button', { name: 'Delete' }).click();
  await expect(library.getByRole('status').filter({ hasText: 'Moved to the trash' })).toBeVisible();
  await expect(cards(library)).toHaveCount(2);
  await expect(size).toHaveText(/^Library: 2 clips · /);
  await library.getByRole('button', { name: 'Undo' }).click();
  await expect(library.getByText(/Restored:/)).toBeVisible();
  await expect(cards(library)).toHaveCount(3);
  await expect(size).toHaveText(/^Library: 3 clips · /);
});

test('Continue from last frame opens Compose with a new draft whose first frame is the final frame', async ({ library }) => {
  const before = await library.evaluate(() => window.studio.drafts.get());
  await openClip(library, 'dragonfly');
  await library.getByRole('button', { name: 'Continue from last frame' }).click();
  await expect(library.getByRole('heading', { level: 1 })).toHaveText('Compose');
  const after = await library.evaluate(() => window.studio.drafts.get());
  if (!before.ok || !after.ok) throw new Error('drafts:get failed');
  expect(after.data.draft.id).not.toBe(before.data.draft.id);
  expect(after.data.draft.prompt).toContain('dragonfly');
  const imageId = after.data.draft.firstFrame?.imageId;
  expect(imageId).toBeTruthy();
  // The first frame is the video's last frame at full size.
  const preview = await library.evaluate((id) => window.studio.images.preview({ imageId: id, maxSide: 2048 }), imageId as string);
  expect(preview.ok && { width: preview.data.width, height: preview.data.height }).toEqual({ width: 640, height: 360 });
});

test('Reuse opens Compose with the same model, prompt, seed and the original input frame, under its name, as a new draft', async ({ library }) => {
  await openClip(library, 'dragonfly');
  await library.getByRole('button', { name: 'Reuse' }).click();
  await expect(library.getByRole('heading', { level: 1 })).toHaveText('Compose');
  const current = await library.evaluate(() => window.studio.drafts.get());
  if (!current.ok) throw new Error('drafts:get failed');
  const { draft } = current.data;
  expect(draft.modelId).toBe('novita/seedance-v1-pro-i2v');
  expect(draft.prompt).toBe('A dragonfly lands on a reed, slow push in, morning mist');
  expect(draft.params).toMatchObject({ seed: 1234, seedLocked: true, duration: 5, resolution: '480p' });
  const imageId = draft.firstFrame?.imageId as string;
  const preview = await library.evaluate((id) => window.studio.images.preview({ imageId: id, maxSide: 2048 }), imageId);
  // The original photo (4224 × 3168) from the library's input store, not a shrunk copy, under its own name.
  expect(preview.ok && Math.max(preview.data.width, preview.data.height)).toBe(2048);
  await expect(library.getByText('dragonfly-4224x3168.jpg', { exact: true })).toBeVisible();
  await expect(library.getByText(/^4224 × 3168 px/)).toBeVisible();
});

/** Serious or critical axe findings (WCAG 2.1 A/AA and best practices), as in a11y.spec.ts. */
async function blockingAxe(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });
    test(`the grid and the detail have no serious or critical axe violations`, async ({ library }) => {
      await expect(cards(library)).toHaveCount(3);
      expect(await blockingAxe(library)).toEqual([]);
      await openClip(library, 'sunset');
      await expect(library.getByRole('img', { name: /^Last frame: nuthatch-6028x3391\.jpg, original/ })).toBeVisible();
      expect(await blockingAxe(library)).toEqual([]);
      if (process.env.LIBRARY_SHOTS) await library.screenshot({ path: `/tmp/library-detail-${scheme}.png` });
    });
  });
}

test('an empty library says how clips get there', async ({ app }) => {
  await app.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Library' }).click();
  await expect(app.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
  await expect(app.getByText(/when a job in the Queue finishes/)).toBeVisible();
});
