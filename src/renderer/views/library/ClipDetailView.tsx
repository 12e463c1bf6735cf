import { ArrowLeft, LoaderCircle, TriangleAlert } from 'lucide-react';
import { useEffect, useRef, type RefObject } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { ClipDetail } from '../../../shared/contract/library';
import { useStudio } from '../../store/index';
import { excerpt, type DetailState } from '../../store/library/slice';
import { ClipActions } from './ClipActions';
import { ClipFacts, ClipPrompt } from './ClipFacts';
import { date } from './format';
import { ClipInputs } from './ClipInputs';
import { FilmActions } from './FilmActions';
import { Lineage } from './Lineage';
import { Player, type PlayerHandle } from './Player';
import { isTyping, playerCommand } from './player-keys';
import { RatingControl } from './RatingControl';
import { TagEditor } from './TagEditor';
import { takeText } from './take-text';
import { modelName } from '../../i18n/model-name';

/** Space on these keeps its own meaning (press the button, open the menu) rather than play/pause. */
const SPACE_OWNERS = 'button, a[href], select, summary, [role="radio"], [role="button"]';

/**
 * The open clip, over the grid: the player large with the actions under it; beside it the input
 * frames, rating, tags, lineage and every fact of the sidecar. Keys (see `playerCommand`) work
 * anywhere in the view except while typing; Escape goes back to the grid.
 */
export function ClipDetailView({ detail }: { detail: Exclude<DetailState, { status: 'closed' }> }) {
  const close = useStudio((s) => s.library.close);
  const rate = useStudio((s) => s.library.rate);
  const player = useRef<PlayerHandle>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const clip = detail.status === 'ready' ? detail.clip : null;
  const { t } = useTranslation('library');

  // Keyboard and screen-reader users land on the clip's title, not on the card they left.
  useEffect(() => heading.current?.focus({ preventScroll: true }), [detail.id]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target)) return;
      const command = playerCommand(e);
      if (!command) return;
      if (command.kind === 'close') {
        if (document.fullscreenElement) return;
        e.preventDefault();
        close();
        return;
      }
      if (command.kind === 'rate') {
        if (!clip) return;
        e.preventDefault();
        void rate(clip.id, command.stars); // Failures come back as a toast.
        return;
      }
      if (command.kind === 'toggle' && e.target instanceof Element && e.target.closest(SPACE_OWNERS)) return;
      e.preventDefault();
      player.current?.run(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [clip, close, rate]);

  const title = clip ? excerpt(clip.prompt, 90) : detail.status === 'error' ? t('detail.notAvailable') : t('detail.opening');

  return (
    <section className="clip-detail" aria-labelledby="clip-detail-title">
      <header className="clip-detail-bar">
        <button type="button" className="button quiet" onClick={close} aria-keyshortcuts="Escape">
          <ArrowLeft aria-hidden="true" size={16} />
          {t('detail.back')}
        </button>
        <h2 id="clip-detail-title" ref={heading} tabIndex={-1}>
          {title}
        </h2>
        {clip ? (
          <span className="clip-detail-sub">
            {modelName(clip.modelId)} · {date(clip.createdAt)}
          </span>
        ) : null}
      </header>
      {detail.status === 'loading' ? (
        <p className="clip-detail-state" role="status">
          <LoaderCircle aria-hidden="true" size={16} className="spin" /> {t('detail.loading')}
        </p>
      ) : null}
      {detail.status === 'error' ? (
        <p className="clip-detail-state" role="alert">
          <TriangleAlert aria-hidden="true" size={16} /> {detail.message}
        </p>
      ) : null}
      {clip ? <DetailBody clip={clip} player={player} /> : null}
    </section>
  );
}

function DetailBody({ clip, player }: { clip: ClipDetail; player: RefObject<PlayerHandle | null> }) {
  const rate = useStudio((s) => s.library.rate);
  const setTags = useStudio((s) => s.library.setTags);
  const { t } = useTranslation('library');
  return (
    <div className="clip-detail-body">
      <div className="clip-detail-main">
        {clip.playUrl ? (
          <Player key={clip.id} ref={player} src={clip.playUrl} poster={clip.posterUrl} label={t('detail.playerLabel', { prompt: excerpt(clip.prompt, 80) })} />
        ) : (
          <p className="clip-detail-state" role="alert">
            <TriangleAlert aria-hidden="true" size={16} /> {t('detail.fileMissing')}
          </p>
        )}
        <p className="player-keys" aria-hidden="true">
          <Trans t={t} i18nKey="detail.keys" components={{ k: <kbd /> }} />
        </p>
        <ClipActions clip={clip} />
        <FilmActions clip={clip} />
        <ClipPrompt prompt={clip.prompt} />
        {clip.take ? <p className="clip-take-line">{takeText(clip.take)}</p> : null}
      </div>
      <div className="clip-detail-side">
        <section aria-labelledby="side-inputs">
          <h3 id="side-inputs">{t('detail.inputs')}</h3>
          <ClipInputs inputs={clip.inputs} />
        </section>
        <section aria-labelledby="side-rating">
          <h3 id="side-rating">{t('detail.ratingTags')}</h3>
          <RatingControl rating={clip.rating} onRate={(stars) => void rate(clip.id, stars)} />
          <TagEditor tags={clip.tags} onChange={(tags) => void setTags(clip.id, tags)} />
        </section>
        <section aria-labelledby="side-lineage">
          <h3 id="side-lineage">{t('detail.lineage')}</h3>
          <Lineage lineage={clip.lineage} finalOf={clip.sidecar.parameters.finalOf?.clipId} />
        </section>
        <ClipFacts clip={clip} />
      </div>
    </div>
  );
}
