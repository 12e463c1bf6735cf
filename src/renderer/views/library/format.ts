import type { Mode, ProviderId } from '../../../shared/catalog/types';
import { i18n } from '../../i18n/index';
import { formatDate, formatDateTime, formatFixed, formatNumber, formatUsd } from '../../i18n/format';

/** Provider names as the providers write them. */
export const PROVIDER_LABEL: Record<ProviderId, string> = { novita: 'Novita', fal: 'fal', evolink: 'EvoLink', ark: 'BytePlus ModelArk' };

/** The short badge of a mode used on cards: a code, the same in every language. */
const MODE_SHORT: Record<Mode, string> = {
  'text-to-video': 't2v',
  'image-to-video': 'i2v',
  'first-last-frame': 'first+last',
  'reference-to-video': 'ref',
};

/**
 * Modes in words, long (in the UI's language: "First frame to video" / "首帧生视频") and as the
 * short badge used on cards ("i2v"). `long` is read when used, so it follows a language change.
 */
export const MODE_LABEL: Record<Mode, { readonly long: string; readonly short: string }> = Object.fromEntries(
  (Object.keys(MODE_SHORT) as Mode[]).map((mode) => [
    mode,
    {
      get long() {
        return i18n.t(`library:format.mode.${mode}`);
      },
      short: MODE_SHORT[mode],
    },
  ]),
) as Record<Mode, { readonly long: string; readonly short: string }>;

/** Seconds as a clock, `m:ss.cc` (the player) — e.g. 65.5 → "1:05.50". */
export function clock(seconds: number): string {
  const s = Math.max(0, Number.isFinite(seconds) ? seconds : 0);
  const m = Math.floor(s / 60);
  const rest = s - m * 60;
  return `${m}:${rest.toFixed(2).padStart(5, '0')}`;
}

/** A number of seconds already written as digits, with the unit: "5.0" → "5.0 s" / "5.0 秒". */
export function secondsText(digits: string): string {
  return i18n.t('library:format.seconds', { value: digits });
}

/** A clip length for cards and facts, in seconds with one decimal when needed — e.g. "5 s", "3.2 s" / "3.2 秒". */
export function seconds(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return secondsText(Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1));
}

/** A span of ms in words: "850 ms", "42 s", "3 min 05 s" / "850 毫秒", "42 秒", "3 分 05 秒". */
export function span(ms: number): string {
  if (ms < 1000) return i18n.t('library:format.milliseconds', { value: Math.round(ms) });
  const total = Math.round(ms / 1000);
  if (total < 60) return secondsText(String(total));
  return i18n.t('library:format.minutesSeconds', { minutes: Math.floor(total / 60), seconds: String(total % 60).padStart(2, '0') });
}

/** ms since the epoch as a local date and time: "Dec 2, 2026, 4:05 PM" / "2026年12月2日 16:05". */
export function dateTime(ms: number): string {
  return formatDateTime(ms);
}

/** ms since the epoch as a local date: "Dec 2, 2026" / "2026年12月2日". */
export function date(ms: number): string {
  return formatDate(ms);
}

/** Bytes for people: "812 KB", "4.2 MB" (decimal units; the units read the same in Chinese). */
export function bytes(n: number): string {
  if (n < 1000) return `${n} B`;
  if (n < 1_000_000) return `${Math.round(n / 1000)} KB`;
  if (n < 1_000_000_000) return `${formatFixed(n / 1_000_000, 1)} MB`;
  return `${formatFixed(n / 1_000_000_000, 2)} GB`;
}

/** US dollars, with cents (or tenths of a cent below $0.10): "$0.26", "$0.075" / "US$0.26". */
export function usd(amount: number): string {
  return formatUsd(amount, amount < 0.1 ? 3 : 2);
}

/** "1 clip", "1,234 clips" / "1,234 个视频". */
export function clipCount(n: number): string {
  return i18n.t('library:format.clipCount', { count: n, n: formatNumber(n) });
}
