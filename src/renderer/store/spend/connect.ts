import type { StoreApi } from 'zustand';
import type { StudioClient } from '../../api/client';
import type { StudioState } from '../index';

/** Lends the spend slice its verbs and follows `spend:budgetChanged`. Returns the function that undoes it. */
export function connectSpend(client: StudioClient, store: StoreApi<StudioState>): () => void {
  const spend = () => store.getState().spend;
  const requests = { spend: client.spend, prompts: client.prompts };
  spend().setRequests(requests);
  const off = client.spend.onBudgetChanged((state) => spend().budgetChanged(state));
  return () => {
    off();
    // StrictMode connects twice; only the connection that bound the verbs may unbind them.
    if (spend().requests === requests) spend().setRequests(null);
  };
}
