import { z } from 'zod';
import { LedgerEntry, SpendTotals } from '../spend/ledger';
import { event, request } from './define';

const Empty = z.object({}).strict();

/** A monthly budget in USD: a positive amount up to $1,000,000, in cents; null = no budget. */
export const MonthlyBudget = z
  .number({ error: 'The budget must be an amount in dollars, e.g. 50.' })
  .positive('The budget must be more than $0.')
  .max(1_000_000, 'The budget is at most $1,000,000.')
  .transform((usd) => Math.round(usd * 100) / 100)
  .nullable();

/** Most ledger lines `spend:summary` answers (newest first); the CSV export has them all. */
export const MAX_LEDGER_LINES = 500;

/** Where this month's money stands against the budget: both in USD (`committedUsd`: billed + pending, see `committedUsd`). */
const BudgetState = z.object({ budgetUsd: z.number().positive().nullable(), committedUsd: z.number().nonnegative() });

/**
 * The `spend` domain (issue 14 "Spend"): the ledger of what every job cost, derived by main from the
 * job table (the one truth) when asked — never pushed on every job change. Errors: `BAD_INPUT` (a
 * budget out of range), `UNAVAILABLE` (the budget or the export file could not be written).
 */
export const spendDomain = {
  requests: {
    /**
     * Totals for today / this month / per provider this month (the user's local calendar), the
     * budget, and this month's ledger lines, newest first, at most `MAX_LEDGER_LINES` (`lines` is
     * how many there are in all). `version` is the job table's version the figures come from.
     */
    summary: request(
      Empty,
      BudgetState.extend({ totals: SpendTotals, entries: z.array(LedgerEntry), lines: z.number().int().nonnegative(), version: z.number().int().nonnegative() }),
    ),
    /** Only the budget and this month's committed spend: what a confirm before sending needs. */
    budget: request(Empty, BudgetState),
    /** Sets (or with null, removes) the monthly budget; answers the new budget state. */
    setBudget: request(z.object({ budgetUsd: MonthlyBudget }).strict(), BudgetState),
    /**
     * Saves the whole ledger (every job, oldest first) as CSV where the user chooses (the host's
     * save dialog); `no_dialog` (the browser harness): main hands over the text for the renderer to
     * download.
     */
    exportCsv: request(
      Empty,
      z.discriminatedUnion('outcome', [
        z.object({ outcome: z.literal('saved'), fileName: z.string(), folder: z.string(), lines: z.number().int().nonnegative() }),
        z.object({ outcome: z.literal('cancelled') }),
        z.object({ outcome: z.literal('no_dialog'), fileName: z.string(), csv: z.string(), lines: z.number().int().nonnegative() }),
      ]),
    ),
  },
  events: {
    /** The budget changed (from any window): the new state. */
    budgetChanged: event(BudgetState),
  },
} as const;
