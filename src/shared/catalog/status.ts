import type { ModelEntry, ModelStatus } from './types';
import { PROVIDER_NAMES } from './provider-names';
import { phrase, said, type Said } from '../messages/phrase';

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
 * third-party source); it no longer takes new jobs. Use Seedance 2.0 (BytePlus ModelArk) instead."
 * Null when the row is not retired on `today`. `retiredSaid` gives the same sentence with its phrase.
 */
export function retiredMessage(entry: ModelEntry, today: string, catalog: (id: string) => ModelEntry | undefined): string | null {
  return retiredSaid(entry, today, catalog)?.message ?? null;
}

/** `retiredMessage` as a `Said`: its English and its phrase (`retired.*`), for the UI's language. */
export function retiredSaid(entry: ModelEntry, today: string, catalog: (id: string) => ModelEntry | undefined): Said | null {
  if (modelState(entry, today) !== 'retired') return null;
  const date = entry.status?.date;
  const next = replacementOf(entry, catalog);
  const values = {
    model: entry.name,
    provider: PROVIDER_NAMES[entry.provider],
    source: /third-party/i.test(entry.status?.source ?? '') ? phrase('retired.thirdParty') : phrase('retired.official'),
    instead: next ? phrase('retired.useInstead', { model: next.name, provider: PROVIDER_NAMES[next.provider] }) : phrase('retired.chooseAnother'),
  };
  return date ? said('retired.dated', { ...values, date }) : said('retired.undated', values);
}
