import { UsageError } from '../io';

/** A whole-number flag's value (`--duration 5`), undefined when the flag was not given. Throws `UsageError` for anything else. */
export function toInt(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^-?\d+$/.test(v.trim())) throw new UsageError(`--${flag} must be a whole number, got "${v}".`);
  return Number(v);
}

/** A positive dollar amount flag's value (`--max-cost 2.50`), undefined when not given. Throws `UsageError` for anything else. */
export function toUsd(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const amount = /^\d+(\.\d{1,2})?$/.test(v.trim()) ? Number(v) : NaN;
  if (!(amount > 0)) throw new UsageError(`--${flag} must be an amount in US dollars above 0 (e.g. 2.50), got "${v}".`);
  return amount;
}
