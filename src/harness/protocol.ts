import { z } from 'zod';
import type { Result } from '../shared/contract/result';

/**
 * The harness's WebSocket protocol, the browser stand-in for Electron's `invoke`/`send`.
 * Page → harness: one request. Harness → page: the answer with the same `id`, or an event.
 * JSON text frames only.
 */
export const RequestMessage = z
  .object({
    id: z.number().int().nonnegative(),
    channel: z.string().max(200),
    input: z.unknown(),
  })
  .strict();
export type RequestMessage = z.infer<typeof RequestMessage>;

export interface AnswerMessage {
  id: number;
  result: Result<unknown>;
}

export interface EventMessage {
  event: string;
  payload: unknown;
}

/** What the page accepts from the harness; anything else is dropped. */
export const ServerMessage = z.union([
  z.object({ id: z.number().int().nonnegative(), result: z.object({ ok: z.boolean() }).passthrough() }),
  z.object({ event: z.string(), payload: z.unknown() }),
]);

/** WebSocket close code for a refused connection (bad token or foreign origin), RFC 6455 §7.4.1. */
export const CLOSE_POLICY_VIOLATION = 1008;
