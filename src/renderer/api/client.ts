import type { StudioBridge, StudioFiles } from '../../shared/contract/files';
import { contract, onName, type Domain, type EventName, type EventPayload, type RequestOutput, type StudioApi, type Verb } from '../../shared/contract/index';
import type { ErrorCode, Result } from '../../shared/contract/result';
import type { Phrase } from '../../shared/messages/phrase';
import { i18n } from '../i18n/index';
import { phraseText } from '../i18n/phrase';

/**
 * A failed request as the renderer sees it: the contract's error code (`BAD_INPUT`, `NOT_FOUND`,
 * `UNAVAILABLE`, …), a message fit to show a person (English), the same sentence as a phrase when
 * main sent one (shown in the UI's language by `describeError`), plus optional details from main.
 */
export class StudioClientError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly phrase?: Phrase,
  ) {
    super(message);
    this.name = 'StudioClientError';
  }
}

type OnName<E extends string> = `on${Capitalize<E>}`;
type ApiMethod<D extends Domain, V extends Verb<D>> = StudioApi[D][V] extends (...args: infer A) => unknown ? A : never;

/**
 * `window.studio` with every answer unwrapped: a request resolves to its data or rejects with a
 * `StudioClientError`; event subscriptions are passed through (they return an unsubscribe).
 * `files.grant` never rejects: null means "no grant, send the bytes" (see `StudioFiles`).
 */
export type StudioClient = {
  [D in Domain]: {
    [V in Verb<D>]: (...args: ApiMethod<D, V>) => Promise<RequestOutput<D, V>>;
  } & {
    [E in EventName<D> as OnName<E>]: (listener: (payload: EventPayload<D, E>) => void) => () => void;
  };
} & { files: StudioFiles };

/** Returns the data of an ok Result, or throws its error as a `StudioClientError`. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.data;
  throw new StudioClientError(result.error.code, result.error.message, result.error.details, result.error.phrase);
}

/**
 * Wraps a `StudioApi` (the preload's or the harness bridge's) into a `StudioClient`. The domains
 * and verbs come from the contract, so a domain added there appears here without edits. A domain
 * the bridge does not carry rejects with `UNAVAILABLE` instead of crashing the view that asked;
 * without `files` (or when its grant throws) every grant is null, so files go as bytes.
 */
export function createStudioClient(api: StudioApi & Partial<Pick<StudioBridge, 'files'>>): StudioClient {
  const client: Record<string, Record<string, unknown>> = {};
  for (const [domain, def] of Object.entries(contract)) {
    const side = (api as unknown as Record<string, Record<string, (...args: unknown[]) => unknown> | undefined>)[domain];
    const wrapped: Record<string, unknown> = {};
    for (const verb of Object.keys(def.requests)) {
      wrapped[verb] = async (...args: unknown[]) => {
        const fn = side?.[verb];
        if (typeof fn !== 'function') throw new StudioClientError('UNAVAILABLE', i18n.t('common:cannotReach', { channel: `${domain}:${verb}` }));
        return unwrap((await fn(...args)) as Result<unknown>);
      };
    }
    for (const event of Object.keys(def.events)) {
      const name = onName(event);
      wrapped[name] = (listener: (payload: unknown) => void) => {
        const subscribe = side?.[name];
        // No bridge for this event means it never fires; an inert unsubscribe keeps callers simple.
        return typeof subscribe === 'function' ? subscribe(listener) : () => undefined;
      };
    }
    client[domain] = wrapped;
  }
  const files: StudioFiles = {
    grant: async (file) => {
      try {
        return (await api.files?.grant(file)) ?? null;
      } catch {
        return null;
      }
    },
  };
  // The loops above produce exactly the mapped type's keys.
  return { ...(client as unknown as Omit<StudioClient, 'files'>), files };
}

/** A message for any error a request may reject with, for status lines and inline errors, in the UI's language where main gave a phrase. */
export function describeError(err: unknown): string {
  if (err instanceof StudioClientError) return phraseText(err.phrase, err.message);
  if (err instanceof Error) return err.message;
  return String(err);
}
