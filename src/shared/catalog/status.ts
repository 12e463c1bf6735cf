import type { ModelEntry, ModelStatus } from './types';
import { PROVIDER_NAMES } from './provider-names';

/** A row's state on `today` (`YYYY-MM-DD`, UTC): a deprecated row counts as retired from its shutdown date on; no status = active. */
export function modelState(entry: Pick<ModelEntry, 'status'>, today: string): ModelStatus['state'] {
  const status = entry.status;
  if (!status) return 'active';
  if (status.state === 'deprecated' && status.date !== undefined && status.date <= today) return 'retired';
  return status.state;
}

/** Today's date as `YYYY-MM-DD` in UTC, from ms since the epoch. */
export function isoDay(nowMs: number): string {
  return new Date(nowMs).toISOString().slice(0, 10);
}

/** The replacement row `entry.status` suggests, when it names one the catalog has. */
export function replacementOf(entry: Pick<ModelEntry, 'status'>, catalog: (id: string) => ModelEntry | undefined): ModelEntry | undefined {
  const id = entry.status?.replacement;
  return id === undefined ? undefined : catalog(id);
}

/**
 * One line for a row's status, e.g. `retired 2026-11-11 (…source…)`, `deprecated, shutdown
 * 2026-11-11 (…)`, or `active`. For `seedance models` and tooltips.
 */
export function statusLine(entry: Pick<ModelEntry, 'status'>, today: string): string {
  const state = modelState(entry, today);
  const status = entry.status;
  if (!status) return 'active';
  const when = status.date ? (state === 'deprecated' ? `, shutdown ${status.date}` : ` ${status.date}`) : '';
  return `${state}${when} (source: ${status.source})`;
}

/**
 * Why a retired row cannot start a new job, naming the model, its provider, the date and the
 * replacement, e.g. "Seedance 1.5 Pro on BytePlus ModelArk was retired on 2026-11-11 (per a
 * third-party source). Use Seedance 2.0 (BytePlus ModelArk) instead." Null when the row is not retired on `today`.
 */
export function retiredMessage(entry: ModelEntry, today: string, catalog: (id: string) => ModelEntry | undefined): string | null {
  if (modelState(entry, today) !== 'retired') return null;
  const date = entry.status?.date ? ` on ${entry.status.date}` : '';
  const thirdParty = /third-party/i.test(entry.status?.source ?? '') ? ' (per a third-party source)' : '';
  const next = replacementOf(entry, catalog);
  const instead = next ? ` Use ${next.name} (${PROVIDER_NAMES[next.provider]}) instead.` : ' Choose another model.';
  return `${entry.name} on ${PROVIDER_NAMES[entry.provider]} was retired${date}${thirdParty}; it no longer takes new jobs.${instead}`;
}
