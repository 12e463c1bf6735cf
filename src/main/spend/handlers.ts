import { basename, dirname } from 'node:path';
import type { Handlers } from '../../shared/contract/index';
import { StudioError } from '../../shared/contract/result';
import { MAX_LEDGER_LINES } from '../../shared/contract/spend';
import type { StudioConfig } from '../composition/config';
import type { EventBus } from '../ipc/events';
import type { Logger } from '../logging/logger';
import { describeFsError } from '../library/disk';
import { writeFileAtomic } from '../storage/atomic-write';
import type { BudgetStore } from './budget-store';
import { ledgerCsv } from './csv';
import type { SpendService } from './ledger-service';
import { said } from '../../shared/messages/phrase';

/** `seedance-spend-2026-12-02.csv`: the export's suggested name, dated in the user's calendar. */
function csvName(now: number): string {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `seedance-spend-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.csv`;
}

/**
 * Handlers for the `spend` domain: the ledger from `spend` (derived from main's job table), the
 * budget from `budget` (a change is announced as `spend:budgetChanged`), and the CSV export saved
 * through the host's save dialog (`chooseSavePath`) or handed to the renderer where there is none.
 */
export function createSpendHandlers(deps: {
  spend: SpendService;
  budget: BudgetStore;
  events: EventBus;
  chooseSavePath?: StudioConfig['chooseSavePath'];
  log: Logger;
  now?: () => number;
}): Handlers['spend'] {
  const now = deps.now ?? Date.now;
  const budgetState = () => ({ budgetUsd: deps.budget.get(), committedUsd: deps.spend.totals().committedUsd });
  return {
    summary: () => {
      const { totals, committedUsd, version } = deps.spend.totals();
      const month = deps.spend.monthLines();
      return { budgetUsd: deps.budget.get(), committedUsd, totals, entries: month.slice(0, MAX_LEDGER_LINES), lines: month.length, version };
    },
    budget: () => budgetState(),
    setBudget: ({ budgetUsd }) => {
      deps.budget.set(budgetUsd);
      const state = budgetState();
      deps.events.emit('spend', 'budgetChanged', state);
      return state;
    },
    exportCsv: async () => {
      const lines = deps.spend.lines();
      const csv = ledgerCsv(lines);
      const fileName = csvName(now());
      if (!deps.chooseSavePath) return { outcome: 'no_dialog', fileName, csv, lines: lines.length };
      const dest = await deps.chooseSavePath({ defaultName: fileName, kind: 'csv' });
      if (!dest) return { outcome: 'cancelled' };
      try {
        await writeFileAtomic(dest, csv);
      } catch (err) {
        deps.log.warn('spend.export_failed', { error: err });
        throw new StudioError('UNAVAILABLE', said('spend.csvNotSaved', { why: describeFsError(err) }));
      }
      return { outcome: 'saved', fileName: basename(dest), folder: dirname(dest), lines: lines.length };
    },
  };
}
