import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test as base } from './fixtures';
import { FIXTURE_IMAGES } from '../fixtures/images';
import { makeClipVideo, seedClip } from './library-seed';

/**
 * A reference-to-video clip in the Library (issue 13, Library part; issue 14 item 3): the detail
 * view lists its reference image, video, audio and URL with their tags; Reuse brings the
 * reference image back (the original, under its name) and the URL, and says in the status line
 * that the video and audio did not come back while the media service is unavailable.
 */
let files: { clip: string; refVideo: string; refAudio: string };

const test = base.extend<{ library: Page }>({
  library: async ({ page, harness }, use) => {
    await seedClip(harness, {
      videoPath: files.clip,
      prompt: 'The hiker from @image1 walks the ridge of @video1 to the beat of @audio1',
      provider: 'evolink',
      modelId: 'evolink/seedance-2.0-reference-to-video',
      mode: 'reference-to-video',
      references: [
        { kind: 'image', path: join(FIXTURE_IMAGES, 'altai-portrait-1080x1920.png'), mime: 'image/png' },
        { kind: 'video', path: files.refVideo, mime: 'video/mp4' },
        { kind: 'audio', path: files.refAudio, mime: 'audio/wav' },
        { kind: 'video', url: 'https://example.com/ridge.mp4' },
      ],
    });
    await page.goto(harness.url);
    await page.locator('html[data-app-state="ready"]').waitFor();
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Library' }).click();
    await page.getByRole('gridcell', { name: /hiker/ }).click();
    await expect(page.getByRole('heading', { level: 2, name: /hiker/ })).toBeVisible();
    await use(page);
  },
});

test.beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'seedance-e2e-refs-'));
  const refVideo = join(dir, 'ridge-walk.mp4');
  copyFileSync(makeClipVideo('testsrc2=size=640x360:rate=24', 2), refVideo);
  const refAudio = join(dir, 'drum-loop.wav');
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=220:duration=2', '-y', refAudio], { stdio: ['ignore', 'ignore', 'pipe'] });
  files = { clip: makeClipVideo(), refVideo, refAudio };
});

test('the detail view lists the references with their tags, names and players', async ({ library }) => {
  const inputs = library.getByRole('list', { name: 'Inputs' });
  await expect(inputs.getByRole('listitem')).toHaveCount(4);
  await expect(inputs.getByRole('img', { name: '@image1 · reference image: altai-portrait-1080x1920.png, original, 1080 × 1920 px' })).toBeVisible();
  await expect(inputs.getByLabel('@video1 · reference video: ridge-walk.mp4')).toBeVisible();
  await expect(inputs.getByLabel('@audio1 · reference audio: drum-loop.wav')).toBeVisible();
  await expect(inputs.getByText('https://example.com/ridge.mp4', { exact: false })).toBeVisible();
  // The reference video plays from the library's store.
  await expect.poll(() => inputs.locator('video').evaluate((v: HTMLVideoElement) => v.readyState >= 1 && v.duration > 1.5)).toBe(true);
  const results = await new AxeBuilder({ page: library }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});

test('Reuse brings back the reference image (the original, full size), the video and audio files and the URL', async ({ library }) => {
  await library.getByRole('button', { name: 'Reuse' }).click();
  await expect(library.getByRole('heading', { level: 1 })).toHaveText('Compose');
  const current = await library.evaluate(() => window.studio.drafts.get());
  if (!current.ok) throw new Error('drafts:get failed');
  const { references } = current.data.draft;
  expect(references.map((r) => [r.kind, r.url ?? 'file']).sort()).toEqual(
    [
      ['image', 'file'],
      ['video', 'file'],
      ['video', 'https://example.com/ridge.mp4'],
      ['audio', 'file'],
    ].sort(),
  );
  const image = references.find((r) => r.kind === 'image')!;
  const preview = await library.evaluate((id) => window.studio.images.preview({ imageId: id, maxSide: 2048 }), image.id as string);
  expect(preview.ok && { width: preview.data.width, height: preview.data.height }).toEqual({ width: 1080, height: 1920 });
  // Videos and audio come back through the media service, under their own names.
  const video = references.find((r) => r.kind === 'video' && r.id)!;
  const info = await library.evaluate((id) => window.studio.media.info({ mediaId: id }), video.id as string);
  expect(info.ok && info.data.info.name).toBe('ridge-walk.mp4');
  await expect(library.locator('.status-line')).not.toContainText('Reused without some inputs');
});
