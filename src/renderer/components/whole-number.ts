/**
 * The whole number typed in `text` (surrounding spaces allowed) when it lies within `min`…`max`
 * inclusive; null when the text is empty, not a number, fractional or out of range. The one rule
 * for every whole-number field (duration-like parameters, seed, concurrency).
 */
export function wholeNumberIn(text: string, min: number, max: number): number | null {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
}
