import { Star } from 'lucide-react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_RATING } from '../../../shared/library/sidecar';

/**
 * The rating, 1–5 stars, as a radio group: click a star, or arrows when focused; keys 0–5 work
 * anywhere in the detail (see `playerCommand`). Clicking the current rating clears it.
 */
export function RatingControl({ rating, onRate }: { rating: number; onRate(stars: number): void }) {
  const { t } = useTranslation('library');
  const onKeyDown = (e: KeyboardEvent) => {
    const delta = e.key === 'ArrowRight' || e.key === 'ArrowUp' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowDown' ? -1 : 0;
    if (!delta) return;
    e.preventDefault();
    const next = Math.min(MAX_RATING, Math.max(1, rating + delta));
    onRate(next);
    (e.currentTarget.querySelector(`[data-stars="${next}"]`) as HTMLElement | null)?.focus();
  };
  return (
    <div className="rating-control">
      <div role="radiogroup" aria-label={t('rating.label')} aria-keyshortcuts="1 2 3 4 5 0" className="rating-stars" onKeyDown={onKeyDown}>
        {Array.from({ length: MAX_RATING }, (_, i) => {
          const n = i + 1;
          return (
            <button
              key={n}
              type="button"
              role="radio"
              data-stars={n}
              aria-checked={rating === n}
              aria-label={t('rating.star', { count: n })}
              tabIndex={rating === n || (rating === 0 && n === 1) ? 0 : -1}
              className="rating-star"
              data-filled={n <= rating}
              onClick={() => onRate(rating === n ? 0 : n)}
            >
              <Star aria-hidden="true" size={20} />
            </button>
          );
        })}
      </div>
      <span className="rating-word">{rating > 0 ? t('rating.value', { rating, max: MAX_RATING }) : t('rating.notRated')}</span>
    </div>
  );
}
