import { ArrowLeft, ArrowRight, AudioLines, CircleAlert, CircleCheck, Film, ImageIcon, Link2, LoaderCircle, TriangleAlert, Wrench, X } from 'lucide-react';
import { useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReferenceItem } from '../../../shared/catalog/types';
import type { ReferenceItemCheck } from '../../../shared/contract/media';
import { formatNumber } from '../../i18n/format';
import { i18n } from '../../i18n/index';
import { formatBytes, formatSize } from './format';
import { ReferencePreview } from './ReferencePreview';
import { referenceVerdict, type MediaFixAction } from './reference-verdict';
import type { TileFacts } from './reference-facts';

interface ReferenceTileProps {
  item: ReferenceItem;
  /** 1-based number within its kind; the tag is `@<kind><n>`. */
  n: number;
  tag: string;
  facts: TileFacts;
  /** This item's verdict; `busy` while the tray is being checked, null when there is none to show. */
  check: ReferenceItemCheck | 'busy' | null;
  canMoveEarlier: boolean;
  canMoveLater: boolean;
  /** What a fix would do, e.g. "Trim to 15 s", per action the row allows. */
  fixLabels: Record<MediaFixAction, string>;
  itemRef: Ref<HTMLLIElement>;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
  onFix(action: MediaFixAction): Promise<string | null>;
}

/** "0:07" for 7.2 s; "1:04" for 64 s. */
function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * One tray item: its thumbnail (photo, a video's poster, or an audio tile) with a duration chip,
 * its tag, name and measurements, its verdict from `media:check` (like a frame's), and Move
 * earlier / later and Remove. The item itself is focusable: Alt+←/→ (or ↑/↓) moves it, Delete
 * removes it. Its accessible name says what it is: "Reference image 1, photo.jpg, @image1".
 */
export function ReferenceTile({ item, n, tag, facts, check, canMoveEarlier, canMoveLater, fixLabels, itemRef, onMove, onRemove, onFix }: ReferenceTileProps) {
  const [fixing, setFixing] = useState<MediaFixAction | null>(null);
  const [fixError, setFixError] = useState<string | null>(null);
  const { t } = useTranslation('compose');
  // Hovered or focused (the tile or a button in it): a video reference plays its preview meanwhile.
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const label = t('tile.label', { kind: t(`kind.${item.kind}`), n, name: facts.name, tag });
  const verdict = check && check !== 'busy' ? referenceVerdict(check) : null;

  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>) => {
    if (e.target !== e.currentTarget) return; // Keys on the buttons inside are theirs.
    const earlier = e.key === 'ArrowLeft' || e.key === 'ArrowUp';
    const later = e.key === 'ArrowRight' || e.key === 'ArrowDown';
    if (e.altKey && (earlier || later)) {
      e.preventDefault();
      onMove(earlier ? -1 : 1);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      onRemove();
    }
  };

  const runFix = async (action: MediaFixAction) => {
    setFixing(action);
    setFixError(await onFix(action));
    setFixing(null);
  };

  return (
    <li
      ref={itemRef}
      className="ref-tile"
      data-kind={item.kind}
      data-tone={verdict?.tone}
      tabIndex={0}
      aria-label={label}
      aria-keyshortcuts="Alt+ArrowLeft Alt+ArrowRight Delete"
      onKeyDown={onKeyDown}
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
      }}
    >
      <div className="ref-thumb">
        {facts.previewUrl ? (
          <img src={facts.previewUrl} alt="" />
        ) : (
          <span className="ref-thumb-icon" aria-hidden="true">
            {item.kind === 'audio' ? <AudioLines size={28} /> : item.kind === 'image' ? <ImageIcon size={26} /> : item.url ? <Link2 size={26} /> : <Film size={26} />}
          </span>
        )}
        {item.kind === 'video' && facts.playUrl ? <ReferencePreview src={facts.playUrl} active={hovered || focused} /> : null}
        {item.kind !== 'image' && facts.durationSec !== undefined ? (
          <span className="ref-duration">
            {item.kind === 'video' ? <Film aria-hidden="true" size={12} /> : <AudioLines aria-hidden="true" size={12} />}
            {formatDuration(facts.durationSec)}
          </span>
        ) : null}
        <span className="ref-tag">{tag}</span>
      </div>
      <div className="ref-body">
        <span className="ref-name" title={facts.name}>
          {facts.name}
        </span>
        <span className="ref-meta">{metaLine(facts)}</span>
        {check === 'busy' ? (
          <p className="ref-verdict" data-tone="busy">
            <LoaderCircle className="spin" aria-hidden="true" size={13} />
            {t('tile.checking')}
          </p>
        ) : verdict ? (
          <>
            <p className="ref-verdict" data-tone={verdict.tone}>
              {verdict.tone === 'fits' ? <CircleCheck aria-hidden="true" size={13} /> : <CircleAlert aria-hidden="true" size={13} />}
              <span>{verdict.headline}</span>
            </p>
            {verdict.details.length ? (
              <ul className="ref-details">
                {verdict.details.map((d) => (
                  <li key={d.text} data-kind={d.kind}>
                    {d.kind === 'fix' ? <Wrench aria-hidden="true" size={12} /> : <TriangleAlert aria-hidden="true" size={12} />}
                    <span>{d.text}</span>
                  </li>
                ))}
              </ul>
            ) : null}
            {verdict.action ? (
              <button type="button" className="button subtle ref-fix" disabled={fixing !== null} onClick={() => void runFix(verdict.action as MediaFixAction)}>
                {fixing ? <LoaderCircle className="spin" aria-hidden="true" size={13} /> : <Wrench aria-hidden="true" size={13} />}
                {fixLabels[verdict.action]}
                <span className="visually-hidden"> {tag}</span>
              </button>
            ) : null}
            {fixError ? <p className="compose-error">{fixError}</p> : null}
          </>
        ) : null}
      </div>
      <div className="ref-actions">
        <button type="button" className="icon-button small" aria-label={t('tile.moveEarlier', { tag })} title={t('tile.moveEarlierTitle')} disabled={!canMoveEarlier} onClick={() => onMove(-1)}>
          <ArrowLeft aria-hidden="true" size={14} />
        </button>
        <button type="button" className="icon-button small" aria-label={t('tile.moveLater', { tag })} title={t('tile.moveLaterTitle')} disabled={!canMoveLater} onClick={() => onMove(1)}>
          <ArrowRight aria-hidden="true" size={14} />
        </button>
        <button type="button" className="icon-button small" aria-label={t('tile.remove', { tag })} title={t('tile.removeTitle')} onClick={onRemove}>
          <X aria-hidden="true" size={14} />
        </button>
      </div>
    </li>
  );
}

/** "1920 × 1080 px · 24 fps · H264 · 2.1 MB", "AAC · 48 kHz · 180 KB", "by URL" (in the UI's language). */
function metaLine(facts: TileFacts): string {
  const parts: string[] = [];
  if (facts.size) parts.push(i18n.t('compose:tile.size', { size: formatSize(facts.size) }));
  if (facts.fps) parts.push(i18n.t('compose:tile.fps', { fps: formatNumber(facts.fps, 2) }));
  if (facts.codec) parts.push(facts.codec.toUpperCase());
  if (facts.bytes !== undefined) parts.push(formatBytes(facts.bytes));
  if (facts.byUrl) parts.push(i18n.t('compose:tile.byUrl'));
  return parts.join(' · ') || '—';
}
