/** How far (s) a clip may drift from the transport before it is put back: two frames at 24 fps. */
export const DRIFT_TOLERANCE_SEC = 2 / 24;

/** What Compare knows of one player at a moment: its position and length, seconds. */
export interface PlayerClock {
  currentTime: number;
  duration: number;
  /** True while a seek it was given has not landed yet (it is left alone meanwhile). */
  seeking: boolean;
}

/**
 * Where each player must be put so all follow the transport at `target` seconds (issue 14
 * "Compare": videos stay in sync, drift corrected): null for a player within `tolerance` of where
 * it should be, or still seeking; else the time to seek to. A clip shorter than `target` holds its
 * last frame (its end, less half a frame so the frame stays shown). Pure.
 */
export function driftCorrections(target: number, players: readonly PlayerClock[], tolerance = DRIFT_TOLERANCE_SEC): Array<number | null> {
  return players.map((p) => {
    if (p.seeking || !Number.isFinite(p.duration) || p.duration <= 0) return null;
    const want = Math.min(target, Math.max(0, p.duration - 1 / 48));
    return Math.abs(p.currentTime - want) > tolerance ? want : null;
  });
}

/** The largest distance (s) between the players' positions: what "in sync" is measured by. */
export function spread(times: readonly number[]): number {
  return times.length ? Math.max(...times) - Math.min(...times) : 0;
}

/** The transport position after stepping `frames` frames (24 fps) from `time`, within 0…`duration`. */
export function stepTime(time: number, frames: number, duration: number): number {
  const frame = 1 / 24;
  // Snap to the frame grid so repeated steps never accumulate rounding.
  const snapped = Math.round(time / frame) * frame;
  return Math.min(duration, Math.max(0, snapped + frames * frame));
}
