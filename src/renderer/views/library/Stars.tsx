import { Star } from 'lucide-react';
import { MAX_RATING } from '../../../shared/library/sidecar';

/** A read-only rating: filled and empty stars, with the number for screen readers. 0 shows nothing. */
export function Stars({ rating, size = 12 }: { rating: number; size?: number }) {
  if (rating <= 0) return null;
  return (
    <span className="stars" role="img" aria-label={`${rating} of ${MAX_RATING} stars`}>
      {Array.from({ length: MAX_RATING }, (_, i) => (
        <Star key={i} aria-hidden="true" size={size} data-filled={i < rating} />
      ))}
    </span>
  );
}
