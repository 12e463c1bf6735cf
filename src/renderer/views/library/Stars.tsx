import { MAX_RATING } from '../../../shared/library/sidecar';
import type { LibraryT } from './ClipCard';

/** Lucide's `star` outline (24 × 24 units), the icon the rating control shows. */
const STAR_PATH =
  'M11.525 2.295a.53.53 0 0 1 .95 0l2.31 4.679a2.123 2.123 0 0 0 1.595 1.16l5.166.756a.53.53 0 0 1 .294.904l-3.736 3.638a2.123 2.123 0 0 0-.611 1.878l.882 5.14a.53.53 0 0 1-.771.56l-4.618-2.428a2.122 2.122 0 0 0-1.973 0L6.396 21.01a.53.53 0 0 1-.77-.56l.881-5.139a2.122 2.122 0 0 0-.611-1.879L2.16 9.795a.53.53 0 0 1 .294-.906l5.165-.755a2.122 2.122 0 0 0 1.597-1.16z';
/** Space between stars, px. */
const GAP_PX = 1;

/**
 * A read-only rating: filled and empty stars, with the number for screen readers (`t`: the caller's
 * `library` translator). 0 shows nothing. One `<svg>` of `MAX_RATING` paths, `size` px tall, rather
 * than an icon component per star: most cards of a new search are rated, and five icon components
 * each were a good part of mounting a card.
 */
export function Stars({ rating, size = 12, t }: { rating: number; size?: number; t: LibraryT }) {
  if (rating <= 0) return null;
  const step = 24 + (24 * GAP_PX) / size; // one star and the gap after it, in the path's units
  return (
    <span className="stars" role="img" aria-label={t('rating.stars', { rating, max: MAX_RATING })}>
      <svg aria-hidden="true" width={MAX_RATING * size + (MAX_RATING - 1) * GAP_PX} height={size} viewBox={`0 0 ${MAX_RATING * step - (step - 24)} 24`}>
        {Array.from({ length: MAX_RATING }, (_, i) => (
          <path key={i} d={STAR_PATH} transform={i > 0 ? `translate(${i * step})` : undefined} data-filled={i < rating} />
        ))}
      </svg>
    </span>
  );
}
