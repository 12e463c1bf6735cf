import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO_PUBLIC_ORIGIN } from '../../src/main/demo/provider/files';
import { findModel } from '../../src/shared/catalog/models';
import { simulatorEnv, startSimulator, type SimulatorHandle } from '../../tools/provider-sim/index';
import { fixture } from '../fixtures/images';
import { FAL_TASK, JOBS_25, ROWS_25, type Job25, type Provider25 } from '../fixtures/rows-2-5';
import { startRelay, type WireRelay } from '../fixtures/wire-relay';
import { expect, test as base } from './fixtures';
import { startHarness, type RunningHarness } from './harness-process';
import { seedClip } from './library-seed';
import { makeVideo } from './reference-media';

/**
 * Seedance 2.5 from Compose on each provider that documents it (issue 15 "Done when"): text, first
 * frame, reference, edit and extend on ModelArk, fal and EvoLink run end to end against the
 * simulator — every job reaches Done and is filed in the Library — and the request each provider
 * received carries the task explicitly with its locks (ModelArk `omni_reference_task_type`, fal
 * `task`, EvoLink's model id; seedance-2.5.md §2.1–2.2, §3, §4). What went over the wire is read
 * by a recording relay in front of the simulator (tests/fixtures/wire-relay.ts): the harness gets
 * the simulator's base URLs and keys, so jobs take the provider route, as with real keys.
 * ModelArk takes videos only by public URL: its Edit… and Extend… use the clip's own result link,
 * still valid here (a file on the simulator's public host, `<sim data>/public`).
 */

interface Wire {
  sim: SimulatorHandle;
  relay: WireRelay;
  /** The simulator's data folder; files under `public/` are at `DEMO_PUBLIC_ORIGIN`. */
  simData: string;
}

/**
 * Each worker runs its own simulator and relay; each test its own harness pointed at them (the
 * simulator's keys and base URLs as environment variables).
 */
const wired = base.extend<{ wiredHarness: RunningHarness }, { wire: Wire }>({
  wire: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from the pattern
    async ({}, use) => {
      const simData = mkdtempSync(join(tmpdir(), 'seedance-e2e-wire-'));
      const sim = await startSimulator({ port: 0, dataDir: simData, timeScale: 0.25 });
      const relay = await startRelay(sim.url);
      await use({ sim, relay, simData });
      await new Promise((ok) => relay.server.close(ok));
      await sim.close();
      rmSync(simData, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  wiredHarness: async ({ wire }, use) => {
    const harness = await startHarness(undefined, simulatorEnv(wire.relay.url));
    await use(harness);
    await harness.stop();
  },
});

const PHOTO = fixture('dragonfly-4224x3168.jpg');
const REF_PHOTO = fixture('sunset-4272x2848.jpg');

type Provider = Provider25;
type Job = Job25;
const JOBS = JOBS_25;
const GROUP: Record<Provider, string> = { ark: 'BytePlus ModelArk', fal: 'fal', evolink: 'EvoLink' };
/** The row's name in the Model list. */
const rowName = (provider: Provider, job: Job): string => findModel(ROWS_25[provider][job])?.name ?? ROWS_25[provider][job];

/** Each job's prompt, marked with its provider so its request is found on the wire. */
const prompt = (provider: Provider, job: Job): string =>
  ({
    text: `A lighthouse on a cliff at dusk (${provider})`,
    'first frame': `The dragonfly lifts off the leaf (${provider})`,
    reference: `The sunset @image1 over a quiet bay (${provider})`,
    edit: `Edit video @video1: replace the pattern with a night sky (${provider})`,
    extend: `Extend @video1 forward: the pattern fades to black (${provider})`,
  })[job];

async function pickModel(page: Page, provider: Provider, name: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Model' }).click();
  await page.getByRole('group', { name: GROUP[provider] }).getByRole('option', { name, exact: true }).click();
  await expect(page.getByRole('combobox', { name: 'Model' })).toContainText(name);
}

const chip = (page: Page, name: string) => page.locator('label.chip', { has: page.getByRole('radio', { name, exact: true }) });
const tray = (page: Page) => page.getByRole('region', { name: 'References' });

/** 480p and the shortest duration where the duration is free (an edit's is locked to Auto). */
async function smallest(page: Page): Promise<void> {
  await chip(page, '480p').click();
  const duration = page.getByLabel('Duration', { exact: true });
  if (await duration.isVisible()) await duration.fill('4');
}

/** Writes the prompt, sends the job, and waits until the app holds `count` jobs. */
async function generate(page: Page, text: string, count: number): Promise<void> {
  await page.getByRole('textbox', { name: /Prompt/ }).fill(text);
  const button = page.getByRole('button', { name: /Generate/ });
  await expect(button).toBeEnabled({ timeout: 30_000 });
  await button.click();
  await expect
    .poll(async () => {
      const listed = await page.evaluate(() => window.studio.jobs.list());
      return listed.ok ? listed.data.jobs.length : -1;
    })
    .toBe(count);
}

/** Adds the source clip to the tray and waits for its verdict. */
async function addSource(page: Page, video: string): Promise<void> {
  await page.getByLabel('Choose reference images, videos or audio').setInputFiles(video);
  const tile = tray(page).getByRole('listitem', { name: /^Reference video 1, .*@video1$/ });
  await expect(tile.locator('.ref-verdict')).toContainText('Fits', { timeout: 30_000 });
}

/** The body of the submit whose prompt is `text` (ModelArk keeps it in `content`). */
function submitted(relay: WireRelay, text: string): Record<string, unknown> {
  const promptOf = (b: Record<string, unknown>) =>
    typeof b.prompt === 'string' ? b.prompt : ((b.content as Array<{ type: string; text?: string }> | undefined)?.find((c) => c.type === 'text')?.text ?? '');
  const found = relay.sent.filter((s) => promptOf(s.body) === text);
  expect(found, `no submit with the prompt "${text}"`).toHaveLength(1);
  return found[0]!.body;
}

/** What each provider must have received for the job: the task, explicitly, and its locks. */
function expectTaskOnWire(provider: Provider, job: Job, body: Record<string, unknown>): void {
  const task = job === 'reference' || job === 'edit' || job === 'extend' ? job : undefined;
  const follows = job === 'first frame' || job === 'edit' || job === 'extend';
  if (provider === 'ark') {
    expect(body.model).toBe(ROWS_25.ark[job].slice('ark/'.length));
    expect(body.omni_reference_task_type).toBe(task);
    if (follows) expect(body.ratio).toBe('adaptive');
    if (job === 'edit') expect(body.duration).toBe(-1);
  } else if (provider === 'fal') {
    expect(body.task).toBe(task && FAL_TASK[task]);
    if (follows) expect(body.aspect_ratio).toBe('auto');
    if (job === 'edit') expect(body.duration).toBe('auto');
  } else {
    expect(body.model).toBe(ROWS_25.evolink[job].slice('evolink/'.length));
    if (follows) expect(body.aspect_ratio).toBe('adaptive');
    if (job === 'edit') expect(body.duration ?? -1).toBe(-1);
  }
  expect(body.resolution ?? body.quality).toBe('480p');
}

/** Text, first frame and reference from Compose, the same way on every provider: jobs 1–3. */
async function textFrameReference(page: Page, provider: Provider): Promise<void> {
  await pickModel(page, provider, rowName(provider, 'text'));
  await smallest(page);
  await generate(page, prompt(provider, 'text'), 1);

  await pickModel(page, provider, rowName(provider, 'first frame'));
  // ModelArk's one row takes frames or references: choose frames.
  if (provider === 'ark') await chip(page, 'First and last frame').click();
  await page.getByLabel('Choose a photo for the first frame').setInputFiles(PHOTO);
  await expect(page.getByRole('region', { name: 'First frame', exact: true }).getByText('dragonfly-4224x3168.jpg')).toBeVisible({ timeout: 20_000 });
  // A first frame on 2.5 sets the ratio: the video follows the image.
  await expect(page.getByRole('group', { name: 'Aspect ratio' })).toContainText('A first frame sets the aspect ratio');
  await smallest(page);
  await generate(page, prompt(provider, 'first frame'), 2);

  await pickModel(page, provider, rowName(provider, 'reference'));
  if (provider === 'ark') await chip(page, 'References').click();
  await page.getByLabel('Choose reference images, videos or audio').setInputFiles(REF_PHOTO);
  await expect(tray(page).getByRole('listitem', { name: 'Reference image 1, sunset-4272x2848.jpg, @image1' }).locator('.ref-verdict')).toContainText('Fits', { timeout: 30_000 });
  // fal and ModelArk offer the task as a choice (this one chosen), EvoLink's row is locked to it (text).
  await expect(page.getByRole('group', { name: 'Task' })).toContainText('New clip from references');
  await smallest(page);
  await generate(page, prompt(provider, 'reference'), 3);
}

/** Opens the Library's grid, closing a clip left open over it (the grid is inert meanwhile). */
async function openLibrary(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Library' }).click();
  const open = page.getByRole('heading', { level: 2 });
  if (await open.isVisible()) {
    await page.keyboard.press('Escape');
    await expect(open).toHaveCount(0);
  }
}

/** Every job reaches Done in the Queue, and each is filed in the Library. */
async function expectDoneAndFiled(page: Page, provider: Provider, filed: number): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Queue' }).click();
  const rows = page.locator('li.job-row');
  await expect(rows).toHaveCount(JOBS.length);
  for (let i = 0; i < JOBS.length; i += 1) await expect(rows.nth(i).locator('.job-chip')).toHaveText('Done', { timeout: 120_000 });
  await openLibrary(page);
  for (const job of JOBS) {
    await expect(page.getByRole('gridcell', { name: new RegExp(prompt(provider, job).replace(/[().]/g, '\\$&').slice(0, 40)) })).toBeVisible({ timeout: 30_000 });
  }
  await expect(page.getByRole('gridcell')).toHaveCount(filed);
}

let source: string;
wired.beforeAll(() => {
  // 5 s at 854 × 480, 24 fps: an edit source (4–30 s) inside every provider's pixel limits (§2.4: ≥ 409,600 px).
  source = makeVideo({ seconds: 5, width: 854, height: 480, fps: 24, name: 'pattern-5s.mp4' });
});

for (const provider of ['fal', 'evolink'] as const) {
  wired(`2.5 text, first frame, reference, edit and extend on ${GROUP[provider]} from Compose: each Done and filed, the task sent explicitly with its locks`, async ({ page, wiredHarness, wire }) => {
    wired.setTimeout(300_000);
    await page.goto(wiredHarness.url);
    await page.locator('html[data-app-state="ready"]').waitFor();
    await textFrameReference(page, provider);

    // Edit and extend: the clip is the first reference video, sent as a file (fal storage, EvoLink's files API).
    await pickModel(page, provider, rowName(provider, 'edit'));
    await addSource(page, source);
    const task = page.getByRole('group', { name: 'Task' });
    if (provider === 'fal') await task.locator('label.chip', { has: page.getByRole('radio', { name: 'Edit a clip' }) }).click();
    await expect(task).toContainText('Edit a clip');
    await expect(page.getByRole('switch', { name: 'Auto duration' })).toBeDisabled();
    await smallest(page);
    await generate(page, prompt(provider, 'edit'), 4);

    await pickModel(page, provider, rowName(provider, 'extend'));
    if (provider === 'fal') await task.locator('label.chip', { has: page.getByRole('radio', { name: 'Extend a clip' }) }).click();
    await expect(task).toContainText('Extend a clip');
    await expect(page.getByRole('group', { name: 'Aspect ratio' })).toContainText('Extend keeps the source clip’s aspect ratio.');
    await smallest(page);
    await generate(page, prompt(provider, 'extend'), 5);

    await expectDoneAndFiled(page, provider, JOBS.length);
    for (const job of JOBS) expectTaskOnWire(provider, job, submitted(wire.relay, prompt(provider, job)));
  });
}

wired('2.5 on ModelArk from Compose, with Edit… and Extend… using the clip’s result link while it is valid: each Done and filed, the task sent explicitly with its locks', async ({ page, wiredHarness, wire }) => {
  wired.setTimeout(300_000);
  // The clip's own result link, still valid (24 h): a file on the simulator's public host.
  const published = ['e2e', `pattern-${Date.now()}.mp4`];
  mkdirSync(join(wire.simData, 'public', published[0]!), { recursive: true });
  copyFileSync(source, join(wire.simData, 'public', ...published));
  const link = `${DEMO_PUBLIC_ORIGIN}/${published.join('/')}`;
  await seedClip(wiredHarness, {
    videoPath: source,
    prompt: 'A test pattern drifts across the frame',
    provider: 'ark',
    modelId: 'ark/dreamina-seedance-2-5-260628',
    sidecar: { resultLink: { url: link, expiresAt: Date.now() + 20 * 3600_000 } },
  });
  await page.goto(wiredHarness.url);
  await page.locator('html[data-app-state="ready"]').waitFor();
  await textFrameReference(page, 'ark');

  for (const [job, button, dialogName, count] of [
    ['edit', 'Edit…', 'Edit this clip', 4],
    ['extend', 'Extend…', 'Extend this clip', 5],
  ] as const) {
    await openLibrary(page);
    await page.getByRole('gridcell', { name: /test pattern drifts/ }).click();
    await page.getByRole('button', { name: button }).click();
    const dialog = page.getByRole('dialog', { name: dialogName });
    const ark = dialog.getByRole('radio', { name: /BytePlus ModelArk/ });
    await expect(ark).toBeEnabled();
    await ark.check();
    await dialog.getByRole('button', { name: 'Open in Compose' }).click();
    await expect(page.getByRole('combobox', { name: 'Model' })).toContainText('Seedance 2.5');
    // The source is the clip's result link (@video1), not a file: ModelArk downloads it.
    await expect(tray(page).getByRole('listitem', { name: /@video1$/ })).toContainText(published[1]!);
    await smallest(page);
    await generate(page, prompt('ark', job), count);
  }

  await expectDoneAndFiled(page, 'ark', JOBS.length + 1);
  for (const job of JOBS) expectTaskOnWire('ark', job, submitted(wire.relay, prompt('ark', job)));
  const edit = submitted(wire.relay, prompt('ark', 'edit'));
  expect((edit.content as Array<{ type: string; video_url?: { url: string } }>).find((c) => c.type === 'video_url')?.video_url?.url).toBe(link);
  // Filed with their lineage; the extension (only the new segment) offers Join with the source.
  await page.getByRole('gridcell', { name: /night sky/ }).click();
  await expect(page.getByRole('region', { name: 'Lineage' }).getByText('Edited from')).toBeVisible();
  await openLibrary(page);
  await page.getByRole('gridcell', { name: /fades to black/ }).click();
  await expect(page.getByRole('region', { name: 'Lineage' }).getByText('Extended from')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Join with the source' })).toBeVisible();
});
