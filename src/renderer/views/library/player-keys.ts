/** One frame at 24 fps in seconds: what `,` and `.` step by (Seedance renders 24 fps; providers.md). */
export const FRAME_SEC = 1 / 24;

/** What a key does in the clip detail. */
export type PlayerCommand =
  | { kind: 'toggle' }
  | { kind: 'shuttle'; dir: -1 | 0 | 1 }
  | { kind: 'step'; frames: number }
  | { kind: 'fullscreen' }
  | { kind: 'rate'; stars: number }
  | { kind: 'close' };

/**
 * The detail's keys, as editors have them: Space play/pause, J K L shuttle (back, stop, forward;
 * pressing J or L again goes faster), `,` `.` one frame back/forward, F full screen, 0–5 rating,
 * Escape back to the grid. Null for other keys, or when Ctrl/Cmd/Alt is held (those are the
 * app's and the system's).
 */
export function playerCommand(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): PlayerCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case ' ':
      return { kind: 'toggle' };
    case 'j':
    case 'J':
      return { kind: 'shuttle', dir: -1 };
    case 'k':
    case 'K':
      return { kind: 'shuttle', dir: 0 };
    case 'l':
    case 'L':
      return { kind: 'shuttle', dir: 1 };
    case ',':
      return { kind: 'step', frames: -1 };
    case '.':
      return { kind: 'step', frames: 1 };
    case 'f':
    case 'F':
      return { kind: 'fullscreen' };
    case 'Escape':
      return { kind: 'close' };
    default:
      return /^[0-5]$/.test(e.key) ? { kind: 'rate', stars: Number(e.key) } : null;
  }
}

/** Fastest shuttle speed (×), as in most editors. */
export const MAX_SHUTTLE = 8;

/**
 * The next shuttle speed (negative = backwards, 0 = stopped) after J (dir −1), K (0) or L (+1):
 * pressing the current direction again doubles the speed up to `MAX_SHUTTLE`; the other direction
 * starts over at 1×.
 */
export function nextShuttle(current: number, dir: -1 | 0 | 1): number {
  if (dir === 0) return 0;
  if (Math.sign(current) !== dir) return dir;
  return dir * Math.min(MAX_SHUTTLE, Math.abs(current) * 2);
}

/** True when a key press belongs to a text field or menu (typing a tag must not play the clip). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['range', 'checkbox', 'radio', 'button'].includes(target.type);
}
