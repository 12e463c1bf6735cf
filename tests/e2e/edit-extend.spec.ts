import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { makeClipVideo, seedClip } from './library-seed';

/**
 * Edit… / Extend… from the Library and Join with the source (issue 15 §2), and a chain as one film
 * (issue 14), in the harness on real MP4s made by ffmpeg.
 */

let files: { fiveSeconds: string; threeSeconds: string; source: string };

test.beforeAll(() => {
  files = {
    fiveSeconds: makeClipVideo('testsrc2=size=640x360:rate=24', 5),
    threeSeconds: makeClipVideo('testsrc2=size=640x360:rate=24', 3),
    // A source the simulated providers take as it is: 5 s (edit 4–30 s, extend 2–30 s) at 960×540,
    // inside fal's 409 600–927 408 pixels per frame for reference videos (providers.md, fal).
    source: makeClipVideo('testsrc2=size=960x540:rate=24', 5),
  };
});

async function openLibraryClip(page: Page, url: string, name: RegExp): Promise<void> {
  await page.goto(url);
  await page.locator('html[data-app-state="ready"]').waitFor();
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Library' }).click();
  await page.getByRole('gridcell', { name }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
}

test('Edit… opens Compose on a 2.5 model with the clip as the source video and the prompt starter; ModelArk says its link expired; the edit is filed "Edited from" the clip', async ({ page, harness }) => {
  test.setTimeout(240_000);
  await seedClip(harness, {
    videoPath: files.source,
    prompt: 'A lighthouse on a cliff at dusk',
    provider: 'ark',
    modelId: 'ark/dreamina-seedance-2-5-260628',
    sidecar: { resultLink: { url: 'https://ark-results.example.com/lighthouse.mp4', expiresAt: Date.now() - 60_000 } },
  });
  await openLibraryClip(page, harness.url, /lighthouse/);

  await page.getByRole('button', { name: 'Edit…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit this clip' });
  await expect(dialog).toContainText('This clip lasts 5.0 s.');
  const ark = dialog.getByRole('radio', { name: /BytePlus ModelArk/ });
  await expect(ark).toBeDisabled();
  await expect(ark).toHaveAccessibleDescription(/link expired on .* \(links last 24 h\)\. fal and EvoLink can take the clip's file instead\./);
  const fal = dialog.getByRole('radio', { name: /\(fal\)/ });
  await expect(fal).toBeEnabled();
  await fal.check();
  expect((await new AxeBuilder({ page }).include('[role="dialog"]').analyze()).violations).toEqual([]);
  await dialog.getByRole('button', { name: 'Open in Compose' }).click();

  await expect(page.getByRole('combobox', { name: 'Model' })).toContainText('fal');
  await expect(page.getByRole('textbox', { name: /Prompt/ })).toHaveValue('Edit video @video1: replace ');
  // The clip itself is @video1, registered by main from the library (the page never had its path).
  await expect(page.getByRole('listitem', { name: /@video1/ })).toBeVisible();

  await generateAndOpen(page, 'Edit video @video1: replace the lighthouse with a windmill', /windmill/);
  const lineage = page.getByRole('region', { name: 'Lineage' });
  await expect(lineage.getByText('Edited from')).toBeVisible();
  await lineage.getByRole('button', { name: /lighthouse on a cliff/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: /lighthouse on a cliff/ })).toBeVisible();
});

test('Extend… on EvoLink runs through Generate to a clip filed "Extended from" the source', async ({ page, harness }) => {
  test.setTimeout(240_000);
  await seedClip(harness, { videoPath: files.source, prompt: 'A tram crosses a bridge in the rain', provider: 'evolink', modelId: 'evolink/seedance-2.5-text-to-video' });
  await openLibraryClip(page, harness.url, /tram crosses/);

  await page.getByRole('button', { name: 'Extend…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Extend this clip' });
  const evolink = dialog.getByRole('radio', { name: /\(EvoLink\)/ });
  await evolink.check();
  await dialog.getByRole('button', { name: 'Open in Compose' }).click();
  await expect(page.getByRole('combobox', { name: 'Model' })).toContainText('EvoLink');
  await expect(page.getByRole('textbox', { name: /Prompt/ })).toHaveValue('Extend @video1 forward: continue from its last shot, ');

  await generateAndOpen(page, 'Extend @video1 forward: continue from its last shot, the tram reaches the far bank', /far bank/);
  const lineage = page.getByRole('region', { name: 'Lineage' });
  await expect(lineage.getByText('Extended from')).toBeVisible();
  await expect(lineage.getByRole('button', { name: /tram crosses a bridge/ })).toBeVisible();
  // The extension only is filed, so Join with the source is offered on it.
  await expect(page.getByRole('button', { name: 'Join with the source' })).toBeVisible();
});

/** Completes the prompt in Compose, generates (against the demo's simulator) and opens the filed clip in the Library. */
async function generateAndOpen(page: Page, prompt: string, card: RegExp): Promise<void> {
  await page.getByRole('textbox', { name: /Prompt/ }).fill(prompt);
  const generate = page.getByRole('button', { name: /Generate/ });
  await expect(generate).toBeEnabled({ timeout: 30_000 });
  await generate.click();
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Library' }).click();
  // The source clip is still open over the grid (which is inert meanwhile): close it.
  await page.keyboard.press('Escape');
  const filed = page.getByRole('gridcell', { name: card });
  await expect(filed).toBeVisible({ timeout: 180_000 });
  await filed.click();
  await expect(page.getByRole('heading', { level: 2, name: card })).toBeVisible();
}

test('On a 3 s clip Edit… is disabled with the reason (4–30 s) and Extend… (2–30 s) is not', async ({ page, harness }) => {
  await seedClip(harness, { videoPath: files.threeSeconds, prompt: 'A short wave breaking' });
  await openLibraryClip(page, harness.url, /wave breaking/);
  const edit = page.getByRole('button', { name: 'Edit…' });
  await expect(edit).toBeDisabled();
  await expect(edit).toHaveAccessibleDescription('The source clip lasts 3 s: to edit a clip, Seedance 2.5 · reference to video takes a source of 4–30 s.');
  await expect(page.getByRole('button', { name: 'Extend…' })).toBeEnabled();
});

test('Join with the source makes one clip from the source and its extension, filed with "joined from" lineage', async ({ page, harness }) => {
  const source = await seedClip(harness, { videoPath: files.fiveSeconds, prompt: 'A heron stands in the reeds', createdAt: Date.now() - 120_000 });
  await seedClip(harness, { videoPath: files.threeSeconds, prompt: 'Extend @video1 forward: the heron takes off', sidecar: { extendedFrom: source } });
  await openLibraryClip(page, harness.url, /heron takes off/);
  const lineage = page.getByRole('region', { name: 'Lineage' });
  await expect(lineage.getByText('Extended from')).toBeVisible();
  await expect(lineage.getByRole('button', { name: /heron stands/ })).toBeVisible();

  await page.getByRole('button', { name: 'Join with the source' }).click();
  await expect(page.getByText(/Joined into one 8\.0 s clip; the video was copied as it is/)).toBeVisible();
  // The joined clip is open: it plays and says where it came from.
  await expect(page.getByRole('heading', { level: 2, name: /heron stands/ })).toBeVisible();
  const joined = page.getByRole('region', { name: 'Lineage' });
  await expect(joined.getByText('Joined from')).toBeVisible();
  await expect(joined.getByRole('button', { name: /heron stands/ })).toBeVisible();
  await expect(joined.getByRole('button', { name: /heron takes off/ })).toBeVisible();
  await expect.poll(() => page.locator('.clip-detail video').evaluate((v: HTMLVideoElement) => v.readyState >= 1 && v.duration)).toBeGreaterThan(7.5);
});

test('Watch chain plays a Continue chain in order, and the chain is filed in the library as one clip', async ({ page, harness }) => {
  const first = await seedClip(harness, { videoPath: files.threeSeconds, prompt: 'A paper boat on a stream', createdAt: Date.now() - 120_000 });
  await seedClip(harness, { videoPath: files.threeSeconds, prompt: 'The paper boat reaches the pond', continuedFrom: first });
  await openLibraryClip(page, harness.url, /reaches the pond/);

  await page.getByRole('button', { name: 'Watch chain' }).click();
  const dialog = page.getByRole('dialog', { name: 'Chain of 2 clips' });
  await expect(dialog.getByText('Clip 1 of 2')).toBeVisible();
  await expect(dialog.getByLabel(/Chain, clip 1 of 2: A paper boat on a stream/)).toBeVisible();
  // The first clip's end starts the second.
  await expect(dialog.getByText('Clip 2 of 2')).toBeVisible({ timeout: 15_000 });
  await expect(dialog.getByLabel(/Chain, clip 2 of 2: The paper boat reaches the pond/)).toBeVisible();

  await dialog.getByRole('button', { name: 'Add to the library as one clip' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'It is in the library now.' })).toContainText('Joined into one 6.0 s clip');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'All clips' }).click();
  await expect(page.getByRole('gridcell')).toHaveCount(3);
});
