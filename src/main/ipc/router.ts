import type { z } from 'zod';
import { channelName, type RequestDef } from '../../shared/contract/define';
import { contract, type HandlerContext, type Handlers } from '../../shared/contract/index';
import { errorShape, StudioError, type Result, type StudioErrorShape } from '../../shared/contract/result';
import { said, type PhraseCode, type PhraseValue } from '../../shared/messages/phrase';
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
    if (!route) return { ok: false, error: refusal('NOT_FOUND', 'request.unknownChannel', { channel: String(channel).slice(0, 80) }) };
    const parsed = route.def.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      return { ok: false, error: refusal('BAD_INPUT', 'request.badShape', { channel, issues: describeIssues(parsed.error) }) };
    }
    try {
      const answer = await route.handler(parsed.data, ctx);
      const out = route.def.output.safeParse(answer);
      if (!out.success) {
        log.error('ipc.output_invalid', { channel, issues: describeIssues(out.error) });
        return { ok: false, error: refusal('INTERNAL', 'request.badAnswer', { channel }) };
      }
      return { ok: true, data: out.data };
    } catch (err) {
      if (err instanceof StudioError) return { ok: false, error: errorShape(err) };
      log.error('ipc.handler_failed', { channel, error: err });
      return { ok: false, error: refusal('INTERNAL', 'request.failed', { channel }) };
    }
  }

  return { dispatch, channels: [...routes.keys()] };
}

function refusal(code: StudioErrorShape['code'], phraseCode: PhraseCode, values: Record<string, PhraseValue>): StudioErrorShape {
  return { code, ...said(phraseCode, values) };
}

// zod's own wording stays as it is (in English) inside the sentence: it names fields of the
// contract, for whoever reads the log or reports the bug, not words a creator needs translated.
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}
