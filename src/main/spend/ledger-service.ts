import { ledgerEntry, periodBounds, spendTotals, committedUsd, type LedgerEntry, type SpendTotals } from '../../shared/spend/ledger';
import type { JobTable } from '../jobs/job-mirror';

/** What the Spend view and the confirms before sending are told (see the `spend` contract). */
export interface SpendService {
  /** Every job's ledger line, oldest first, from the table as main holds it now. */
  lines(): LedgerEntry[];
  /** Totals now, this month's committed spend, and the table version they come from. */
  totals(): { totals: SpendTotals; committedUsd: number; version: number };
  /** This month's lines, newest first (all of them; the handler caps what it sends). */
  monthLines(): LedgerEntry[];
}

/**
 * The ledger over main's copy of the job table (the engine's table is the one truth; main's mirror
 * follows it). Computed only when asked, and kept until the table's version or the demo mode
 * changes: the Spend view asks again as jobs change, and an unchanged table costs nothing.
 */
export function createSpendService(deps: { table(): JobTable; isDemo(): boolean; now?(): number }): SpendService {
  const now = deps.now ?? Date.now;
  let cache: { version: number; demo: boolean; lines: LedgerEntry[] } | null = null;

  function current(): { version: number; lines: LedgerEntry[] } {
    const table = deps.table();
    const demo = deps.isDemo();
    if (!cache || cache.version !== table.version || cache.demo !== demo) {
      const lines = table.jobs.map((job) => ledgerEntry(job, demo)).sort((a, b) => a.at - b.at);
      cache = { version: table.version, demo, lines };
    }
    return cache;
  }

  return {
    lines: () => current().lines,
    totals() {
      const { version, lines } = current();
      const totals = spendTotals(lines, periodBounds(now()));
      return { totals, committedUsd: committedUsd(totals.month), version };
    },
    monthLines() {
      const { monthStart, monthEnd } = periodBounds(now());
      return current()
        .lines.filter((l) => l.at >= monthStart && l.at < monthEnd)
        .reverse();
    },
  };
}
