/** ms `afterPaint` waits at most: a hidden or minimised window runs no animation frames. */
const PAINT_WAIT_MAX_MS = 100;

/**
 * Resolves once the frame being made now has been painted (the first task after its animation
 * frame), or after `PAINT_WAIT_MAX_MS` when no frame comes. Never rejects.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, PAINT_WAIT_MAX_MS);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }),
    );
  });
}
