import type { StoreApi } from 'zustand';
import { describeError } from '../../api/client';
import type { StudioState } from '../index';
import { lineageOf, sourceOf } from '../../../shared/drafts/draft';
import type { JobParams, ModelEntry } from '../../../shared/catalog/types';
import { planBatch, randomSeed, type BatchPlan } from '../../../shared/jobs/batch-plan';
import { readiness, type Readiness } from './readiness';
import { composeEstimateUsd } from '../spend/estimate';
import { i18n } from '../../i18n/index';
import { modelName } from '../../i18n/model-name';

/** `readiness` of the store's current draft, models, checks (frames and tray), inputs pick and submit state. */
export function readinessNow(state: StudioState): Readiness {
  const { compose } = state;
  return readiness({
    draft: compose.draft,
    models: state.models.list?.models ?? null,
    checks: compose.checks,
    referenceCheck: compose.referenceCheck,
    inputs: compose.inputs,
    sending: compose.submit.status === 'sending',
  });
}

/**
 * Generate: queues the draft as a job (`jobs:submit`). With the seed unlocked, a new random seed
 * is rolled first and written into the draft, so the clip can be reproduced by locking it.
 * Does nothing while `readiness` says no (the button shows why), nor when the user answers "Don't
 * send" to the monthly budget's question (`spend.confirmBudget`). The outcome — queued, or main's
 * refusal in plain words — lands in `compose.submit`; the draft is kept either way.
 */
export async function generate(store: StoreApi<StudioState>): Promise<void> {
  const state = () => store.getState();
  const check = () => readinessNow(state());
  const before = check();
  if (!before.ready) return;
  const seedSpec = before.model.params.find((s) => s.kind === 'int' && s.key === 'seed');
  if (seedSpec?.kind === 'int' && !state().compose.draft?.params.seedLocked) {
    const seed = randomSeed(seedSpec.max);
    // Not through setParam: that would lock the seed; an unlocked seed stays unlocked.
    state().compose.change((d) => ({ ...d, params: { ...d.params, seed } }));
  }
  const ready = check();
  const requests = state().compose.requests;
  if (!ready.ready || !requests) return;
  // A monthly budget asks first, with the amounts, when this job would take the month past it (issue 14 "Spend").
  if (!(await withinBudget(store, 1, composeEstimateUsd(state(), ready.model, ready.params)))) return;
  state().compose.setSubmit({ status: 'sending' });
  try {
    const draft = state().compose.draft;
    const continuedFrom = draft ? lineageOf(draft) : undefined;
    const sourceClip = draft ? sourceOf(draft) : undefined;
    await requests.jobs.submit({ params: ready.params, ...(continuedFrom ? { continuedFrom } : {}), ...(sourceClip ? { sourceClip } : {}) });
    state().compose.setSubmit({ status: 'sent', message: i18n.t('compose:generate.queued', { model: modelName(ready.model) }) });
  } catch (err) {
    state().compose.setSubmit({ status: 'error', message: describeError(err) });
  }
}

/**
 * Plans Generate ×N for the current draft (`planBatch` with the draft's `variations`): null while
 * `readiness` says no (the button shows why) or when one take is asked for. Seeds are rolled here,
 * once, so the confirm names the very seeds that will be sent.
 */
export function planBatchNow(state: StudioState): (BatchPlan & { model: ModelEntry }) | null {
  const ready = readinessNow(state);
  const variations = state.compose.draft?.variations;
  if (!ready.ready || !variations || variations.count < 2) return null;
  const { count, seedList } = variations;
  return { ...planBatch(ready.model, ready.params, count, seedList, randomSeed), model: ready.model };
}

/**
 * Sends a planned batch (`jobs:submitBatch`) under one fresh batch id: the takes are queued as one
 * batch, each with its seed; the draft is kept and its seed left as it was. A monthly budget asks
 * first about the batch's total, as Generate does about one job. The outcome lands in
 * `compose.submit` like Generate's.
 */
export async function generateBatch(store: StoreApi<StudioState>, takes: JobParams[]): Promise<void> {
  const state = () => store.getState();
  const requests = state().compose.requests;
  const ready = readinessNow(state());
  if (!requests || takes.length < 2 || !ready.ready) return;
  // The budget is asked about the whole batch at once: the sum of its takes' estimates.
  const each = takes.map((t) => composeEstimateUsd(state(), ready.model, t));
  const total = each.some((usd) => usd === null) ? null : each.reduce<number>((sum, usd) => sum + (usd ?? 0), 0);
  if (!(await withinBudget(store, takes.length, total))) return;
  state().compose.setSubmit({ status: 'sending' });
  try {
    const draft = state().compose.draft;
    const continuedFrom = draft ? lineageOf(draft) : undefined;
    const sourceClip = draft ? sourceOf(draft) : undefined;
    const { jobs } = await requests.jobs.submitBatch({
      batchId: crypto.randomUUID(),
      takes,
      ...(continuedFrom ? { continuedFrom } : {}),
      ...(sourceClip ? { sourceClip } : {}),
    });
    state().compose.setSubmit({ status: 'sent', message: i18n.t('compose:generate.queuedBatch', { n: jobs.length }) });
  } catch (err) {
    state().compose.setSubmit({ status: 'error', message: describeError(err) });
  }
}

/**
 * The monthly budget's answer for sending `takes` jobs (1, or a batch's) at `usd` in all (null = no
 * estimate): true to send. When the budget cannot be read, nothing is sent and `compose.submit` says why.
 */
async function withinBudget(store: StoreApi<StudioState>, takes: number, usd: number | null): Promise<boolean> {
  try {
    return await store.getState().spend.confirmBudget(takes, usd);
  } catch (err) {
    store.getState().compose.setSubmit({ status: 'error', message: i18n.t('compose:generate.budgetUnchecked', { error: describeError(err) }) });
    return false;
  }
}
