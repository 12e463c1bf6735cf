import { takeSentence } from '../../../shared/jobs/takes';
import type { Take } from '../../store/jobs/takes';

/**
 * A take's line for its Queue row: "Take 2 of 5 · seed 4821" — the number among the takes of its
 * prompt, inputs and model, and the seed. Only "seed 4821" for a lone job; null when there is
 * nothing to tell (a lone job with a random seed not reported yet).
 */
export function takeLine(take: Take | undefined): string | null {
  if (!take) return null;
  const seed = take.seed === null ? null : `seed ${take.seed}`;
  if (take.of < 2) return seed;
  return `Take ${take.n} of ${take.of} · ${seed ?? 'random seed'}`;
}

/** What the detail pane says: "Take 3 of 5 — differs from take 1 in seed, duration"; null for a lone take. */
export function takeDiffers(take: Take | undefined): string | null {
  return take ? takeSentence({ n: take.n, of: take.of, firstId: '' }, take.differs) : null;
}
