import { VIEW_IDS, type ViewId } from '../store/shell/slice';

/**
 * The view a key press switches to: Ctrl+1…5 (Cmd+1…5 on macOS) → Compose, Queue, Library,
 * Spend, Settings (UX.md, "Frame"). Returns null for any other key or when Alt/Shift is held (those
 * combinations belong to the system or to text input).
 */
export function viewForShortcut(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): ViewId | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return null;
  const index = Number.parseInt(e.key, 10) - 1;
  return VIEW_IDS[index] ?? null;
}

/** The shortcut label shown next to each rail item, e.g. `Ctrl+2` or `⌘2`. */
export function shortcutLabel(view: ViewId, mac: boolean): string {
  const n = VIEW_IDS.indexOf(view) + 1;
  return mac ? `⌘${n}` : `Ctrl+${n}`;
}
