import { channelName } from './define';
import { contract, onName, type StudioApi } from './index';
import type { Result } from './result';

/**
 * How a host carries the contract to main: Electron's `ipcRenderer` in the preload, a WebSocket in
 * the browser harness. Channels are `domain:verb` for requests and `domain:event` for events
 * (a domain may have a verb and an event of the same name, e.g. `app:status`; transports must keep
 * requests and events apart, as `invoke` and `on` do in Electron).
 */
export interface StudioTransport {
  /** Sends one request and resolves with main's answer. May reject if the carrier itself fails. */
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  /** Calls `listener` with each payload main emits on `channel`; returns an unsubscribe function. */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
}

/**
 * Builds `window.studio` from the contract over `transport`, so the preload and the harness's
 * browser bridge expose the identical shape: per domain, one async function per verb and one
 * `onX(listener)` per event. A missing input is sent as `{}`. The functions never reject: a
 * carrier failure (closed socket, destroyed window) answers `{ ok: false, error: UNAVAILABLE }`.
 */
export function buildStudioApi(transport: StudioTransport): StudioApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const [domain, def] of Object.entries(contract)) {
    const functions: Record<string, unknown> = {};
    for (const verb of Object.keys(def.requests)) {
      const channel = channelName(domain, verb);
      functions[verb] = async (input?: unknown): Promise<Result<unknown>> => {
        try {
          return await transport.invoke(channel, input === undefined ? {} : input);
        } catch {
          return { ok: false, error: { code: 'UNAVAILABLE', message: `The app's main process did not answer ${channel}.` } };
        }
      };
    }
    for (const name of Object.keys(def.events)) {
      const channel = channelName(domain, name);
      functions[onName(name)] = (listener: (payload: unknown) => void) => transport.subscribe(channel, listener);
    }
    api[domain] = functions;
  }
  // The loops above produce exactly the mapped type's keys; the type test checks the shape.
  return api as unknown as StudioApi;
}
