import type { z } from 'zod';
import { channelName, type RequestDef } from '../../shared/contract/define';
import { contract, type HandlerContext, type Handlers } from '../../shared/contract/index';
import { StudioError, type Result } from '../../shared/contract/result';
import type { Logger } from '../logging/logger';

/** Dispatches one raw renderer message to its handler. Hosts call it after their sender check. */
export interface Router {
  /**
   * Parses `rawInput` with the channel's input schema, runs the handler, parses its answer with the
   * output schema. Never throws: every failure is an `{ ok: false, error }` — `NOT_FOUND` for an
   * unknown channel, `BAD_INPUT` when the payload fails the schema (the handler never runs),
   * the handler's own `StudioError` code, or `INTERNAL` for anything else (details only in the log).
   */
  dispatch(channel: string, rawInput: unknown, ctx: HandlerContext): Promise<Result<unknown>>;
  /** Every request channel name, `domain:verb`. */
  readonly channels: readonly string[];
}

interface Route {
  def: RequestDef;
  handler: (input: unknown, ctx: HandlerContext) => unknown;
}

/** Builds the router from the contract and one handler per verb (the type makes a missing one an error). */
export function createRouter(handlers: Handlers, log: Logger): Router {
  const routes = new Map<string, Route>();
  for (const [domain, def] of Object.entries(contract)) {
    const domainHandlers = (handlers as unknown as Record<string, Record<string, Route['handler']>>)[domain];
    for (const [verb, reqDef] of Object.entries(def.requests)) {
      const handler = domainHandlers?.[verb];
      if (typeof handler !== 'function') throw new Error(`No handler for ${channelName(domain, verb)}`);
      routes.set(channelName(domain, verb), { def: reqDef as RequestDef, handler });
    }
  }

  async function dispatch(channel: string, rawInput: unknown, ctx: HandlerContext): Promise<Result<unknown>> {
    const route = routes.get(channel);
    if (!route) return { ok: false, error: { code: 'NOT_FOUND', message: `Unknown channel "${String(channel).slice(0, 80)}".` } };
    const parsed = route.def.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'BAD_INPUT', message: describeIssues(channel, parsed.error) } };
    }
    try {
      const answer = await route.handler(parsed.data, ctx);
      const out = route.def.output.safeParse(answer);
      if (!out.success) {
        log.error('ipc.output_invalid', { channel, issues: describeIssues(channel, out.error) });
        return { ok: false, error: { code: 'INTERNAL', message: `The app produced an unexpected answer for ${channel}.` } };
      }
      return { ok: true, data: out.data };
    } catch (err) {
      if (err instanceof StudioError) {
        return { ok: false, error: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) } };
      }
      log.error('ipc.handler_failed', { channel, error: err });
      return { ok: false, error: { code: 'INTERNAL', message: `Something went wrong handling ${channel}; the log has details.` } };
    }
  }

  return { dispatch, channels: [...routes.keys()] };
}

function describeIssues(channel: string, error: z.ZodError): string {
  const first = error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  return `Invalid message for ${channel}: ${first.join('; ')}`;
}
