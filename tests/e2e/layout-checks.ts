import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** The window sizes issue 14 asks the layout to hold at: the smallest supported, and a common laptop. */
export const SIZES = [
  { width: 1024, height: 640 },
  { width: 1440, height: 900 },
] as const;

/** The document does not scroll sideways: `scrollWidth <= clientWidth` of `document.scrollingElement`. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => {
    const root = document.scrollingElement as Element;
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
  });
  expect(scrollWidth, 'the window scrolls sideways').toBeLessThanOrEqual(clientWidth);
}

/**
 * `target` is on screen and nothing covers it: its box lies inside the viewport and the topmost
 * element at its centre is the element itself or inside it.
 */
export async function expectUncovered(target: Locator, what: string): Promise<void> {
  await expect(target, what).toBeVisible();
  const viewport = target.page().viewportSize() as { width: number; height: number };
  const box = await target.boundingBox();
  expect(box, `${what} has no box`).not.toBeNull();
  const { x, y, width, height } = box as { x: number; y: number; width: number; height: number };
  expect(x, `${what} starts left of the window`).toBeGreaterThanOrEqual(0);
  expect(y, `${what} starts above the window`).toBeGreaterThanOrEqual(0);
  expect(x + width, `${what} ends right of the window`).toBeLessThanOrEqual(viewport.width);
  expect(y + height, `${what} ends below the window`).toBeLessThanOrEqual(viewport.height);
  const onTop = await target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && (hit === el || el.contains(hit));
  });
  expect(onTop, `${what} is covered at its centre`).toBe(true);
}
