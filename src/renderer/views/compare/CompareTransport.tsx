import { ChevronLeft, ChevronRight, Pause, Play, Repeat } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { clock } from '../library/format';
import type { SyncedPlayers } from './use-synced-players';

/**
 * Compare's one transport: previous frame, play/pause, next frame, the position (a scrubber over
 * the longest clip) and Loop. Every control drives all the players together.
 */
export function CompareTransport({ players }: { players: SyncedPlayers }) {
  const { playing, loop, time, duration } = players;
  const { t } = useTranslation('compare');
  return (
    <div className="compare-transport" role="toolbar" aria-label={t('transport.label')}>
      <button type="button" className="icon-button" aria-label={t('transport.previousFrame')} aria-keyshortcuts=", ArrowLeft" title={t('transport.previousFrameTitle')} onClick={() => players.step(-1)}>
        <ChevronLeft aria-hidden="true" size={18} />
      </button>
      <button
        type="button"
        className="icon-button play"
        aria-label={playing ? t('transport.pauseAll') : t('transport.playAll')}
        aria-keyshortcuts="Space"
        title={playing ? t('transport.pauseAllTitle') : t('transport.playAllTitle')}
        onClick={players.toggle}
      >
        {playing ? <Pause aria-hidden="true" size={18} /> : <Play aria-hidden="true" size={18} />}
      </button>
      <button type="button" className="icon-button" aria-label={t('transport.nextFrame')} aria-keyshortcuts=". ArrowRight" title={t('transport.nextFrameTitle')} onClick={() => players.step(1)}>
        <ChevronRight aria-hidden="true" size={18} />
      </button>
      <span className="compare-time" aria-hidden="true">
        {clock(time)} / {clock(duration)}
      </span>
      <input
        className="compare-scrubber"
        type="range"
        min={0}
        max={duration || 0}
        step={1 / 24}
        value={Math.min(time, duration || 0)}
        aria-label={t('transport.position')}
        aria-valuetext={t('transport.positionValue', { time: clock(time), duration: clock(duration) })}
        onChange={(e) => {
          if (playing) players.pause();
          players.seek(Number(e.target.value));
        }}
      />
      <button type="button" className="toggle-button" aria-pressed={loop} aria-keyshortcuts="L" title={t('transport.loopTitle')} onClick={players.toggleLoop}>
        <Repeat aria-hidden="true" size={16} />
        {t('transport.loop')}
      </button>
    </div>
  );
}
