import { Star } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { MAX_RATING } from '../../../shared/library/sidecar';

/** A read-only rating: filled and empty stars, with the number for screen readers. 0 shows nothing. */
export function Stars({ rating, size = 12 }: { rating: number; size?: number }) {
  const { t } = useTranslation('library');
  if (rating <= 0) return null;
  return (
    <span className="stars" role="img" aria-label={t('rating.stars', { rating, max: MAX_RATING })}>
      {Array.from({ length: MAX_RATING }, (_, i) => (
        <Star key={i} aria-hidden="true" size={size} data-filled={i < rating} />
      ))}
    </span>
  );
}
