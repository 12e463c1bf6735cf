import type { DraftVariations } from '../../shared/drafts/draft';
import { MAX_BATCH, MIN_BATCH, parseSeedList, seedListParts } from '../../shared/jobs/batch';
import { batchProblem } from '../../shared/jobs/batch-plan';
import type { ModelEntry } from '../../shared/catalog/types';
import { RejectedError, UsageError } from '../io';
import { toInt } from './flags';

/** The variation flags of `seedance run`, as parsed (numbers still strings). */
export interface VariationFlags {
  /** `--count N`: N takes (2–8). */
  count?: string;
  /** `--seeds 11,22,33`: the takes' seeds; without `--count`, one take per seed. */
  seeds?: string;
  /** `--seed n`: one job's seed; never with `--count` or `--seeds`. */
  seed?: string;
}

/**
 * Generate ×N from the command line (issue 14 "Variations"): `--count` and `--seeds` read as
 * Compose reads its "Takes per Generate" and "Seeds for the takes" — the count (2–8; with only
 * `--seeds`, their number), and the list as text for `planBatch` (listed seeds first, the rest
 * random). Null when neither flag is given (one job). Refused in Compose's words (`batchProblem`):
 * a count outside 2–8, a seed that is not a whole number, one listed twice or more seeds than takes
 * throw `UsageError` (exit 2), and so do `--seed` beside them (one seed for every take would make
 * the same video N times); what the model refuses — a list on a row without a seed (fal and
 * ModelArk 2.0, providers.md), a seed above its range — throws `RejectedError` (exit 1).
 */
export function variationsFrom(entry: ModelEntry, flags: VariationFlags): DraftVariations | null {
  if (flags.count === undefined && flags.seeds === undefined) return null;
  if (flags.seed !== undefined) {
    throw new UsageError(`--seed cannot go with ${flags.seeds !== undefined ? '--seeds' : '--count'}: --seed is one job's seed; give each take's with --seeds 11,22,33.`);
  }
  const seedList = flags.seeds ?? '';
  const count = toInt('count', flags.count) ?? seedListParts(seedList).length;
  const problem = batchProblem(entry, count, seedList);
  if (!problem) return { count, seedList };
  // Flags that read well on their own and still fail are the model's refusal (no seed, seed too large).
  const flagsRead = count >= MIN_BATCH && count <= MAX_BATCH && parseSeedList(seedList, count, Number.MAX_SAFE_INTEGER).ok;
  throw flagsRead ? new RejectedError(problem) : new UsageError(problem);
}
