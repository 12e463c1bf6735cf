import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { startSimulator, type SimulatorHandle } from '../../tools/provider-sim/index';
import { DEMO_INTRO_KEY } from '../../src/renderer/shell/demo-intro-key';
import { THEME_KEY } from '../../src/renderer/shell/theme';
import { LANGUAGE_KEY } from '../../src/renderer/i18n/language';
import { expect, test } from './fixtures';
import type { RunningHarness } from './harness-process';
import { makeClipVideo, seedClip } from './library-seed';

/** Recognisable fake keys: if either shows up in the renderer, the test names it. */
const KEY = 'sk-TESTKEY-0123456789abcdef';
const WRONG_KEY = 'sk-WRONGKEY-fedcba9876543210';
/** Nothing listens on the discard port: connections are refused at once. */
const UNREACHABLE = 'http://127.0.0.1:9';

/** Opens the harness page in `page` (frames are only seen by listeners attached before it loads). */
async function openApp(page: Page, harness: RunningHarness): Promise<void> {
  await page.goto(harness.url);
  await page.locator('html[data-app-state="ready"]').waitFor();
}

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings');
}

function providerCard(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

/** Everything the page shows or holds in its DOM: markup (attributes included), visible text, and every field's live value. */
async function renderedState(page: Page): Promise<string> {
  return page.evaluate(() => {
    const values = [...document.querySelectorAll('input, textarea')].map((el) => (el as HTMLInputElement | HTMLTextAreaElement).value);
    return [document.documentElement.outerHTML, document.body.innerText, ...values].join('\n');
  });
}

async function setBaseUrl(card: Locator, name: string, url: string): Promise<void> {
  await card.getByLabel(`Base URL for ${name}`).fill(url);
  await card.getByRole('button', { name: `Save ${name} connection` }).click();
}

/** Types a key and answers the harness's storage question (it has no encryption, so keys are session-only). */
async function setSessionKey(page: Page, card: Locator, name: string, key: string): Promise<void> {
  await card.getByLabel(`API key for ${name}`).fill(key);
  await card.getByRole('button', { name: 'Save key' }).click();
  const dialog = page.getByRole('dialog', { name: 'This system cannot encrypt the key' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep for this session only' }).click();
  await expect(dialog).toBeHidden();
}

test.describe('provider keys', () => {
  let sim: SimulatorHandle;
  let simDir: string;

  test.beforeEach(async () => {
    simDir = mkdtempSync(join(tmpdir(), 'seedance-e2e-sim-'));
    // The simulator accepts exactly KEY for Novita, like the real provider accepts the user's key.
    sim = await startSimulator({ dataDir: simDir, keys: { novita: KEY } });
  });

  test.afterEach(async () => {
    await sim.close();
    rmSync(simDir, { recursive: true, force: true });
  });

  test('set, check and remove a key; the key never reaches the renderer', async ({ page, harness }) => {
    const frames: string[] = [];
    page.on('websocket', (ws) => ws.on('framereceived', ({ payload }) => frames.push(typeof payload === 'string' ? payload : payload.toString('utf8'))));
    await openApp(page, harness);
    await openSettings(page);
    const novita = providerCard(page, 'Novita');
    await expect(novita).toContainText('not set');
    await expect(novita.getByRole('button', { name: 'Check key for Novita' })).toBeDisabled();

    await setBaseUrl(novita, 'Novita', `${sim.url}/novita`);
    await expect(novita.locator('.in-use')).toHaveText(`${sim.url}/novita`);

    await setSessionKey(page, novita, 'Novita', KEY);
    await expect(novita).toContainText('•••• cdef · session only');
    await expect(novita).toContainText('Key saved for this session.');
    // The first real key ends the demo, and says which models need which key (issue 14 item 6).
    await expect(novita).toContainText(
      'Demo mode is off: new jobs go to the providers. Novita models use your key. fal, EvoLink and BytePlus ModelArk models need keys of their own',
    );
    await expect(novita.getByLabel('API key for Novita')).toHaveValue('');
    // With a key configured the app leaves demo mode; the status line and About follow without a reload.
    await expect(page.getByRole('contentinfo')).toContainText('Live providers');

    const checkResult = novita.locator('.check-result');
    await novita.getByRole('button', { name: 'Check key for Novita' }).click();
    await expect(checkResult).toContainText('Valid — Novita accepted the key.');

    await setSessionKey(page, novita, 'Novita', WRONG_KEY);
    await expect(novita).toContainText('•••• 3210 · session only');
    // The earlier result was about another key: it is not shown for this one.
    await expect(checkResult).toHaveText('');
    await novita.getByRole('button', { name: 'Check key for Novita' }).click();
    await expect(checkResult).toContainText('Rejected');

    await setBaseUrl(novita, 'Novita', UNREACHABLE);
    await expect(novita.locator('.in-use')).toHaveText(UNREACHABLE);
    await novita.getByRole('button', { name: 'Check key for Novita' }).click();
    await expect(checkResult).toContainText('Could not reach Novita');

    const rendered = await renderedState(page);
    await novita.getByRole('button', { name: 'Remove key for Novita' }).click();
    await expect(novita).toContainText('not set');
    await expect(novita).toContainText('Key removed.');
    await expect(novita.getByRole('button', { name: 'Remove key for Novita' })).toHaveCount(0);
    await expect(novita.getByRole('button', { name: 'Check key for Novita' })).toBeDisabled();
    await expect(page.getByRole('contentinfo')).toContainText('Demo mode');

    // The renderer saw statuses (last four characters) but never a key: not in any frame main sent, nor in the DOM.
    expect(frames.some((f) => f.includes('"keys:changed"') && f.includes('cdef'))).toBe(true);
    for (const secret of [KEY, WRONG_KEY]) {
      expect(frames.filter((f) => f.includes(secret))).toEqual([]);
      expect(rendered).not.toContain(secret);
      expect(await renderedState(page)).not.toContain(secret);
    }
    // Web storage holds nothing of it: at most the demo explanation's "dismissed" flag, the theme and
    // the language (kept there so the first paint is in the right colours and words, before main answers).
    const stored = await page.evaluate(() => ({ local: { ...localStorage }, session: sessionStorage.length }));
    expect(stored.session).toBe(0);
    expect(stored.local[DEMO_INTRO_KEY]).toBe('1');
    for (const [name, value] of Object.entries(stored.local)) {
      expect([DEMO_INTRO_KEY, THEME_KEY, LANGUAGE_KEY]).toContain(name);
      for (const secret of [KEY, WRONG_KEY]) expect(value).not.toContain(secret);
    }
  });

  test('Cancel in the storage question keeps nothing', async ({ app }) => {
    await openSettings(app);
    const fal = providerCard(app, 'fal');
    await fal.getByLabel('API key for fal').fill(KEY);
    await fal.getByRole('button', { name: 'Save key' }).click();
    const dialog = app.getByRole('dialog', { name: 'This system cannot encrypt the key' });
    await expect(dialog).toContainText('session only');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(fal).toContainText('Not saved.');
    await expect(fal.locator('.key-status')).toContainText('not set');
    // Main kept nothing: a fresh read of the statuses agrees.
    const list = await app.evaluate(async () => window.studio.keys.list());
    expect(list.ok && list.data.find((k) => k.provider === 'fal')?.source).toBe('none');
  });

  test('a key that breaks the rules gets a message and is not sent', async ({ app }) => {
    await openSettings(app);
    const ark = providerCard(app, 'BytePlus ModelArk');
    await ark.getByLabel('API key for BytePlus ModelArk').fill('sk-123');
    await ark.getByRole('button', { name: 'Save key' }).click();
    await expect(ark.getByRole('alert')).toContainText('at least 8 characters');
    await expect(app.getByRole('dialog')).toHaveCount(0);
    await expect(ark.locator('.key-status')).toContainText('not set');
  });
});

test('the key flow works from the keyboard, and its dialog and errors pass axe', async ({ app }) => {
  await openSettings(app);
  const novita = providerCard(app, 'Novita');
  const evolink = providerCard(app, 'EvoLink');
  await setBaseUrl(evolink, 'EvoLink', 'not a url'); // leaves an inline error on the page for axe
  await expect(evolink.getByRole('alert')).toBeVisible();

  const field = novita.getByLabel('API key for Novita');
  await field.focus();
  await app.keyboard.type(KEY);
  await app.keyboard.press('Enter');
  const dialog = app.getByRole('dialog', { name: 'This system cannot encrypt the key' });
  await expect(dialog).toBeVisible();
  // Focus moves into the dialog, onto the safe choice.
  await expect(dialog.getByRole('button', { name: 'Keep for this session only' })).toBeFocused();
  const results = await new AxeBuilder({ page: app }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }));
  expect(blocking).toEqual([]);

  // Escape cancels: nothing kept, focus back where it was.
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(field).toBeFocused();
  await expect(novita.locator('.key-status')).toContainText('not set');

  await app.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await app.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(novita.locator('.key-status')).toContainText('•••• cdef · session only');
  await expect(field).toHaveValue('');
});

test('a bad base URL or concurrency shows an error and keeps the previous value', async ({ app }) => {
  await openSettings(app);
  const evolink = providerCard(app, 'EvoLink');
  const field = evolink.getByLabel('Base URL for EvoLink');
  await setBaseUrl(evolink, 'EvoLink', `${UNREACHABLE}/proxy/`);
  // Main drops the trailing slash (adapters append paths); the field shows what is stored.
  await expect(evolink.locator('.in-use')).toHaveText(`${UNREACHABLE}/proxy`);
  await expect(field).toHaveValue(`${UNREACHABLE}/proxy`);

  for (const bad of ['ftp://example.com', 'https://user:secret@example.com', 'example.com']) {
    await setBaseUrl(evolink, 'EvoLink', bad);
    await expect(evolink.getByRole('alert')).toContainText('Enter a full http:// or https:// address');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(evolink.locator('.in-use')).toHaveText(`${UNREACHABLE}/proxy`);
  }
  const concurrency = evolink.getByLabel('Jobs at once at EvoLink');
  for (const bad of ['0', '21', '2.5']) {
    await concurrency.fill(bad);
    await evolink.getByRole('button', { name: 'Save EvoLink connection' }).click();
    await expect(evolink.getByRole('alert').filter({ hasText: 'whole number from 1 to 20' })).toBeVisible();
  }

  // Main refuses such a value too (the page's checks are a convenience, not the guard).
  const direct = await app.evaluate(async () => window.studio.settings.update({ patch: { providers: { evolink: { baseUrl: 'ftp://example.com' } } } }));
  expect(direct.ok).toBe(false);

  await app.reload();
  await app.locator('html[data-app-state="ready"]').waitFor();
  await openSettings(app);
  const reloaded = providerCard(app, 'EvoLink');
  await expect(reloaded.getByLabel('Base URL for EvoLink')).toHaveValue(`${UNREACHABLE}/proxy`);
  await expect(reloaded.getByLabel('Jobs at once at EvoLink')).toHaveValue('3');

  // Emptying the field goes back to the provider's own address.
  await setBaseUrl(reloaded, 'EvoLink', '');
  await expect(reloaded.locator('.in-use')).toHaveText('default address');
});

test('library folder, switches and polling bounds are validated and apply without a restart', async ({ app, harness }) => {
  await openSettings(app);
  const library = app.getByRole('region', { name: 'Library' });
  const folder = library.getByLabel('Library folder');
  const before = await folder.inputValue();
  expect(before).not.toBe('');

  await folder.fill('relative/clips');
  await library.getByRole('button', { name: 'Use this folder' }).click();
  await expect(library.getByRole('alert')).toContainText('is not a full folder path');
  await expect(library.getByRole('alert')).toContainText('previous folder is kept');
  await expect(library.locator('.in-use')).toHaveText(before);

  const elsewhere = join(harness.dataDir, 'clips-elsewhere');
  await folder.fill(elsewhere);
  await library.getByRole('button', { name: 'Use this folder' }).click();
  await expect(library.locator('.in-use')).toHaveText(elsewhere);
  await expect(library).toContainText('Moved: the library and its clips are in the new folder.');

  const notifications = app.getByRole('region', { name: 'Notifications' });
  const onFinish = notifications.getByRole('switch', { name: 'Notify when a video is ready' });
  await expect(onFinish).toBeChecked();
  await onFinish.press('Space');
  await expect(onFinish).not.toBeChecked();

  const advanced = app.getByRole('region', { name: 'Advanced' });
  const shortest = advanced.getByLabel('Shortest wait (seconds)');
  const longest = advanced.getByLabel('Longest wait (seconds)');
  await shortest.fill('40');
  await longest.fill('30');
  await advanced.getByRole('button', { name: 'Save polling' }).click();
  await expect(advanced.getByRole('alert')).toContainText('cannot be longer than the longest');
  await shortest.fill('0.5');
  await advanced.getByRole('button', { name: 'Save polling' }).click();
  await expect(advanced.getByRole('alert')).toContainText('from 1 to 600');
  await shortest.fill('2.5');
  await longest.fill('20');
  await advanced.getByRole('button', { name: 'Save polling' }).click();
  await expect(advanced).toContainText('Saved.');

  // Main holds the new values: a fresh page shows them.
  await app.reload();
  await app.locator('html[data-app-state="ready"]').waitFor();
  await openSettings(app);
  await expect(app.getByRole('region', { name: 'Library' }).getByLabel('Library folder')).toHaveValue(elsewhere);
  await expect(app.getByRole('switch', { name: 'Notify when a video is ready' })).not.toBeChecked();
  await expect(app.getByLabel('Shortest wait (seconds)')).toHaveValue('2.5');
  await expect(app.getByLabel('Longest wait (seconds)')).toHaveValue('20');
});

test('a new library folder takes the clips along, and the Library plays them from there', async ({ app, harness }) => {
  const id = await seedClip(harness, { videoPath: makeClipVideo(), prompt: 'Fog rolls over a harbour at dawn' });
  const old = join(harness.dataDir, 'library');
  const folder = readdirSync(old).find((name) => name.endsWith(id)) as string;
  const elsewhere = join(harness.dataDir, 'moved library');

  await openSettings(app);
  const library = app.getByRole('region', { name: 'Library' });
  await library.getByLabel('Library folder').fill(elsewhere);
  await library.getByRole('button', { name: 'Use this folder' }).click();
  await expect(library).toContainText('Moved: the library and its clips are in the new folder.');
  expect(readdirSync(elsewhere)).toContain(folder);
  expect(readdirSync(old)).not.toContain(folder);

  await app.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Library' }).click();
  await app.getByRole('gridcell', { name: /Fog rolls/ }).click();
  const video = app.locator('.player video');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState)).toBeGreaterThanOrEqual(2);
  expect(await video.evaluate((v: HTMLVideoElement) => Math.round(v.duration))).toBe(3);
});
