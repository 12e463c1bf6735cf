import { findModel } from '../../../shared/catalog/models';
import type { Mode, ProviderId } from '../../../shared/catalog/types';

/** Provider names as the providers write them. */
export const PROVIDER_LABEL: Record<ProviderId, string> = { novita: 'Novita', fal: 'fal', evolink: 'EvoLink', ark: 'BytePlus ModelArk' };

/** Modes in words, long and as the short badge used on cards. */
export const MODE_LABEL: Record<Mode, { long: string; short: string }> = {
  'text-to-video': { long: 'Text to video', short: 't2v' },
  'image-to-video': { long: 'First frame to video', short: 'i2v' },
  'first-last-frame': { long: 'First and last frame', short: 'first+last' },
  'reference-to-video': { long: 'Reference to video', short: 'ref' },
};

/** The catalog's model name, or the id itself for a model this build no longer offers. */
export function modelName(modelId: string): string {
  return findModel(modelId)?.name ?? modelId;
}

/** Seconds as a clock, `m:ss.cc` (the player) — e.g. 65.5 → "1:05.50". */
export function clock(seconds: number): string {
  const s = Math.max(0, Number.isFinite(seconds) ? seconds : 0);
  const m = Math.floor(s / 60);
  const rest = s - m * 60;
  return `${m}:${rest.toFixed(2).padStart(5, '0')}`;
}

/** A clip length for cards and facts, in seconds with one decimal when needed — e.g. "5 s", "3.2 s". */
export function seconds(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded.toFixed(0) : rounded.toFixed(1)} s`;
}

/** A span of ms in words: "850 ms", "42 s", "3 min 05 s". */
export function span(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const total = Math.round(ms / 1000);
  if (total < 60) return `${total} s`;
  return `${Math.floor(total / 60)} min ${String(total % 60).padStart(2, '0')} s`;
}

const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** ms since the epoch as a local date and time. */
export function dateTime(ms: number): string {
  return DATE_TIME.format(ms);
}

/** ms since the epoch as a local date. */
export function date(ms: number): string {
  return DATE.format(ms);
}

/** Bytes for people: "812 KB", "4.2 MB". */
export function bytes(n: number): string {
  if (n < 1000) return `${n} B`;
  if (n < 1_000_000) return `${Math.round(n / 1000)} KB`;
  if (n < 1_000_000_000) return `${(n / 1_000_000).toFixed(1)} MB`;
  return `${(n / 1_000_000_000).toFixed(2)} GB`;
}

/** US dollars, with cents (or tenths of a cent below $0.10). */
export function usd(amount: number): string {
  return `$${amount < 0.1 ? amount.toFixed(3) : amount.toFixed(2)}`;
}

/** "1 clip", "1,234 clips". */
export function clipCount(n: number): string {
  return `${n.toLocaleString()} ${n === 1 ? 'clip' : 'clips'}`;
}
