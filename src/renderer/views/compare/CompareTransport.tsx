import { ChevronLeft, ChevronRight, Pause, Play, Repeat } from 'lucide-react';
import { clock } from '../library/format';
import type { SyncedPlayers } from './use-synced-players';

/**
 * Compare's one transport: previous frame, play/pause, next frame, the position (a scrubber over
 * the longest clip) and Loop. Every control drives all the players together.
 */
export function CompareTransport({ players }: { players: SyncedPlayers }) {
  const { playing, loop, time, duration } = players;
  return (
    <div className="compare-transport" role="toolbar" aria-label="Transport">
      <button type="button" className="icon-button" aria-label="Previous frame" aria-keyshortcuts=", ArrowLeft" title="Previous frame ( , or ← )" onClick={() => players.step(-1)}>
        <ChevronLeft aria-hidden="true" size={18} />
      </button>
      <button
        type="button"
        className="icon-button play"
        aria-label={playing ? 'Pause all' : 'Play all'}
        aria-keyshortcuts="Space"
        title={playing ? 'Pause all (Space)' : 'Play all (Space)'}
        onClick={players.toggle}
      >
        {playing ? <Pause aria-hidden="true" size={18} /> : <Play aria-hidden="true" size={18} />}
      </button>
      <button type="button" className="icon-button" aria-label="Next frame" aria-keyshortcuts=". ArrowRight" title="Next frame ( . or → )" onClick={() => players.step(1)}>
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
        aria-label="Position"
        aria-valuetext={`${clock(time)} of ${clock(duration)}`}
        onChange={(e) => {
          if (playing) players.pause();
          players.seek(Number(e.target.value));
        }}
      />
      <button type="button" className="toggle-button" aria-pressed={loop} aria-keyshortcuts="L" title="Loop (L)" onClick={players.toggleLoop}>
        <Repeat aria-hidden="true" size={16} />
        Loop
      </button>
    </div>
  );
}
