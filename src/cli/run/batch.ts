import { randomUUID } from 'node:crypto';
import type { Studio } from '../../main/composition/create-studio';
import { submitBatch } from '../../main/jobs/submit-batch';
import { PROVIDER_NAMES } from '../../main/providers/failure';
import type { ModelEntry } from '../../shared/catalog/types';
import type { DraftVariations } from '../../shared/drafts/draft';
import { batchCost, batchJobId } from '../../shared/jobs/batch';
import { planBatch, randomSeed, seedsText } from '../../shared/jobs/batch-plan';
import { EXIT, RejectedError, type CliIo } from '../io';
import { deliver } from './deliver';
import { checkMaxCost } from './max-cost';
import { failureText } from './outcome';
import { settingsLine, usd, type PreparedJob } from './prepare';
import { sendAndFollow } from './send';

/**
 * The line said before a batch is sent: its settings, the takes' seeds (or that the row has none,
 * so they differ only by chance) and the batch's total estimate — "≈ $0.78 in all (3 × $0.26,
 * estimate, prices as of 2026-11)", as Compose's confirm totals it (`batchCost`).
 */
function batchLine(entry: ModelEntry, prepared: PreparedJob, seeds: number[] | null, count: number): string {
  const total = batchCost(prepared.cost?.usd ?? null, count);
  const cost =
    prepared.cost && total !== null
      ? `≈ ${usd(total)} in all (${count} × ${usd(prepared.cost.usd)}, estimate, prices as of ${prepared.cost.asOf})`
      : 'no published price';
  const seedText = seeds ? `seeds ${seedsText(seeds)}` : `${entry.name} takes no seed, so the takes differ only by chance`;
  return `${settingsLine(entry, prepared.job)}; ${count} takes as one batch, ${seedText}; ${cost}`;
}

/**
 * `seedance run --count/--seeds`: sends the prepared job as one batch of `variations.count` takes,
 * exactly as Compose's Generate ×N does — seeds planned by `planBatch` (the listed ones, then
 * random and distinct), queued under one fresh batch id by `submitBatch` (take n's job id
 * `<batch>-<n>`, its `batch` on the job and the clip's sidecar). Says the seeds and the total
 * estimate first, shows each take's progress ("take 2/3 (seed 22): generating 40%"), and delivers
 * every finished take like a lone job (`deliver`: one stdout line each, in take order). Returns 0
 * when every take finished, 1 when any did not (each reason on stderr, the finished ones still
 * delivered), 130 when stopped (every take still going cancelled where it can be). `opts.maxUsd`
 * (`--max-cost`) refuses a total estimate above it before anything is sent (`RejectedError`).
 */
export async function runBatch(
  studio: Studio,
  entry: ModelEntry,
  prepared: PreparedJob,
  variations: DraftVariations,
  opts: { json: boolean; maxUsd?: number },
  outDir: string,
  io: CliIo,
): Promise<number> {
  const plan = planBatch(entry, prepared.job, variations.count, variations.seedList, randomSeed);
  // `variationsFrom` refused every problem already; this only narrows the type.
  if (!plan.ok) throw new RejectedError(plan.reason);
  const count = plan.takes.length;
  io.stderr(`${batchLine(entry, prepared, plan.seeds, count)}\n`);
  checkMaxCost(opts.maxUsd, batchCost(prepared.cost?.usd ?? null, count));
  const batchId = randomUUID();
  const label = (i: number) => `take ${i + 1}/${count}${plan.seeds ? ` (seed ${plan.seeds[i]})` : ''}: `;
  const watched = plan.takes.map((_, i) => ({ id: batchJobId(batchId, i + 1), label: label(i) }));
  const end = await sendAndFollow(studio, PROVIDER_NAMES[entry.provider], watched, () => submitBatch(studio.jobs, { batchId, takes: plan.takes }), io);
  if (end === 'interrupted') return EXIT.interrupted;
  let failed = 0;
  for (const [i, job] of end.entries()) {
    if (job.state === 'completed') {
      await deliver(job, entry, outDir, opts.json, io);
    } else {
      failed++;
      io.stderr(`${label(i)}${failureText(job)}`);
    }
  }
  if (failed === 0) return EXIT.ok;
  io.stderr(`${count - failed} of ${count} takes finished.\n`);
  return EXIT.rejected;
}
