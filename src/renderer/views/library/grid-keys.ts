/**
 * Where a key moves focus in the clip grid (row-major, `columns` per row, `total` cards): arrows by
 * one card or one row, Home/End to the row's ends (with Ctrl/Cmd: the first/last clip),
 * PageUp/PageDown by `pageRows` rows. Returns null for keys that do not move focus. The result is
 * clamped to `0…total-1`; Left/Right wrap across rows like text does.
 */
export function nextIndex(
  key: string,
  index: number,
  layout: { columns: number; total: number; pageRows: number },
  withModifier = false,
): number | null {
  const { columns, total, pageRows } = layout;
  if (total === 0) return null;
  const clamp = (i: number) => Math.min(total - 1, Math.max(0, i));
  const rowStart = index - (index % columns);
  switch (key) {
    case 'ArrowRight':
      return clamp(index + 1);
    case 'ArrowLeft':
      return clamp(index - 1);
    case 'ArrowDown':
      // From a short last row's neighbourhood, down goes to the last clip rather than nowhere.
      return index + columns < total ? index + columns : rowStart + columns < total ? total - 1 : index;
    case 'ArrowUp':
      return index - columns >= 0 ? index - columns : index;
    case 'Home':
      return withModifier ? 0 : rowStart;
    case 'End':
      return withModifier ? total - 1 : clamp(rowStart + columns - 1);
    case 'PageDown':
      return clamp(index + columns * Math.max(1, pageRows));
    case 'PageUp':
      return clamp(index - columns * Math.max(1, pageRows));
    default:
      return null;
  }
}
