import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { seedClip } from './library-seed';
import { makeTestVideo } from '../fixtures/videos';

// Seedance 2.5's 1080p output is HEVC Main 10 (seedance-2.5.md §2.5), which Chromium does not play
// without a hardware decoder. Filed like the engine files it (the seed hook makes the H.264 preview
// first), the clip plays in the Library player; its own file stays the HEVC original.
test('a 10-bit HEVC clip plays in the Library player through its H.264 preview', async ({ page, harness }) => {
  const videoPath = makeTestVideo(mkdtempSync(join(tmpdir(), 'seedance-e2e-hevc-')), 'hevc10', { width: 640, height: 360, seconds: 2 });
  await seedClip(harness, { videoPath, prompt: 'A lighthouse at dusk, waves below, Seedance 2.5 at 1080p', provider: 'ark', modelId: 'ark/dreamina-seedance-2-0-260128' });

  await page.goto(harness.url);
  await page.locator('html[data-app-state="ready"]').waitFor();
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Library' }).click();
  await page.getByRole('gridcell', { name: /A lighthouse at dusk/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: /A lighthouse at dusk/ })).toBeVisible();

  const video = page.locator('.player video');
  // HAVE_CURRENT_DATA or better, and no MediaError: the browser decoded frames.
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => ({ ready: v.readyState >= 2, error: v.error?.code ?? null })), { timeout: 20_000 }).toEqual({ ready: true, error: null });
  await video.evaluate((v: HTMLVideoElement) => v.play());
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 }).toBeGreaterThan(0);
  expect(await video.evaluate((v: HTMLVideoElement) => ({ w: v.videoWidth, h: v.videoHeight }))).toEqual({ w: 640, h: 360 });
});

// The Queue's player too: a Seedance 2.5 job at 1080p from Compose, which the offline demo delivers
// as HEVC Main 10 like the provider (src/main/demo/provider/render.ts `outputCodec`), plays in the
// job's detail panel through the H.264 preview made at delivery; the filed clip keeps the original.
test('a 10-bit HEVC result plays in the Queue player through its H.264 preview', async ({ app: page, harness }) => {
  test.setTimeout(180_000);
  await page.getByRole('combobox', { name: 'Model' }).click();
  await page.getByRole('group', { name: 'fal' }).getByRole('option', { name: 'Seedance 2.5 · text to video', exact: true }).click();
  await page.locator('label.chip', { has: page.getByRole('radio', { name: '1080p', exact: true }) }).click();
  await page.getByLabel('Duration', { exact: true }).fill('4');
  await page.getByRole('textbox', { name: /Prompt/ }).fill('A lighthouse at dusk in 1080p, waves below');
  const generate = page.getByRole('button', { name: /Generate/ });
  await expect(generate).toBeEnabled({ timeout: 30_000 });
  await generate.click();

  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Queue' }).click();
  const row = page.locator('li.job-row');
  await expect(row.locator('.job-chip')).toHaveText('Done', { timeout: 150_000 });
  await row.locator('.job-select').click();
  const video = page.getByRole('complementary', { name: 'Job details' }).locator('video');
  await expect(video).toBeVisible({ timeout: 15_000 });

  // The player loads the preview, not the clip's own file, and the original is HEVC Main 10 at 1920 × 1080.
  const clip = await page.evaluate(async () => {
    const listed = await window.studio.jobs.list();
    const clipId = listed.ok ? listed.data.jobs[0]?.result?.libraryId : undefined;
    if (!clipId) throw new Error('the job was not filed');
    const got = await window.studio.library.get({ id: clipId });
    if (!got.ok) throw new Error(got.error.message);
    return { playUrl: got.data.playUrl, videoUrl: got.data.videoUrl, preview: got.data.sidecar.preview?.file };
  });
  expect(clip.preview).toBe('preview.mp4');
  expect(clip.playUrl).not.toBe(clip.videoUrl);
  expect(await video.getAttribute('src')).toBe(clip.playUrl);
  const original = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=codec_name,pix_fmt,width,height', '-of', 'csv=p=0', findClipVideo(harness.dataDir)], { encoding: 'utf8' }).trim();
  expect(original).toBe('hevc,1920,1080,yuv420p10le');

  // It decodes and plays: time advances with no MediaError.
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => ({ ready: v.readyState >= 2, error: v.error?.code ?? null })), { timeout: 20_000 }).toEqual({ ready: true, error: null });
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.2);
  expect(await video.evaluate((v: HTMLVideoElement) => v.error)).toBeNull();
});

/** The one filed clip's own video (`clip.mp4`) under the harness's data folder. */
function findClipVideo(dataDir: string): string {
  const found = readdirSync(dataDir, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('clip.mp4'));
  expect(found).toHaveLength(1);
  return join(dataDir, found[0]!);
}
