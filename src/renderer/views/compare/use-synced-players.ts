import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { driftCorrections, stepTime } from './sync';

/** The one transport over Compare's players, and what it shows. */
export interface SyncedPlayers {
  playing: boolean;
  loop: boolean;
  /** The transport position, seconds. */
  time: number;
  /** The longest clip's length, seconds: the transport's range. */
  duration: number;
  /** A ref callback for player `index`'s `<video>`. */
  videoRef(index: number): (el: HTMLVideoElement | null) => void;
  toggle(): void;
  play(): void;
  pause(): void;
  /** Puts every player at `time` seconds (each shorter clip at its own end). */
  seek(time: number): void;
  /** Pauses and steps every player `frames` frames (24 fps). */
  step(frames: number): void;
  toggleLoop(): void;
}

/**
 * One transport for 2–4 `<video>`s (issue 14 "Compare"): the longest clip leads; each animation
 * frame while playing, the others are put back where the leader is when they drift more than two
 * frames (`driftCorrections`; a shorter clip holds its last frame). At the leader's end, Loop starts
 * everyone over together, else all stop. `durations` are the clips' lengths in seconds (from their
 * sidecars; the players' own are used once loaded).
 */
export function useSyncedPlayers(durations: readonly number[]): SyncedPlayers {
  const videos = useRef<Array<HTMLVideoElement | null>>([]);
  const [playing, setPlaying] = useState(false);
  const [loop, setLoop] = useState(true);
  const [time, setTime] = useState(0);
  const loopRef = useRef(loop);
  useEffect(() => {
    loopRef.current = loop;
  }, [loop]);
  const duration = Math.max(0, ...durations);
  const leader = durations.indexOf(duration);

  const all = useCallback(() => videos.current.filter((v): v is HTMLVideoElement => v !== null), []);
  /** Player `i`'s length, s: its own once loaded, else the sidecar's. */
  const lengthOf = useCallback(
    (v: HTMLVideoElement, i: number) => (Number.isFinite(v.duration) && v.duration > 0 ? v.duration : (durations[i] ?? 0)),
    [durations],
  );

  const seekAll = useCallback(
    (t: number) => {
      videos.current.forEach((v, i) => {
        if (v) v.currentTime = Math.min(t, Math.max(0, lengthOf(v, i) - 1 / 48));
      });
      setTime(t);
    },
    [lengthOf],
  );

  const play = useCallback(() => {
    const lead = videos.current[leader];
    if (lead && lead.currentTime >= lengthOf(lead, leader) - 1 / 48) seekAll(0);
    // Muted players may always start; a refusal (no file) shows on the pane.
    for (const v of all()) if (v.currentTime < lengthOf(v, videos.current.indexOf(v)) - 1 / 48) void v.play().catch(() => undefined);
    setPlaying(true);
  }, [all, leader, seekAll, lengthOf]);

  const pause = useCallback(() => {
    for (const v of all()) v.pause();
    setPlaying(false);
    // Paused, everyone shows the leader's frame exactly.
    const lead = videos.current[leader];
    if (lead) seekAll(lead.currentTime);
  }, [all, leader, seekAll]);

  // While playing: follow the leader, correct drift, loop or stop at its end.
  useEffect(() => {
    if (!playing) return;
    let raf = 0;
    const tick = () => {
      const lead = videos.current[leader];
      if (lead) {
        const end = lengthOf(lead, leader);
        if (lead.ended || lead.currentTime >= end - 1 / 96) {
          if (loopRef.current) {
            seekAll(0);
            for (const v of all()) void v.play().catch(() => undefined);
          } else {
            for (const v of all()) v.pause();
            setPlaying(false);
            setTime(end);
            return;
          }
        } else {
          const list = videos.current;
          const fixes = driftCorrections(
            lead.currentTime,
            list.map((v, i) => ({ currentTime: v?.currentTime ?? 0, duration: v ? lengthOf(v, i) : 0, seeking: v?.seeking ?? true })),
          );
          fixes.forEach((fix, i) => {
            const v = list[i];
            if (fix === null || !v || i === leader) return;
            v.currentTime = fix;
            // A follower that had reached its end (shorter clip) and must move again plays on.
            if (v.paused && fix < lengthOf(v, i) - 1 / 48) void v.play().catch(() => undefined);
          });
          setTime(lead.currentTime);
        }
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [playing, leader, all, seekAll, lengthOf]);

  const step = useCallback(
    (frames: number) => {
      for (const v of all()) v.pause();
      setPlaying(false);
      const lead = videos.current[leader];
      seekAll(stepTime(lead?.currentTime ?? 0, frames, duration));
    },
    [all, leader, seekAll, duration],
  );

  const count = durations.length;
  const refs = useMemo(
    () =>
      Array.from({ length: count }, (_, i) => (el: HTMLVideoElement | null) => {
        videos.current[i] = el;
      }),
    [count],
  );

  return {
    playing,
    loop,
    time,
    duration,
    videoRef: (i) => refs[i]!,
    toggle: playing ? pause : play,
    play,
    pause,
    seek: seekAll,
    step,
    toggleLoop: useCallback(() => setLoop((l) => !l), []),
  };
}
