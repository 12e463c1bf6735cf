import type { CSSProperties } from 'react';
import { MAX_RATING } from '../../../shared/library/sidecar';
import type { LibraryT } from './ClipCard';

/** The star glyph (U+2605): text paints from the glyph cache, far cheaper than an SVG or CSS image per card. */
const STAR = '\u2605';

/**
 * A card's read-only rating: `MAX_RATING` stars, the first `rating` bright and the rest dimmed, with
 * the number for screen readers (`t`: the caller's `library` translator; the glyphs themselves are
 * not read: `role="img"`). 0 shows nothing. Text `size` px: five SVG paths per rated card were
 * a good part of painting a new search's cards.
 */
export function Stars({ rating, size = 12, t }: { rating: number; size?: number; t: LibraryT }) {
  if (rating <= 0) return null;
  const filled = Math.min(rating, MAX_RATING);
  return (
    <span className="stars" role="img" aria-label={t('rating.stars', { rating, max: MAX_RATING })} style={{ '--stars-size': `${size}px` } as CSSProperties}>
      {STAR.repeat(filled)}
      {filled < MAX_RATING ? <span className="stars-empty">{STAR.repeat(MAX_RATING - filled)}</span> : null}
    </span>
  );
}
