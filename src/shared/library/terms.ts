/**
 * Search terms: the words of a prompt or tag, lowercased with accents removed, so that "Café"
 * finds "cafe". Words are runs of letters or digits in any script; everything else separates.
 * Returns the words in order, duplicates kept (callers dedupe when they index).
 */
export function searchTerms(text: string): string[] {
  const folded = text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  return folded.match(/[\p{L}\p{N}]+/gu) ?? [];
}
