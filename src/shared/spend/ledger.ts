import { z } from 'zod';
import { findModel } from '../catalog/models';
import { outputSize, type PixelSize } from '../catalog/output-sizes';
import { estimateCost, outputSizeFor, type CostEstimate } from '../catalog/params';
import { ProviderId, type AspectRatio, type JobParams, type ModelEntry } from '../catalog/types';
import { JobState, type Job } from '../jobs/job';

/**
 * Where a job's money stands (issue 14 "Spend"):
 * - `billed`: the provider made the video (done, or made but not delivered): it is charged;
 * - `pending`: queued or at the provider: it will be charged when it finishes;
 * - `may-be-billed`: the provider may have run it (cancelled after it started, failed at the
 *   provider, lost mid-submit): the provider's dashboard says;
 * - `not-billed`: never reached a provider task it could be charged for (cancelled before it was
 *   sent or while fal/ModelArk still held it unstarted; refused synchronously at submit);
 * - `would`: a demo job (nothing is ever billed; the figure is what a real key would cost).
 */
export const LedgerStatus = z.enum(['billed', 'pending', 'may-be-billed', 'not-billed', 'would']);
export type LedgerStatus = z.infer<typeof LedgerStatus>;

/**
 * What the provider reported about a job's charge, as it said it: ModelArk's
 * `usage.completion_tokens` (providers.md "BytePlus ModelArk": "`usage.completion_tokens` is the
 * truth"), priced with the row's USD per million tokens into `usd`.
 */
export const ReportedCost = z.object({
  tokens: z.number().int().nonnegative(),
  usd: z.number().nonnegative().nullable(),
});
export type ReportedCost = z.infer<typeof ReportedCost>;

/**
 * One job's line in the ledger. `at`: when it was sent (ms epoch; when it was queued if it never was).
 * `estimateUsd`: the catalog's estimate before sending (null: no published price, or the size follows
 * a first frame the ledger cannot see). `reported`: what the provider reported afterwards, where it
 * does. `amountUsd`: what the line counts for — the reported USD where there is one, else the estimate,
 * else 0 — added to its status's total (never to the billed total for `would` or `not-billed`).
 */
export const LedgerEntry = z.object({
  jobId: z.string(),
  at: z.number().int().nonnegative(),
  provider: ProviderId,
  modelId: z.string(),
  modelName: z.string(),
  prompt: z.string(),
  state: JobState,
  status: LedgerStatus,
  estimateUsd: z.number().nonnegative().nullable(),
  reported: ReportedCost.nullable(),
  amountUsd: z.number().nonnegative(),
  /** The date of the price list the estimate comes from; null without an estimate. */
  asOf: z.string().nullable(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

/** What a job needs to be placed in the ledger (main's full `Job`: the renderer's `JobView` has no usage). */
export type LedgerJob = Pick<Job, 'id' | 'params' | 'provider' | 'state' | 'history' | 'times' | 'updatedAt' | 'route' | 'remote' | 'error'>;

/**
 * USD for `tokens` billed tokens on `entry` (providers.md "BytePlus ModelArk", Cost: tokens are the
 * billed truth; the price per million tokens is the row's, the silent price when `generateAudio` is
 * false and the row has one). Null when the row is not priced by tokens.
 */
export function usdForTokens(entry: ModelEntry, params: Pick<JobParams, 'generateAudio'>, tokens: number): number | null {
  const cost = entry.cost;
  if (!cost || cost.kind !== 'tokens') return null;
  const price = params.generateAudio === false && cost.usdPerMillionTokensSilent !== undefined ? cost.usdPerMillionTokensSilent : cost.usdPerMillionTokens;
  return (tokens * price) / 1_000_000;
}

/** The provider's report of the job's charge, or null when it reported none (only ModelArk does, as `usage.completion_tokens`). */
export function reportedCost(job: Pick<Job, 'remote' | 'params'>, entry: ModelEntry | undefined): ReportedCost | null {
  const tokens = job.remote?.usage?.completion_tokens;
  if (tokens === undefined || !Number.isFinite(tokens) || tokens < 0) return null;
  const whole = Math.round(tokens);
  return { tokens: whole, usd: entry ? usdForTokens(entry, job.params, whole) : null };
}

/** Errors that come after the provider made the video (it was charged): the download or its check failed, or its link ran out. */
const MADE_ANYWAY = new Set(['download', 'verification', 'expired']);

/** The state the job was in when it was cancelled: the history entry before the last `cancelled`. */
function stateBeforeCancel(history: LedgerJob['history']): JobState | undefined {
  for (let i = history.length - 1; i > 0; i--) {
    if (history[i]!.state === 'cancelled') return history[i - 1]!.state;
  }
  return undefined;
}

/**
 * Where the job's money stands (`LedgerStatus`). `demoNow`: the app runs the demo, which decides for a
 * job not sent yet (it has no route). Cancel rules as the Queue's (providers.md "At a glance", cancel
 * row: fal and ModelArk cancel only tasks that have not started; Novita and EvoLink cannot cancel).
 */
export function ledgerStatus(job: LedgerJob, demoNow: boolean): LedgerStatus {
  const demo = (job.route ?? (demoNow ? 'demo' : 'provider')) === 'demo';
  const sentToProvider = job.remote !== undefined;
  if (job.state === 'cancelled') {
    const before = stateBeforeCancel(job.history);
    const unbilled = before === undefined || before === 'draft' || before === 'queued' || (before === 'submitted' && (job.provider === 'fal' || job.provider === 'ark'));
    return demo || unbilled ? 'not-billed' : 'may-be-billed';
  }
  if (demo) return job.state === 'failed' ? 'not-billed' : 'would';
  switch (job.state) {
    case 'completed':
    case 'downloading':
      return 'billed';
    case 'failed':
      // No task id: the provider refused the request itself (or it never left), so nothing ran.
      if (!sentToProvider) return 'not-billed';
      return job.error && MADE_ANYWAY.has(job.error.kind) ? 'billed' : 'may-be-billed';
    case 'expired':
      return job.remote?.resultUrl ? 'billed' : 'may-be-billed';
    case 'needs_attention':
      return 'may-be-billed';
    default:
      return 'pending';
  }
}

/** When the job counts: when it entered `submitting` (the billable request), else when it was queued, else its first history line. */
export function ledgerTime(job: Pick<Job, 'times' | 'history' | 'updatedAt'>): number {
  return job.times.submitting ?? job.times.queued ?? job.history[0]?.at ?? job.updatedAt;
}

/** The ratios of the output-size table (providers.md "Output sizes"). */
const TABLE_RATIOS: readonly AspectRatio[] = ['21:9', '16:9', '4:3', '1:1', '3:4', '9:16'];

/**
 * The catalog's estimate for a job (`estimateCost`). A job whose ratio follows its first frame
 * (`adaptive`/`auto`) has no size the ledger can see; every ratio of one resolution has nearly the
 * same pixel count (providers.md "Output sizes": 1280×720 … 1470×630, within 1 %), so it is priced
 * at the largest of them — an estimate that errs high, never a missing one.
 */
export function ledgerEstimate(entry: ModelEntry, params: JobParams): CostEstimate | null {
  const size =
    outputSizeFor(entry, params) ??
    TABLE_RATIOS.map((r) => outputSize(entry.sizeFamily, params.resolution, r)).reduce<PixelSize | null>(
      (big, s) => (s && (!big || s.width * s.height > big.width * big.height) ? s : big),
      null,
    );
  return estimateCost(entry, params, size);
}

/**
 * The job's ledger line (see `LedgerEntry`). `catalog` finds the model row (default: the built-in
 * catalogue); a job whose row is gone keeps its model id as its name and has no estimate.
 */
export function ledgerEntry(job: LedgerJob, demoNow: boolean, catalog: (id: string) => ModelEntry | undefined = findModel): LedgerEntry {
  const entry = catalog(job.params.modelId);
  const estimate = entry ? ledgerEstimate(entry, job.params) : null;
  const reported = reportedCost(job, entry);
  const status = ledgerStatus(job, demoNow);
  const estimateUsd = estimate?.usd ?? null;
  const amountUsd = status === 'not-billed' ? 0 : (reported?.usd ?? estimateUsd ?? 0);
  return {
    jobId: job.id,
    at: ledgerTime(job),
    provider: job.provider,
    modelId: job.params.modelId,
    modelName: entry?.name ?? job.params.modelId,
    prompt: job.params.prompt,
    state: job.state,
    status,
    estimateUsd,
    reported,
    amountUsd,
    asOf: estimate?.asOf ?? null,
  };
}

/**
 * Sums over a set of ledger lines, USD: `billedUsd` charged, `pendingUsd` still to be charged,
 * `uncertainUsd` may have been charged, `wouldUsd` what demo jobs would have cost; `jobs` lines
 * counted (every status, `not-billed` included).
 */
export const Tally = z.object({
  billedUsd: z.number().nonnegative(),
  pendingUsd: z.number().nonnegative(),
  uncertainUsd: z.number().nonnegative(),
  wouldUsd: z.number().nonnegative(),
  jobs: z.number().int().nonnegative(),
});
export type Tally = z.infer<typeof Tally>;

/** A tally with nothing in it. */
export function emptyTally(): Tally {
  return { billedUsd: 0, pendingUsd: 0, uncertainUsd: 0, wouldUsd: 0, jobs: 0 };
}

const TALLY_FIELD: Record<LedgerStatus, keyof Omit<Tally, 'jobs'> | null> = {
  billed: 'billedUsd',
  pending: 'pendingUsd',
  'may-be-billed': 'uncertainUsd',
  would: 'wouldUsd',
  'not-billed': null,
};

/** Adds `line` to `tally` (in place) and returns it. */
export function addToTally(tally: Tally, line: Pick<LedgerEntry, 'status' | 'amountUsd'>): Tally {
  const field = TALLY_FIELD[line.status];
  if (field) tally[field] += line.amountUsd;
  tally.jobs += 1;
  return tally;
}

/**
 * The local calendar day and month `now` falls in, as ms-epoch bounds `[start, end)`. Local time is
 * the user's: "today" and "this month" are theirs, not UTC's.
 */
export function periodBounds(now: number): { dayStart: number; dayEnd: number; monthStart: number; monthEnd: number } {
  const d = new Date(now);
  return {
    dayStart: new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime(),
    dayEnd: new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime(),
    monthStart: new Date(d.getFullYear(), d.getMonth(), 1).getTime(),
    monthEnd: new Date(d.getFullYear(), d.getMonth() + 1, 1).getTime(),
  };
}

/** Totals of the ledger for today, this month and each provider this month. */
export const SpendTotals = z.object({
  today: Tally,
  month: Tally,
  byProvider: z.record(ProviderId, Tally),
});
export type SpendTotals = z.infer<typeof SpendTotals>;

/** Sums `lines` into today / this month / per provider this month (bounds from `periodBounds`). */
export function spendTotals(lines: readonly LedgerEntry[], bounds: ReturnType<typeof periodBounds>): SpendTotals {
  const totals: SpendTotals = {
    today: emptyTally(),
    month: emptyTally(),
    byProvider: { novita: emptyTally(), fal: emptyTally(), evolink: emptyTally(), ark: emptyTally() },
  };
  for (const line of lines) {
    if (line.at < bounds.monthStart || line.at >= bounds.monthEnd) continue;
    addToTally(totals.month, line);
    addToTally(totals.byProvider[line.provider], line);
    if (line.at >= bounds.dayStart && line.at < bounds.dayEnd) addToTally(totals.today, line);
  }
  return totals;
}

/**
 * What counts against the monthly budget: this month's billed and pending money (a queued job will
 * be charged once sent). "May be billed" is left out: the provider's dashboard decides it, and
 * counting it would ask about budgets that are not crossed.
 */
export function committedUsd(month: Tally): number {
  return month.billedUsd + month.pendingUsd;
}

/**
 * Whether sending a job estimated at `jobUsd` would take this month's committed spend over
 * `budgetUsd` (issue 14: "a monthly budget that asks before a job would cross it"). No budget, no
 * estimate, or a demo job (`jobUsd` null or 0): never crosses. `afterUsd` is the committed spend
 * with the job; `overUsd` how far past the budget that is (0 when not over).
 */
export function budgetVerdict(budgetUsd: number | null, committed: number, jobUsd: number | null): { crosses: boolean; afterUsd: number; overUsd: number } {
  const afterUsd = committed + (jobUsd ?? 0);
  if (budgetUsd === null || jobUsd === null || jobUsd <= 0) return { crosses: false, afterUsd, overUsd: 0 };
  const overUsd = Math.max(0, afterUsd - budgetUsd);
  return { crosses: overUsd > 0, afterUsd, overUsd };
}
