import type { Take } from '../../store/jobs/takes';

/**
 * A take's line for its Queue row: "Take 2 of 5 · seed 4821 · 720p, 5 s" — the number among the
 * takes of its prompt, the seed, and this take's values of the settings that differ between the
 * takes (the seed is said once). Only "seed 4821" for a lone job; null when there is nothing to
 * tell (a lone job with a random seed not reported yet).
 */
export function takeLine(take: Take | undefined): string | null {
  if (!take) return null;
  const seed = take.seed === null ? null : `seed ${take.seed}`;
  if (take.of < 2) return seed;
  const differs = take.differs.filter((d) => d !== seed && d !== 'random seed');
  return [`Take ${take.n} of ${take.of}`, seed ?? 'random seed', differs.join(', ')].filter(Boolean).join(' · ');
}

/** What the detail pane says differs: "Differs from the other takes: 720p, seed 4821"; null for a lone take or identical settings. */
export function takeDiffers(take: Take | undefined): string | null {
  if (!take || take.of < 2) return null;
  return take.differs.length ? `Differs from the other takes of this prompt: ${take.differs.join(', ')}` : 'Same settings as the other takes of this prompt.';
}
