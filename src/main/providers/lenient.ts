import { z } from 'zod';

/**
 * Zod pieces for reading provider answers leniently where the docs are unsure (providers.md:
 * "lenient when reading"): numbers that may arrive as strings, and fields that may be null.
 */
export const numberish = z.union([z.number(), z.string()]).nullish();

/** A finite number from a number or numeric string, else undefined. */
export function toNumber(v: number | string | null | undefined): number | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** Drops `undefined` values so request bodies only carry what was set. */
export function compact(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

/** The seed to send: undefined for "random" (−1 or absent), which every provider treats as its default. */
export function seedToSend(seed: number | undefined): number | undefined {
  return seed === undefined || seed === -1 ? undefined : seed;
}

/** Documented 24 h lifetime of a result URL (EvoLink, ModelArk), counted from when success is observed. */
export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How long ByteDance's Seedance service keeps a task before it ends it `expired`: the default of
 * `execution_expires_after`, 172,800 s (providers.md: ModelArk body and Novita 1.5 Pro body, both
 * "3600 … 259200, default 172800"). The app never sends that field, so every task it makes has this
 * lifetime upstream. Providers that document no expiry of their own (Novita V1, fal, EvoLink) pass
 * the task to the same service, so it is the bound for them too.
 */
export const UPSTREAM_TASK_LIFETIME_MS = 172_800 * 1000;
