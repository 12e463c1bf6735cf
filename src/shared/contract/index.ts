import type { z } from 'zod';
import type { DomainDef, EventDef, RequestDef } from './define';
import type { Result } from './result';
import { appDomain } from './app';
import { libraryDomain } from './library';
import { keysDomain } from './keys';
import { settingsDomain } from './settings';
import { imagesDomain } from './images';
import { jobsDomain } from './jobs';
import { modelsDomain } from './models';
import { draftsDomain } from './drafts';
import { mediaDomain } from './media';
import { spendDomain } from './spend';
import { promptsDomain } from './prompts';

/**
 * The one IPC contract: every channel the renderer can call and every event main sends, grouped
 * by domain. Channel names are `domain:verb` (see `channelName`). Adding a feature is: schema
 * here → handler in main → call in the renderer; the preload and both hosts follow by themselves.
 */
export const contract = {
  app: appDomain,
  library: libraryDomain,
  keys: keysDomain,
  settings: settingsDomain,
  images: imagesDomain,
  jobs: jobsDomain,
  models: modelsDomain,
  drafts: draftsDomain,
  media: mediaDomain,
  spend: spendDomain,
  prompts: promptsDomain,
} as const satisfies Record<string, DomainDef>;

export type Contract = typeof contract;
export type Domain = keyof Contract;
export type Verb<D extends Domain> = keyof Contract[D]['requests'] & string;
export type EventName<D extends Domain> = keyof Contract[D]['events'] & string;

type Req<D extends Domain, V extends Verb<D>> = Contract[D]['requests'][V] extends RequestDef<infer I, infer O>
  ? { input: I; output: O }
  : never;
type Evt<D extends Domain, E extends EventName<D>> = Contract[D]['events'][E] extends EventDef<infer P> ? P : never;

/** What the renderer passes (before parsing: defaults may be omitted). */
export type RequestInput<D extends Domain, V extends Verb<D>> = z.input<Req<D, V>['input']>;
/** What the renderer receives (after main parsed it). */
export type RequestOutput<D extends Domain, V extends Verb<D>> = z.output<Req<D, V>['output']>;
/** What a handler receives: parsed input, defaults filled. */
export type HandlerInput<D extends Domain, V extends Verb<D>> = z.output<Req<D, V>['input']>;
/** What a handler may return: anything the output schema accepts. */
export type HandlerOutput<D extends Domain, V extends Verb<D>> = z.input<Req<D, V>['output']>;
export type EventPayload<D extends Domain, E extends EventName<D>> = z.output<Evt<D, E>>;

// The input is optional when `{}` is a valid one (zod's empty object infers `Record<string, never>`,
// which `object` does not extend but `{}` does).
type Args<T> = Record<never, never> extends T ? [input?: T] : [input: T];
type OnName<E extends string> = `on${Capitalize<E>}`;

/** `window.studio`: per domain, one named async function per verb and one `onX` per event. */
export type StudioApi = {
  [D in Domain]: {
    [V in Verb<D>]: (...args: Args<RequestInput<D, V>>) => Promise<Result<RequestOutput<D, V>>>;
  } & {
    [E in EventName<D> as OnName<E>]: (listener: (payload: EventPayload<D, E>) => void) => () => void;
  };
};

/** Facts about the caller that handlers may need (the host fills it after the sender check). */
export interface HandlerContext {
  /** Which host carried the call. */
  readonly host: 'electron' | 'harness' | 'cli';
}

/** Main's side: one function per verb of every domain. The type test fails if one is missing. */
export type Handlers = {
  [D in Domain]: {
    [V in Verb<D>]: (input: HandlerInput<D, V>, ctx: HandlerContext) => Promise<HandlerOutput<D, V>> | HandlerOutput<D, V>;
  };
};

/** Every event name as `domain:event`, for hosts that forward events. */
export function onName(event: string): string {
  return `on${event.charAt(0).toUpperCase()}${event.slice(1)}`;
}

export { channelName } from './define';
export type { Result } from './result';
