import { FlaskConical, Heart, TriangleAlert } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClipDetail } from '../../../shared/contract/library';
import { MAX_RATING } from '../../../shared/library/sidecar';
import { RatingControl } from '../library/RatingControl';
import { modelName } from '../../i18n/model-name';

interface ComparePaneProps {
  clip: ClipDetail;
  /** "Take 2 of 3 · seed 42": the pane's accessible name and heading. */
  name: string;
  videoRef(el: HTMLVideoElement | null): void;
  onRate(stars: number): void;
}

/**
 * One clip in Compare: its video (muted: four soundtracks at once help nobody; the transport drives
 * it), its name and seed, and the favourite and rating. "Favourite" gives the clip the top rating
 * (the Library's "Highest rated" sort and rating filter then find it); pressed again, it clears it.
 */
export function ComparePane({ clip, name, videoRef, onRate }: ComparePaneProps) {
  const [failed, setFailed] = useState(false);
  const { t } = useTranslation('compare');
  const favourite = clip.rating === MAX_RATING;
  return (
    <section className="compare-pane" aria-label={name} data-clip-id={clip.id}>
      <div className="compare-stage">
        {clip.playUrl ? (
          <video
            ref={videoRef}
            src={clip.playUrl}
            poster={clip.posterUrl ?? undefined}
            muted
            playsInline
            preload="auto"
            aria-label={t('pane.videoLabel', { name })}
            onError={() => setFailed(true)}
            onLoadedData={() => setFailed(false)}
          />
        ) : null}
        {failed || !clip.playUrl ? (
          <p className="compare-pane-error" role="alert">
            <TriangleAlert aria-hidden="true" size={16} />
            {t('pane.cannotPlay')}
          </p>
        ) : null}
      </div>
      <div className="compare-pane-bar">
        <div className="compare-pane-text">
          <h3 className="compare-pane-name">{name}</h3>
          <p className="compare-pane-meta">
            {modelName(clip.modelId)} · {clip.resolution} · {clip.aspectRatio}
            {clip.simulated ? (
              <span className="compare-simulated">
                <FlaskConical aria-hidden="true" size={12} /> {t('pane.simulated')}
              </span>
            ) : null}
          </p>
        </div>
        <button
          type="button"
          className="toggle-button compare-favourite"
          aria-pressed={favourite}
          aria-label={t('pane.favouriteLabel', { name })}
          title={favourite ? t('pane.favouriteOn') : t('pane.favouriteOff', { max: MAX_RATING })}
          onClick={() => onRate(favourite ? 0 : MAX_RATING)}
        >
          <Heart aria-hidden="true" size={16} fill={favourite ? 'currentColor' : 'none'} />
          {t('pane.favourite')}
        </button>
      </div>
      <div className="compare-pane-rating" role="group" aria-label={t('pane.ratingOf', { name })}>
        <RatingControl rating={clip.rating} onRate={onRate} />
      </div>
    </section>
  );
}
