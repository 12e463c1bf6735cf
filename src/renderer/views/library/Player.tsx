import { ChevronLeft, ChevronRight, Maximize, Pause, Play, Repeat, TriangleAlert, Volume2, VolumeX } from 'lucide-react';
import { useCallback, useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../i18n/format';
import { clock } from './format';
import { FRAME_SEC, nextShuttle, type PlayerCommand } from './player-keys';

const SPEEDS = [0.25, 0.5, 1, 1.5, 2];

/** What the detail view may ask of the player (its keys). */
export interface PlayerHandle {
  run(command: Extract<PlayerCommand, { kind: 'toggle' | 'shuttle' | 'step' | 'fullscreen' }>): void;
}

interface PlayerProps {
  src: string;
  poster: string | null;
  /** Accessible name of the video, e.g. the prompt's first words. */
  label: string;
  ref?: Ref<PlayerHandle>;
}

/**
 * The large player: a `<video>` over the clip's media URL (`media://` / `/media/`, served with
 * Range, so seeking works), with play/pause, a frame-accurate scrubber, one-frame steps, speed,
 * loop, full screen, and J K L shuttle (backwards by seeking, since browsers cannot play in reverse).
 */
export function Player({ src, poster, label, ref }: PlayerProps) {
  const video = useRef<HTMLVideoElement>(null);
  const frame = useRef<HTMLElement>(null);
  const [playing, setPlaying] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const [speed, setSpeed] = useState(1);
  const [loop, setLoop] = useState(true);
  const [shuttle, setShuttle] = useState(0);
  const [failed, setFailed] = useState(false);
  // Volume 0–1 and mute, as the element has them (issue 14 "Also": the player had neither).
  const [volume, setVolume] = useState(1);
  const [muted, setMuted] = useState(false);
  const { t } = useTranslation('library');

  // While playing (or shuttling back), follow the playhead every frame so the scrubber moves smoothly.
  useEffect(() => {
    const v = video.current;
    if (!v || (!playing && shuttle >= 0)) return;
    let last = performance.now();
    let raf = requestAnimationFrame(function tick(now) {
      if (shuttle < 0) {
        const next = v.currentTime + ((now - last) / 1000) * shuttle;
        if (next <= 0) {
          v.currentTime = 0;
          setShuttle(0);
        } else {
          v.currentTime = next;
        }
      }
      last = now;
      setTime(v.currentTime);
      raf = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(raf);
  }, [playing, shuttle]);

  const stopShuttle = useCallback(() => {
    setShuttle(0);
    if (video.current) video.current.playbackRate = speed;
  }, [speed]);

  const toggle = useCallback(() => {
    const v = video.current;
    if (!v) return;
    stopShuttle();
    if (v.paused) void v.play().catch(() => undefined); // A refused play leaves the video paused, which the UI shows.
    else v.pause();
  }, [stopShuttle]);

  const step = useCallback((frames: number) => {
    const v = video.current;
    if (!v) return;
    setShuttle(0);
    v.pause();
    const end = Number.isFinite(v.duration) ? v.duration : 0;
    v.currentTime = Math.min(end, Math.max(0, v.currentTime + frames * FRAME_SEC));
    setTime(v.currentTime);
  }, []);

  const fullscreen = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void frame.current?.requestFullscreen().catch(() => undefined); // Refused (e.g. no user gesture): nothing to undo.
  }, []);

  const shuttleTo = useCallback(
    (dir: -1 | 0 | 1) => {
      const v = video.current;
      if (!v) return;
      const next = nextShuttle(shuttle, dir);
      setShuttle(next);
      if (next > 0) {
        v.playbackRate = next;
        void v.play().catch(() => undefined);
      } else {
        v.pause();
        v.playbackRate = speed;
      }
    },
    [shuttle, speed],
  );

  useImperativeHandle(
    ref,
    () => ({
      run(command) {
        if (command.kind === 'toggle') toggle();
        else if (command.kind === 'step') step(command.frames);
        else if (command.kind === 'fullscreen') fullscreen();
        else shuttleTo(command.dir);
      },
    }),
    [toggle, step, fullscreen, shuttleTo],
  );

  const shuttleLabel = shuttle === 0 ? null : `${shuttle < 0 ? '◀◀' : '▶▶'} ${Math.abs(shuttle)}×`;

  return (
    <figure className="player" ref={frame}>
      <div className="player-stage">
        <video
          ref={video}
          src={src}
          poster={poster ?? undefined}
          loop={loop}
          playsInline
          preload="auto"
          aria-label={label}
          onClick={toggle}
          onPlay={() => setPlaying(true)}
          onPause={() => setPlaying(false)}
          onTimeUpdate={(e) => setTime(e.currentTarget.currentTime)}
          onSeeked={(e) => setTime(e.currentTarget.currentTime)}
          onDurationChange={(e) => setDuration(Number.isFinite(e.currentTarget.duration) ? e.currentTarget.duration : 0)}
          onVolumeChange={(e) => {
            setVolume(e.currentTarget.volume);
            setMuted(e.currentTarget.muted);
          }}
          onError={() => setFailed(true)}
          onLoadedData={() => setFailed(false)}
        />
        {failed ? (
          <p className="player-error" role="alert">
            <TriangleAlert aria-hidden="true" size={16} />
            {t('player.cannotPlay')}
          </p>
        ) : null}
        {shuttleLabel ? (
          <span className="player-shuttle" aria-live="polite">
            {shuttleLabel}
          </span>
        ) : null}
      </div>
      <div className="player-bar" role="toolbar" aria-label={t('player.controls')}>
        <button type="button" className="icon-button" aria-label={t('player.previousFrame')} aria-keyshortcuts="," title={t('player.previousFrameTitle')} onClick={() => step(-1)}>
          <ChevronLeft aria-hidden="true" size={18} />
        </button>
        <button type="button" className="icon-button play" aria-label={playing ? t('player.pause') : t('player.play')} aria-keyshortcuts="Space" title={playing ? t('player.pauseTitle') : t('player.playTitle')} onClick={toggle}>
          {playing ? <Pause aria-hidden="true" size={18} /> : <Play aria-hidden="true" size={18} />}
        </button>
        <button type="button" className="icon-button" aria-label={t('player.nextFrame')} aria-keyshortcuts="." title={t('player.nextFrameTitle')} onClick={() => step(1)}>
          <ChevronRight aria-hidden="true" size={18} />
        </button>
        <span className="player-time" aria-hidden="true">
          {clock(time)} / {clock(duration)}
        </span>
        <input
          className="player-scrubber"
          type="range"
          min={0}
          max={duration || 0}
          step={FRAME_SEC}
          value={Math.min(time, duration || 0)}
          aria-label={t('player.position')}
          aria-valuetext={t('player.positionValue', { time: clock(time), duration: clock(duration) })}
          onChange={(e) => {
            const v = video.current;
            if (!v) return;
            v.currentTime = Number(e.target.value);
            setTime(v.currentTime);
          }}
        />
        <label className="player-speed">
          <span className="visually-hidden">{t('player.speed')}</span>
          <select
            value={speed}
            onChange={(e) => {
              const next = Number(e.target.value);
              setSpeed(next);
              setShuttle(0);
              if (video.current) video.current.playbackRate = next;
            }}
          >
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {t('player.speedValue', { speed: s })}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="icon-button"
          aria-label={t('player.mute')}
          aria-pressed={muted}
          title={muted ? t('player.soundOff') : t('player.soundOn')}
          onClick={() => {
            if (video.current) video.current.muted = !video.current.muted;
          }}
        >
          {muted || volume === 0 ? <VolumeX aria-hidden="true" size={16} /> : <Volume2 aria-hidden="true" size={16} />}
        </button>
        <input
          className="player-volume"
          type="range"
          min={0}
          max={1}
          step={0.05}
          value={muted ? 0 : volume}
          aria-label={t('player.volume')}
          aria-valuetext={muted ? t('player.muted') : formatPercent(volume)}
          onChange={(e) => {
            const v = video.current;
            if (!v) return;
            v.volume = Number(e.target.value);
            v.muted = v.volume === 0;
          }}
        />
        <button type="button" className="toggle-button" aria-pressed={loop} onClick={() => setLoop((l) => !l)}>
          <Repeat aria-hidden="true" size={16} />
          {t('player.loop')}
        </button>
        <button type="button" className="icon-button" aria-label={t('player.fullScreen')} aria-keyshortcuts="F" title={t('player.fullScreenTitle')} onClick={fullscreen}>
          <Maximize aria-hidden="true" size={16} />
        </button>
      </div>
    </figure>
  );
}
