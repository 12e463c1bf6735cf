import type { StateCreator } from 'zustand';
import type { RequestOutput } from '../../../shared/contract/index';
import { budgetVerdict } from '../../../shared/spend/ledger';
import { StudioClientError, type StudioClient } from '../../api/client';
import type { StudioState } from '../index';
import { i18n } from '../../i18n/index';

/** The verbs the Spend view, the prompt history and the confirms before sending call. */
export type SpendRequests = Pick<StudioClient, 'spend' | 'prompts'>;

/** A job that would take the month over the budget, waiting for the user's answer (all USD). */
export interface BudgetAsk {
  /** How many jobs are being sent: 1 reads "this job", more "these 3 takes" (a batch). */
  takes: number;
  jobUsd: number;
  budgetUsd: number;
  committedUsd: number;
  afterUsd: number;
  overUsd: number;
}

/**
 * The Spend view's copy of main's ledger summary (asked for when the view is open and again as the
 * job table moves on — main derives it; the renderer never sums jobs itself), and the budget question
 * in flight, if any.
 */
export interface SpendState {
  requests: SpendRequests | null;
  summary: RequestOutput<'spend', 'summary'> | null;
  loadError: string | null;
  ask: BudgetAsk | null;
  setRequests(requests: SpendRequests | null): void;
  /** Asks main for the summary again; a failure is kept as `loadError`. */
  refresh(): Promise<void>;
  /** Main's budget changed (this window or another): the summary's budget figures follow. */
  budgetChanged(state: RequestOutput<'spend', 'budget'>): void;
  /**
   * Resolves true when `takes` jobs (1, or a batch's) estimated at `jobUsd` in all may be sent: no budget, no price, the demo, or the
   * month stays within the budget; otherwise shows the question (`ask`) and resolves with the answer.
   */
  confirmBudget(takes: number, jobUsd: number | null): Promise<boolean>;
  /** The user's answer to `ask`. */
  answer(send: boolean): void;
}

export interface SpendSlice {
  spend: SpendState;
}


/** The bound requests, or a `StudioClientError('UNAVAILABLE')` to show when not connected. */
export function spendRequests(state: StudioState): SpendRequests {
  const bound = state.spend.requests;
  if (!bound) throw new StudioClientError('UNAVAILABLE', i18n.t('common:notConnected'));
  return bound;
}

export const createSpendSlice: StateCreator<StudioState, [], [], SpendSlice> = (set, get) => {
  const patch = (p: Partial<SpendState>) => set((s) => ({ spend: { ...s.spend, ...p } }));
  let resolveAsk: ((send: boolean) => void) | null = null;
  return {
    spend: {
      requests: null,
      summary: null,
      loadError: null,
      ask: null,
      setRequests: (requests) => patch({ requests }),
      refresh: async () => {
        try {
          patch({ summary: await spendRequests(get()).spend.summary(), loadError: null });
        } catch (err) {
          patch({ loadError: (err as Error).message });
        }
      },
      budgetChanged: (state) => {
        const summary = get().spend.summary;
        if (summary) patch({ summary: { ...summary, ...state } });
      },
      confirmBudget: async (takes, jobUsd) => {
        if (get().app.info?.demo || jobUsd === null) return true;
        const { budgetUsd, committedUsd } = await spendRequests(get()).spend.budget();
        const verdict = budgetVerdict(budgetUsd, committedUsd, jobUsd);
        if (!verdict.crosses || budgetUsd === null) return true;
        resolveAsk?.(false);
        patch({ ask: { takes, jobUsd, budgetUsd, committedUsd, afterUsd: verdict.afterUsd, overUsd: verdict.overUsd } });
        return new Promise<boolean>((resolve) => {
          resolveAsk = resolve;
        });
      },
      answer: (send) => {
        const resolve = resolveAsk;
        resolveAsk = null;
        patch({ ask: null });
        resolve?.(send);
      },
    },
  };
};
