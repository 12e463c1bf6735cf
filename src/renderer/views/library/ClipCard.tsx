import { Check, FlaskConical, ImageOff, Layers } from 'lucide-react';
import type { TFunction } from 'i18next';
import { memo, useEffect, useState } from 'react';
import type { ClipSummary } from '../../../shared/contract/library';
import { i18n } from '../../i18n/index';
import { date, MODE_LABEL, seconds } from './format';
import { Poster } from './Poster';
import { Stars } from './Stars';
import { modelName } from '../../i18n/model-name';

/** ms the pointer rests on a card before its preview starts: sweeping across the grid starts none. */
const PREVIEW_DELAY_MS = 150;

interface ClipCardProps {
  clip: ClipSummary;
  index: number;
  /** The grid's one tab stop (roving tabindex). */
  tabbable: boolean;
  /** Picked for Compare (the grid's selection: `aria-selected`). */
  picked: boolean;
  onOpen(id: string): void;
  /** Picks or unpicks the clip for Compare (Ctrl/Cmd+click, the check mark, or X on the card). */
  onPick(id: string): void;
  onFocusIndex(index: number): void;
  /**
   * The grid's `library` translator: one language subscription for the whole grid instead of one
   * per card (react-i18next's `useTranslation` copies the i18next instance on every mount, a cost
   * each new search paid for every card it showed). A new language is a new `t`: the cards render again.
   */
  t: LibraryT;
}

/** The `library` namespace's translator, as `useTranslation('library')` gives it. */
export type LibraryT = TFunction<'library'>;

/** A card's words: its accessible name and the texts its body shows, in one language. */
interface CardText {
  language: string;
  label: string;
  prompt: string;
  model: string;
  duration: string;
  take: string | null;
  /** Resolution, aspect ratio and seed as one text ("720p · 16:9 · seed 42"): one text node, not four. */
  format: string;
}

/** Card words already made, per clip object: a search shows the same clips again and again (`reuseClips` keeps their objects). */
const texts = new WeakMap<ClipSummary, CardText>();

/**
 * The words of `clip`'s card, made once per clip object and language: i18next's `t` (a dozen calls
 * a card) was the bulk of rendering a new search's cards.
 */
function cardText(clip: ClipSummary): CardText {
  const known = texts.get(clip);
  if (known?.language === i18n.language) return known;
  const t = i18n.t;
  const made: CardText = {
    language: i18n.language,
    label: cardLabel(clip),
    prompt: clip.prompt.trim() || t('library:card.untitled'),
    model: modelName(clip.modelId),
    duration: seconds(clip.durationSec),
    take: clip.take ? t('library:card.take', { n: clip.take.n, of: clip.take.of }) : null,
    format: `${clip.resolution} · ${clip.aspectRatio}${clip.seed === null ? '' : t('library:card.seed', { seed: clip.seed })}`,
  };
  texts.set(clip, made);
  return made;
}

/** What a screen reader says for a card: prompt, model, length, size, take, seed, rating, date, and "simulated" for a demo clip. */
export function cardLabel(clip: ClipSummary): string {
  const t = i18n.t;
  const rating = clip.rating > 0 ? t('library:card.labelRating', { rating: clip.rating }) : '';
  const seed = clip.seed === null ? '' : t('library:card.labelSeed', { seed: clip.seed });
  // A take of a batch is named by its batch; other clips by their take among the same prompt and inputs.
  const take = clip.batch
    ? t('library:card.labelBatchTake', { take: clip.batch.take, of: clip.batch.of })
    : clip.take
      ? t('library:card.labelTake', { n: clip.take.n, of: clip.take.of })
      : '';
  const simulated = clip.simulated ? t('library:card.labelSimulated') : '';
  return t('library:card.label', {
    prompt: clip.prompt.trim() || t('library:card.untitled'),
    model: modelName(clip.modelId),
    duration: seconds(clip.durationSec),
    resolution: clip.resolution,
    aspectRatio: clip.aspectRatio,
    take,
    seed,
    rating,
    date: date(clip.createdAt),
    simulated,
  });
}

/**
 * One poster in the grid. Hovering it for a moment plays a muted preview: the `<video>` exists
 * only for the hovered card, so 10,000 posters never mean more than one decoder. The grid keys
 * cards by their column in the row, so a new search changes the words and attributes of the
 * cards on screen rather than making new ones (a search that replaces every card: ~15 % less
 * time to its painted frame); each clip's poster is still its own `<img>`, so a card never shows
 * another clip's poster while its own loads. The content (`CardBody`) renders again only when
 * the clip, the pick or the preview changes.
 */
export const ClipCard = memo(function ClipCard({ clip, index, tabbable, picked, onOpen, onPick, onFocusIndex, t }: ClipCardProps) {
  const [hovered, setHovered] = useState(false);
  const [preview, setPreview] = useState(false);

  useEffect(() => {
    if (!hovered || !clip.playUrl) return;
    const timer = setTimeout(() => setPreview(true), PREVIEW_DELAY_MS);
    return () => {
      clearTimeout(timer);
      setPreview(false);
    };
  }, [hovered, clip.playUrl]);

  return (
    <div
      role="gridcell"
      className="clip-card"
      data-index={index}
      data-clip-id={clip.id}
      tabIndex={tabbable ? 0 : -1}
      aria-label={cardText(clip).label}
      aria-selected={picked}
      data-picked={picked || undefined}
      onClick={(e) => (e.ctrlKey || e.metaKey ? onPick(clip.id) : onOpen(clip.id))}
      onFocus={() => onFocusIndex(index)}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
    >
      <CardBody clip={clip} picked={picked} preview={preview} onPick={onPick} t={t} />
    </div>
  );
});

/** A card's poster, badges and caption (see `ClipCard`). */
const CardBody = memo(function CardBody({ clip, picked, preview, onPick, t }: { clip: ClipSummary; picked: boolean; preview: boolean; onPick(id: string): void; t: LibraryT }) {
  const text = cardText(clip);
  return (
    <>
      <div className="clip-poster">
        {clip.posterUrl ? (
          <Poster key={clip.posterUrl} url={clip.posterUrl} />
        ) : (
          <span className="clip-poster-missing">
            <ImageOff aria-hidden="true" size={20} />
            {t('card.noPoster')}
          </span>
        )}
        {preview && clip.playUrl ? <video className="clip-preview" src={clip.playUrl} muted loop autoPlay playsInline aria-hidden="true" /> : null}
        <span className="clip-badge clip-duration">{text.duration}</span>
        <span className="clip-badge clip-mode">{MODE_LABEL[clip.mode].short}</span>
        {clip.simulated ? (
          <span className="clip-badge clip-simulated" title={t('card.simulatedTitle')}>
            <FlaskConical aria-hidden="true" size={11} />
            {t('card.simulated')}
          </span>
        ) : null}
        {/* The mouse's way to pick; keyboard: X on the card (the grid's selection, aria-selected). */}
        <span
          className="clip-pick"
          aria-hidden="true"
          title={picked ? t('card.picked') : t('card.pick')}
          onClick={(e) => {
            e.stopPropagation();
            onPick(clip.id);
          }}
        >
          {picked ? <Check size={14} /> : null}
        </span>
        {clip.batch ? (
          <span className="clip-badge clip-batch" title={t('card.batchTitle')}>
            <Layers aria-hidden="true" size={11} />
            {t('card.batchBadge', { take: clip.batch.take, of: clip.batch.of })}
          </span>
        ) : null}
        {clip.rating > 0 ? (
          <span className="clip-badge clip-rating">
            <Stars rating={clip.rating} size={11} t={t} />
          </span>
        ) : null}
      </div>
      <div className="clip-caption">
        <p className="clip-prompt" title={clip.prompt.trim() || undefined}>
          {text.prompt}
        </p>
        <p className="clip-meta">
          <span className="clip-model">{text.model}</span>
          <span className="clip-format">
            {text.take === null ? null : <span className="clip-take">{text.take}</span>}
            {text.format}
          </span>
        </p>
      </div>
    </>
  );
});

/** A card whose page is still on its way: same size, no content. */
export function ClipCardPlaceholder({ index, tabbable, t }: { index: number; tabbable: boolean; t: LibraryT }) {
  return (
    <div role="gridcell" className="clip-card is-loading" data-index={index} tabIndex={tabbable ? 0 : -1} aria-label={t('card.loading')} aria-busy="true">
      <div className="clip-poster" />
      <div className="clip-caption">
        <p className="clip-prompt">&nbsp;</p>
        <p className="clip-meta">&nbsp;</p>
      </div>
    </div>
  );
}
