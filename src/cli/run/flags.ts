import { UsageError } from '../io';

/** A whole-number flag's value (`--duration 5`), undefined when the flag was not given. Throws `UsageError` for anything else. */
export function toInt(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^-?\d+$/.test(v.trim())) throw new UsageError(`--${flag} must be a whole number, got "${v}".`);
  return Number(v);
}
