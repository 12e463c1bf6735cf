import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page } from '@playwright/test';
import sharp from 'sharp';
import type { Language } from '../../src/shared/contract/settings';
import { fixture } from '../fixtures/images';

/*
 * The scenes the README's screenshots show, shared by the specs that take them (shell.spec.ts,
 * screenshots.spec.ts): Compose with a real photo, a 4-way Compare, and where the files go.
 */

/** The repository's docs/ folder, where the README's screenshots live. */
export const DOCS = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs');

const DRAGONFLY = fixture('dragonfly-4224x3168.jpg');
const COMPOSE_PROMPT = 'The dragonfly lifts off the reed and hovers, wings catching the morning light; slow push in.';
/** The Compare scene's prompt, and its four seeds. */
export const COMPARE_PROMPT = 'A red paper lantern drifts over a night market, warm light on wet stones';
const COMPARE_SEEDS = [7, 19, 256, 4096];

/**
 * Compose with the dragonfly photo as the first frame and a prompt, saved as the draft (the English
 * UI drives it). Returns the first frame's "what the provider receives" preview, found by its class
 * so it is found in any language.
 */
export async function composeDragonfly(page: Page): Promise<Locator> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Compose' }).click();
  await page.getByLabel('Choose a photo for the first frame').setInputFiles(DRAGONFLY);
  await page.getByRole('textbox', { name: /Prompt/ }).fill(COMPOSE_PROMPT);
  await expect(page.getByText(/will be sent as/)).toBeVisible();
  await expect(page.locator('.save-status')).toHaveAttribute('data-state', 'saved');
  await expect(page.getByText(/Sent as \d+ × \d+/)).toBeVisible();
  return page.locator('img.sent-as-thumb').first();
}

/**
 * Switches the UI language through main's settings (`settings:update`), as the Language section
 * does, and waits for `<html lang>`. Works with any view or dialog open; the shell remounts in the
 * new language and the store's state (draft, picks, open Compare) stays.
 */
export async function setLanguage(page: Page, language: Exclude<Language, 'system'>): Promise<void> {
  await page.evaluate(async (lang) => {
    const r = await window.studio.settings.update({ patch: { appearance: { language: lang } } });
    if (!r.ok) throw new Error(r.error.message);
  }, language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

/** Four takes of one prompt as one batch (ModelArk 1.0 Pro, 480p, 2 s, demo), waited for in the Library; returns the cards. */
export async function fourTakesInLibrary(page: Page): Promise<Locator> {
  await page.evaluate(
    async ({ prompt, seeds }) => {
      const r = await window.studio.jobs.submitBatch({
        batchId: crypto.randomUUID(),
        takes: seeds.map((seed) => ({ modelId: 'ark/seedance-1-0-pro-250528', prompt, resolution: '480p', aspectRatio: '16:9', duration: 2, seed })),
      });
      if (!r.ok) throw new Error(r.error.message);
    },
    { prompt: COMPARE_PROMPT, seeds: COMPARE_SEEDS },
  );
  await page.keyboard.press('Control+3');
  const cards = page.locator('.clip-card[data-clip-id]');
  await expect(cards).toHaveCount(4, { timeout: 150_000 });
  // The "Video ready" toasts would sit over the picture: dismissed, as a user would.
  const dismiss = page.locator('.job-toast button.icon-button');
  await expect(dismiss.first()).toBeVisible();
  while ((await dismiss.count()) > 0) await dismiss.first().click();
  return cards;
}

/** The compared players' positions, seconds, and whether each is ready. */
export function comparePlayers(page: Page) {
  return page.locator('.compare video').evaluateAll((els) => (els as HTMLVideoElement[]).map((v) => ({ t: v.currentTime, paused: v.paused, ready: v.readyState })));
}

/**
 * Picks the four cards with X (the keyboard's way, in any language), opens Compare from the pick
 * bar and moves to one second in, paused, so the pictures are real frames. Returns the dialog.
 */
export async function openCompareOfFour(page: Page, cards: Locator): Promise<Locator> {
  for (let i = 0; i < 4; i++) {
    await cards.nth(i).focus();
    await page.keyboard.press('x');
    await expect(cards.nth(i)).toHaveAttribute('aria-selected', 'true');
  }
  await page.locator('.compare-pick-bar .button.primary').click();
  const compare = page.getByRole('dialog');
  await expect(compare.locator('video')).toHaveCount(4);
  await expect.poll(async () => (await comparePlayers(page)).every((p) => p.ready >= 2), { timeout: 20_000 }).toBe(true);
  await compare.locator('input[type="range"]').first().fill('1');
  await expect.poll(async () => (await comparePlayers(page)).map((p) => Math.round(p.t * 24))).toEqual([24, 24, 24, 24]);
  // Each whole frame is shown: the video fits inside its stage (letterboxed), never cropped by it.
  for (const stage of await compare.locator('.compare-stage').all()) {
    const [box, video] = [await stage.boundingBox(), await stage.locator('video').boundingBox()];
    expect(video!.height).toBeLessThanOrEqual(box!.height + 0.5);
    expect(video!.width).toBeLessThanOrEqual(box!.width + 0.5);
  }
  return compare;
}

/** Takes the window as `path` (the focus ring left out) and returns the PNG. */
export async function shoot(page: Page, path: string): Promise<Buffer> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  mkdirSync(dirname(path), { recursive: true });
  return page.screenshot({ path, animations: 'disabled' });
}

/**
 * What a README screenshot must be: a 1280×800 PNG in which `area` (e.g. the photo or the videos)
 * holds a picture — varied pixels, not a blank or a placeholder.
 */
export async function expectPictureIn(png: Buffer, area: Locator): Promise<void> {
  const meta = await sharp(png).metadata();
  expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({ format: 'png', width: 1280, height: 800 });
  const box = await area.boundingBox();
  expect(box).not.toBeNull();
  const left = Math.max(0, Math.round(box!.x));
  const top = Math.max(0, Math.round(box!.y));
  const region = { left, top, width: Math.max(1, Math.min(1280 - left, Math.floor(box!.width))), height: Math.max(1, Math.min(800 - top, Math.floor(box!.height))) };
  const stats = await sharp(png).extract(region).stats();
  expect(Math.max(...stats.channels.slice(0, 3).map((c) => c.stdev))).toBeGreaterThan(15);
}
