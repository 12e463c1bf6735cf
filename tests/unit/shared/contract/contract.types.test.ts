/**
 * Drift guards between the contract, the API the preload and harness expose, and main's handlers.
 * The `expectTypeOf` assertions are checked by `tsc -p tsconfig.json --noEmit` (and by
 * `vitest --typecheck`): adding a verb without a handler, or changing a schema without the API
 * following, fails the type check. The runtime tests exercise the real router and client.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { buildStudioApi, type StudioTransport } from '../../../../src/shared/contract/client';
import { channelName } from '../../../../src/shared/contract/define';
import {
  contract,
  type Contract,
  type Domain,
  type EventName,
  type EventPayload,
  type HandlerContext,
  type HandlerInput,
  type Handlers,
  type RequestInput,
  type RequestOutput,
  type StudioApi,
  type Verb,
} from '../../../../src/shared/contract/index';
import { StudioError, type Result } from '../../../../src/shared/contract/result';
import { createRouter } from '../../../../src/main/ipc/router';
import { said } from '../../../../src/shared/messages/phrase';
import { createMemoryLogger } from '../../../../src/main/logging/logger';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type OnName<E extends string> = `on${Capitalize<E>}`;

/** Channels whose API function's parameter is not exactly the contract's input type. */
type ParamDrift = {
  [D in Domain]: {
    [V in Verb<D>]: Equal<NonNullable<Parameters<StudioApi[D][V]>[0]>, RequestInput<D, V>> extends true ? never : `${D}:${V}`;
  }[Verb<D>];
}[Domain];
/** Channels whose API function does not answer `Promise<Result<output>>`. */
type ReturnDrift = {
  [D in Domain]: {
    [V in Verb<D>]: Equal<ReturnType<StudioApi[D][V]>, Promise<Result<RequestOutput<D, V>>>> extends true ? never : `${D}:${V}`;
  }[Verb<D>];
}[Domain];
/** API keys per domain that are neither a verb nor an `onX` event. */
type ExtraApiKeys = { [D in Domain]: Exclude<keyof StudioApi[D], Verb<D> | OnName<EventName<D>>> }[Domain];
/** Verbs and events the API is missing. */
type MissingApiKeys = { [D in Domain]: Exclude<Verb<D> | OnName<EventName<D>>, keyof StudioApi[D]> }[Domain];
/** Events whose listener payload differs from the contract's. */
type EventDrift = {
  [D in Domain]: {
    [E in EventName<D>]: StudioApi[D][OnName<E> & keyof StudioApi[D]] extends (listener: (payload: infer P) => void) => () => void
      ? Equal<P, EventPayload<D, E>> extends true
        ? never
        : `${D}:${E}`
      : `${D}:${E}`;
  }[EventName<D>];
}[Domain];
/** Verbs without a handler, or handler keys that are not verbs. */
type HandlerDrift = { [D in Domain]: Exclude<Verb<D>, keyof Handlers[D]> | Exclude<keyof Handlers[D], Verb<D>> }[Domain];
/** Handlers whose first parameter is not the parsed input. */
type HandlerInputDrift = {
  [D in Domain]: {
    [V in Verb<D>]: Equal<Parameters<Handlers[D][V]>[0], HandlerInput<D, V>> extends true ? never : `${D}:${V}`;
  }[Verb<D>];
}[Domain];

describe('contract types', () => {
  it('keeps the API, the contract and the handlers in step', () => {
    expectTypeOf<keyof StudioApi>().toEqualTypeOf<keyof Contract>();
    expectTypeOf<keyof Handlers>().toEqualTypeOf<keyof Contract>();
    expectTypeOf<ParamDrift>().toEqualTypeOf<never>();
    expectTypeOf<ReturnDrift>().toEqualTypeOf<never>();
    expectTypeOf<ExtraApiKeys>().toEqualTypeOf<never>();
    expectTypeOf<MissingApiKeys>().toEqualTypeOf<never>();
    expectTypeOf<EventDrift>().toEqualTypeOf<never>();
    expectTypeOf<HandlerDrift>().toEqualTypeOf<never>();
    expectTypeOf<HandlerInputDrift>().toEqualTypeOf<never>();
    expectTypeOf(buildStudioApi).returns.toEqualTypeOf<StudioApi>();
  });

  it('makes empty inputs optional and real inputs required', () => {
    expectTypeOf<StudioApi['app']['info']>().toBeCallableWith();
    expectTypeOf<StudioApi['app']['info']>().toBeCallableWith({});
    expectTypeOf<StudioApi['app']['openExternal']>().toBeCallableWith({ url: 'https://fal.ai/' });
    // @ts-expect-error — openExternal needs its url
    expectTypeOf<StudioApi['app']['openExternal']>().toBeCallableWith();
    expectTypeOf<StudioApi['app']['onStatus']>().parameter(0).parameter(0).toEqualTypeOf<{ online: boolean }>();
  });
});

/** Handlers for every verb of every domain, recording calls; `app` answers real values. */
function recordingHandlers(overrides: Partial<Record<string, (input: unknown, ctx: HandlerContext) => unknown>> = {}) {
  const calls: string[] = [];
  const handlers: Record<string, Record<string, (input: unknown, ctx: HandlerContext) => unknown>> = {};
  for (const [domain, def] of Object.entries(contract)) {
    handlers[domain] = {};
    for (const verb of Object.keys(def.requests)) {
      const channel = channelName(domain, verb);
      handlers[domain][verb] = (input, ctx) => {
        calls.push(channel);
        const override = overrides[channel];
        return override ? override(input, ctx) : { online: true };
      };
    }
  }
  return { calls, handlers: handlers as unknown as Handlers };
}

describe('createRouter', () => {
  const ctx: HandlerContext = { host: 'harness' };

  it('lists every contract channel', () => {
    const { handlers } = recordingHandlers();
    const router = createRouter(handlers, createMemoryLogger());
    const expected = Object.entries(contract).flatMap(([d, def]) => Object.keys(def.requests).map((v) => `${d}:${v}`));
    expect([...router.channels].sort()).toEqual(expected.sort());
    expect(router.channels).toContain('app:openExternal');
  });

  it.each([
    ['a wrong type', { url: 42 }],
    ['a missing field', {}],
    ['an extra field on a strict schema', { url: 'https://fal.ai/', path: '/etc/passwd' }],
    ['a string instead of an object', 'https://fal.ai/'],
    ['a too-long url', { url: `https://fal.ai/${'a'.repeat(3000)}` }],
  ])('refuses %s with BAD_INPUT before the handler runs', async (_label, payload) => {
    const { handlers, calls } = recordingHandlers();
    const router = createRouter(handlers, createMemoryLogger());
    const answer = await router.dispatch('app:openExternal', payload, ctx);
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.code).toBe('BAD_INPUT');
      expect(answer.error.message).toContain('app:openExternal');
    }
    expect(calls).toEqual([]);
  });

  it.each(['app:nope', 'nope:info', '__proto__', 'constructor', 'app:', ''])('answers NOT_FOUND for %j', async (channel) => {
    const { handlers, calls } = recordingHandlers();
    const answer = await createRouter(handlers, createMemoryLogger()).dispatch(channel, {}, ctx);
    expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(calls).toEqual([]);
  });

  it('passes parsed input and the context to the handler and returns its answer', async () => {
    let seen: unknown;
    let seenCtx: unknown;
    const { handlers } = recordingHandlers({
      'app:openExternal': (input, c) => {
        seen = input;
        seenCtx = c;
        return { opened: true };
      },
    });
    const answer = await createRouter(handlers, createMemoryLogger()).dispatch('app:openExternal', { url: 'https://fal.ai/' }, ctx);
    expect(answer).toEqual({ ok: true, data: { opened: true } });
    expect(seen).toEqual({ url: 'https://fal.ai/' });
    expect(seenCtx).toEqual(ctx);
  });

  it('maps a StudioError to its code, message and details', async () => {
    const { handlers } = recordingHandlers({
      'app:status': () => {
        throw new StudioError('UNAVAILABLE', 'The network is down.', { retryInMs: 5000 });
      },
    });
    const answer = await createRouter(handlers, createMemoryLogger()).dispatch('app:status', {}, ctx);
    expect(answer).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: 'The network is down.', details: { retryInMs: 5000 } } });
  });

  it('passes a StudioError built from a phrase on with that phrase, its English as the message', async () => {
    const { handlers } = recordingHandlers({
      'app:status': () => {
        throw new StudioError('NOT_FOUND', said('request.unknownChannel', { channel: 'x:y' }));
      },
    });
    const answer = await createRouter(handlers, createMemoryLogger()).dispatch('app:status', {}, ctx);
    expect(answer).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'Unknown channel "x:y".', phrase: { code: 'request.unknownChannel', values: { channel: 'x:y' } } },
    });
  });

  it('hides an unexpected error behind INTERNAL and logs it', async () => {
    const log = createMemoryLogger();
    const { handlers } = recordingHandlers({
      'app:status': () => {
        throw new Error('ENOENT /home/someone/.secret');
      },
    });
    const answer = await createRouter(handlers, log).dispatch('app:status', {}, ctx);
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.code).toBe('INTERNAL');
      expect(answer.error.message).not.toContain('.secret');
    }
    expect(log.lines.some((l) => l.event === 'ipc.handler_failed')).toBe(true);
  });

  it('refuses a handler answer that breaks the output schema', async () => {
    const { handlers } = recordingHandlers({ 'app:status': () => ({ online: 'yes' }) });
    const answer = await createRouter(handlers, createMemoryLogger()).dispatch('app:status', {}, ctx);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });

  it('refuses to build without a handler for every verb', () => {
    const { handlers } = recordingHandlers();
    const partial = { ...handlers, app: { ...handlers.app, openExternal: undefined } } as unknown as Handlers;
    expect(() => createRouter(partial, createMemoryLogger())).toThrow(/app:openExternal/);
  });
});

describe('buildStudioApi', () => {
  function routerTransport(overrides?: Parameters<typeof recordingHandlers>[0]) {
    const { handlers, calls } = recordingHandlers(overrides);
    const router = createRouter(handlers, createMemoryLogger());
    const listeners = new Map<string, Set<(payload: unknown) => void>>();
    const transport: StudioTransport = {
      invoke: (channel, input) => router.dispatch(channel, input, { host: 'harness' }),
      subscribe(channel, listener) {
        const set = listeners.get(channel) ?? new Set();
        set.add(listener);
        listeners.set(channel, set);
        return () => set.delete(listener);
      },
    };
    const emit = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((l) => l(payload));
    return { transport, calls, emit, listeners };
  }

  it('has one function per verb and one onX per event, and nothing else', () => {
    const api = buildStudioApi(routerTransport().transport) as unknown as Record<string, Record<string, unknown>>;
    expect(Object.keys(api).sort()).toEqual(Object.keys(contract).sort());
    for (const [domain, def] of Object.entries(contract)) {
      const expected = [...Object.keys(def.requests), ...Object.keys(def.events).map((e) => `on${e[0]?.toUpperCase()}${e.slice(1)}`)];
      expect(Object.keys(api[domain] ?? {}).sort()).toEqual(expected.sort());
      for (const key of expected) expect(typeof api[domain]?.[key]).toBe('function');
    }
  });

  it('carries calls through the router, sending {} for a missing input', async () => {
    const { transport, calls } = routerTransport({ 'app:openExternal': () => ({ opened: false }) });
    const api = buildStudioApi(transport);
    expect(await api.app.status()).toEqual({ ok: true, data: { online: true } });
    expect(await api.app.openExternal({ url: 'https://fal.ai/' })).toEqual({ ok: true, data: { opened: false } });
    const bad = await api.app.openExternal({ url: 7 } as unknown as { url: string });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(calls).toEqual(['app:status', 'app:openExternal']);
  });

  it('delivers events on domain:event and unsubscribes', () => {
    const { transport, emit, listeners } = routerTransport();
    const api = buildStudioApi(transport);
    const seen: unknown[] = [];
    const off = api.app.onStatus((s) => seen.push(s));
    emit('app:status', { online: false });
    off();
    emit('app:status', { online: true });
    expect(seen).toEqual([{ online: false }]);
    expect(listeners.get('app:status')?.size).toBe(0);
  });

  it('answers UNAVAILABLE instead of rejecting when the carrier fails', async () => {
    const api = buildStudioApi({
      invoke: () => Promise.reject(new Error('socket closed')),
      subscribe: () => () => undefined,
    });
    expect(await api.app.info()).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
  });
});
