import { useLayoutEffect, useRef, useState } from 'react';
import { afterPaint } from '../../shell/after-paint';

/** The poster box's aspect (16:9) as `<img>` width and height attributes, px; CSS sizes it to the card. */
const POSTER_WIDTH = 320;
const POSTER_HEIGHT = 180;
/** ms a held poster waits at most for the window to be idle before it starts loading. */
const IDLE_TIMEOUT_MS = 100;

/** True from `holdPosters` until the frame being made then is painted. */
let held = false;
/** Counts `holdPosters` calls: only the latest one's paint releases the hold. */
let holds = 0;
/** Held posters, and the URL each will load. */
const waiting = new Map<HTMLImageElement, string>();
let flushing = false;

/**
 * Posters made from now until the frame being made is painted start loading only after that paint,
 * once the window is idle (at most `IDLE_TIMEOUT_MS` later). The grid calls it for each new search:
 * starting a dozen posters' requests (~0.5 ms each here) would delay the narrowed grid, and their
 * boxes would show empty in that frame anyway (a poster decodes off the main thread). Posters made
 * otherwise (opening the Library, scrolling) load at once.
 */
export function holdPosters(): void {
  const mine = ++holds;
  held = true;
  void afterPaint().then(() => {
    if (mine === holds) held = false;
  });
}

/** Queues `url` for `img` until the window is idle after the next paint; returns the undo (a card replaced before then). */
function loadWhenIdle(img: HTMLImageElement, url: string): () => void {
  waiting.set(img, url);
  if (!flushing) {
    flushing = true;
    void afterPaint().then(() =>
      requestIdleCallback(
        () => {
          flushing = false;
          for (const [poster, src] of waiting) poster.src = src;
          waiting.clear();
        },
        { timeout: IDLE_TIMEOUT_MS },
      ),
    );
  }
  return () => waiting.delete(img);
}

/**
 * A card's poster `<img>` for `url` (the parent keys it by `url`: one element per poster, so a card
 * never shows another clip's poster while its own loads). Sized (16:9, the box it fills) so layout
 * never waits for the file; decoded off the main thread; not lazy: the grid is virtualised, every
 * card rendered is in or near view. Made while posters are held (`holdPosters`), it loads after the paint.
 */
export function Poster({ url }: { url: string }) {
  const img = useRef<HTMLImageElement>(null);
  const [deferred] = useState(() => held);
  useLayoutEffect(() => (deferred && img.current ? loadWhenIdle(img.current, url) : undefined), [url, deferred]);
  return <img ref={img} src={deferred ? undefined : url} alt="" width={POSTER_WIDTH} height={POSTER_HEIGHT} decoding="async" draggable={false} />;
}
