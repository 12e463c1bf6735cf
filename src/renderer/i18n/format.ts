import { currentLocale } from './index';
import type { Locale } from '../../shared/i18n/locale';

/*
 * Numbers, money and dates in the UI's language (issue 14, "Languages"). English output keeps the
 * app's established forms ("1,234", "$0.26", "Dec 2, 2026, 4:05 PM"); Simplified Chinese gets
 * Intl's zh-CN forms ("US$0.26", "2026年12月2日 16:05"). Intl formatters are costly to build, so
 * each is made once per language.
 */

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: Locale, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `n:${locale}:${key}`;
  let format = cache.get(id) as Intl.NumberFormat | undefined;
  if (!format) cache.set(id, (format = new Intl.NumberFormat(locale, options)));
  return format;
}

function dateFormat(locale: Locale, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `d:${locale}:${key}`;
  let format = cache.get(id) as Intl.DateTimeFormat | undefined;
  if (!format) cache.set(id, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/** A number with the language's grouping, at most `maxFractionDigits` decimals (default 0): 1234.5 → "1,235". */
export function formatNumber(value: number, maxFractionDigits = 0): string {
  return numberFormat(currentLocale(), `max${maxFractionDigits}`, { maximumFractionDigits: maxFractionDigits }).format(value);
}

/** A number with exactly `digits` decimals: (3.2, 1) → "3.2"; (5, 1) → "5.0". */
export function formatFixed(value: number, digits: number): string {
  return numberFormat(currentLocale(), `fixed${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** US dollars (every provider bills in USD) with `digits` decimals (default 2): "$0.26" / "US$0.26". */
export function formatUsd(amount: number, digits = 2): string {
  return numberFormat(currentLocale(), `usd${digits}`, {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount);
}

/** A percentage of a ratio 0–1, whole percent: 0.25 → "25%". */
export function formatPercent(ratio: number): string {
  return numberFormat(currentLocale(), 'percent', { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

/** ms since the epoch as a local date and time: "Dec 2, 2026, 4:05 PM" / "2026年12月2日 16:05". */
export function formatDateTime(ms: number): string {
  return dateFormat(currentLocale(), 'dateTime', { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
}

/** ms since the epoch as a local date: "Dec 2, 2026" / "2026年12月2日". */
export function formatDate(ms: number): string {
  return dateFormat(currentLocale(), 'date', { dateStyle: 'medium' }).format(ms);
}

/** ms since the epoch as a local time of day: "4:05 PM" / "16:05". */
export function formatTime(ms: number): string {
  return dateFormat(currentLocale(), 'time', { timeStyle: 'short' }).format(ms);
}

/** Items in a list joined the language's way: ["a", "b", "c"] → "a, b, and c" / "a、b和c". */
export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat(currentLocale(), { style: 'long', type: 'conjunction' }).format(items);
}
