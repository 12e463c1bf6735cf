import type { z } from 'zod';

/**
 * A request/response channel: the renderer sends `input`, main answers `output`.
 * Both are zod schemas; main parses `input` before any handler runs and parses `output` before
 * it leaves, so neither side ever trusts the other's shape.
 */
export interface RequestDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly kind: 'request';
  readonly input: I;
  readonly output: O;
}

/** A main → renderer event with a zod-described payload. */
export interface EventDef<P extends z.ZodType = z.ZodType> {
  readonly kind: 'event';
  readonly payload: P;
}

/** Declares a request channel. */
export function request<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): RequestDef<I, O> {
  return { kind: 'request', input, output };
}

/** Declares an event channel. */
export function event<P extends z.ZodType>(payload: P): EventDef<P> {
  return { kind: 'event', payload };
}

/** One domain's channels: verbs map to requests, and `events` names its events. */
export interface DomainDef {
  readonly requests: Readonly<Record<string, RequestDef>>;
  readonly events: Readonly<Record<string, EventDef>>;
}

/** Channel names are `domain:verb` — the one naming rule every host shares. */
export function channelName(domain: string, verb: string): string {
  return `${domain}:${verb}`;
}
