import { expect, test } from './fixtures';
import { makeClipVideo, seedClip } from './library-seed';

test('the Library player has volume and mute', async ({ app: page, harness }) => {
  await seedClip(harness, { videoPath: makeClipVideo(), prompt: 'Waves fold onto black sand', modelId: 'novita/seedance-v1-pro-t2v' });
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Library' }).click();
  await page.getByRole('gridcell', { name: /Waves fold/ }).click();
  const controls = page.getByRole('toolbar', { name: 'Player controls' });
  const video = page.locator('.player video');
  const sound = () => video.evaluate((v: HTMLVideoElement) => ({ muted: v.muted, volume: v.volume }));

  const mute = controls.getByRole('button', { name: 'Mute' });
  await expect(mute).toHaveAttribute('aria-pressed', 'false');
  await mute.click();
  await expect(mute).toHaveAttribute('aria-pressed', 'true');
  expect(await sound()).toEqual({ muted: true, volume: 1 });
  await expect(controls.getByRole('slider', { name: 'Volume' })).toHaveAttribute('aria-valuetext', 'Muted');
  await mute.click();
  expect((await sound()).muted).toBe(false);

  await controls.getByRole('slider', { name: 'Volume' }).fill('0.4');
  expect((await sound()).volume).toBeCloseTo(0.4, 5);
  await expect(controls.getByRole('slider', { name: 'Volume' })).toHaveAttribute('aria-valuetext', '40%');
  await controls.screenshot({ path: 'test-results/player-sound.png' });
});
