import { z } from 'zod';
import { StudioError } from '../../shared/contract/result';
import type { Logger } from '../logging/logger';
import { openJsonStore, type OpenConf } from '../settings/store-file';
import { said } from '../../shared/messages/phrase';

/** File name (without `.json`) of the spend preferences inside the data folder. */
export const SPEND_FILE = 'spend';

const OnDisk = z.object({ monthlyBudgetUsd: z.number().positive().nullable() });

/** The monthly budget, persisted in `<dir>/spend.json` (beside settings.json, through the same `conf` file store). */
export interface BudgetStore {
  /** USD, or null when none is set. */
  get(): number | null;
  /** Stores `usd` (already validated by the contract); `StudioError('UNAVAILABLE')` when the file cannot be written. */
  set(usd: number | null): void;
}

/** Opens the budget file; a value that fails validation on disk counts as no budget (logged). */
export function createBudgetStore(deps: { dir: string; log: Logger; openConf?: OpenConf }): BudgetStore {
  const file = openJsonStore(deps.dir, SPEND_FILE, deps.log, deps.openConf);
  const parsed = OnDisk.safeParse({ monthlyBudgetUsd: null, ...file.read() });
  if (!parsed.success) deps.log.warn('spend.budget_unreadable', { file: file.path });
  let budget = parsed.success ? parsed.data.monthlyBudgetUsd : null;
  return {
    get: () => budget,
    set(usd) {
      try {
        file.write({ monthlyBudgetUsd: usd });
      } catch (err) {
        deps.log.error('spend.budget_write_failed', { error: err });
        throw new StudioError('UNAVAILABLE', said('spend.budgetNotSaved'));
      }
      budget = usd;
    },
  };
}
