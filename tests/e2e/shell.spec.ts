import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test, VIEWS } from './fixtures';
import { composeDragonfly, DOCS, expectPictureIn, shoot } from './scenes';

const SCREENSHOT = join(DOCS, 'screenshot.png');

test('opens each view from the rail', async ({ app }) => {
  const nav = app.getByRole('navigation', { name: 'Views' });
  for (const view of VIEWS) {
    const button = nav.getByRole('button', { name: view.name });
    await button.click();
    await expect(app.getByRole('heading', { level: 1 })).toHaveText(view.name);
    await expect(button).toHaveAttribute('aria-current', 'page');
    await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
  }
});

test('opens each view with Ctrl+1…5 and moves focus to its heading', async ({ app }) => {
  // Reverse order so every press changes the view (Compose is open at start).
  for (const view of [...VIEWS].reverse()) {
    await app.keyboard.press(`Control+${view.key}`);
    const heading = app.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(view.name);
    await expect(heading).toBeFocused();
  }
});

test('the status line says online, the library size and demo mode, with words', async ({ app }) => {
  const status = app.getByRole('contentinfo').getByRole('status');
  await expect(status).toContainText('Online');
  await expect(status).toContainText('Library: 0 clips');
  await expect(status).toContainText('Demo mode');
});

test('Settings → About shows what app:info answered', async ({ app, harness }) => {
  await app.getByRole('button', { name: 'Settings' }).click();
  const about = app.getByRole('region', { name: 'About' });
  await expect(about).toContainText('Browser harness');
  await expect(about).toContainText(/Demo/);
  await expect(about.locator('code')).toHaveText(harness.dataDir);
  const { version } = JSON.parse(readFileSync(resolve(DOCS, '../package.json'), 'utf8')) as { version: string };
  await expect(about).toContainText(`Seedance Studio ${version}`);
  // The harness has no file manager to open: main answers opened: false and About says where the logs are.
  await about.getByRole('button', { name: 'Open logs folder' }).click();
  await expect(about.getByRole('status')).toHaveText(/cannot open the file manager\. The logs are in the logs folder/);
  expect(await app.evaluate(async () => window.studio.app.openLogsFolder())).toEqual({ ok: true, data: { opened: false } });
});

test('screenshot of the shell (light, 1280×800) for the README', async ({ app }) => {
  // Compose with a real photo and a prompt: the view a newcomer should see first.
  const photo = await composeDragonfly(app);
  await expect(app.locator('.save-status')).toHaveText('Saved');
  // What the README's caption promises is on the page at capture time.
  const nav = app.getByRole('navigation', { name: 'Views' });
  for (const name of ['Compose', 'Queue', 'Library', 'Settings']) await expect(nav.getByRole('button', { name })).toBeVisible();
  await expect(app.getByRole('heading', { level: 1 })).toHaveText('Compose');
  const status = app.getByRole('contentinfo').getByRole('status');
  await expect(status).toContainText('Online');
  await expect(status).toContainText('Demo mode');
  await expect(app.getByRole('region', { name: 'First frame' }).getByRole('img', { name: 'What the provider receives' })).toBeVisible();
  expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  // The file is the window at 1280×800, and the photo is in it (varied pixels, not a blank or a placeholder).
  await expectPictureIn(await shoot(app, SCREENSHOT), photo);
});
