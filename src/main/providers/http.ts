import type { z } from 'zod';
import type { Phrase } from '../../shared/messages/phrase';
import { providerError } from './failure';
import { ProviderError, type ProviderContext, type ProviderFailure } from './types';

/** Default per-request timeout in ms (uploads of a 30 MB image on a slow link need the room). */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** An HTTP answer with its body parsed as JSON when it is JSON (else `body` is null; `text` keeps it). */
export interface HttpAnswer {
  status: number;
  ok: boolean;
  headers: Headers;
  body: unknown;
  text: string;
}

/** One request. `url` is absolute, or a path joined to `ctx.baseUrls.api`. */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  /** JSON-encoded when given; raw bytes go through `rawBody`. */
  json?: unknown;
  rawBody?: Uint8Array;
  /**
   * Hears how many bytes of `rawBody` have been handed to the connection so far (rises to its
   * length). Given, the body is streamed in `BODY_CHUNK_BYTES` pieces with its `Content-Length`, so
   * the count follows the socket (the connection takes a piece only when the last one has gone out).
   */
  onBodySent?: (sentBytes: number) => void;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

/** Resolves `url` against the API base unless it is already absolute. */
export function absoluteUrl(ctx: ProviderContext, url: string): string {
  return /^https?:\/\//i.test(url) ? url : `${ctx.baseUrls.api}${url.startsWith('/') ? '' : '/'}${url}`;
}

/**
 * `Retry-After` in ms: delay-seconds ("120") or an HTTP date, relative to `now` (ms since epoch).
 * Undefined when absent or unparseable; never negative (RFC 9110 §10.2.3).
 */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Sends one request with `ctx.fetch`, a timeout and `ctx.signal`. Never throws on HTTP status:
 * callers map non-2xx answers with their provider's error parser. Throws `ProviderError` kind
 * `timeout` when the timeout fires and kind `network` when the connection fails (the cause's code,
 * e.g. ECONNREFUSED, goes in `providerCode`); rethrows the caller's abort unchanged. No message
 * contains the key or headers. `provider` names the provider in messages.
 */
export async function sendRequest(ctx: ProviderContext, provider: string, req: HttpRequest): Promise<HttpAnswer> {
  const url = absoluteUrl(ctx, req.url);
  const timeout = AbortSignal.timeout(req.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout;
  const headers: Record<string, string> = { Accept: 'application/json', ...req.headers };
  let body: string | Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array> | undefined;
  if (req.json !== undefined) {
    body = JSON.stringify(req.json);
    headers['Content-Type'] = 'application/json';
  } else if (req.rawBody && req.onBodySent) {
    body = countedBody(req.rawBody, req.onBodySent);
    headers['Content-Length'] = String(req.rawBody.byteLength);
  } else if (req.rawBody) {
    // Copied so the body is backed by a plain ArrayBuffer, which is what fetch's types accept.
    body = new Uint8Array(req.rawBody);
  }
  let res: Response;
  let text: string;
  try {
    // A streamed body must say so (`duplex: 'half'`, the Fetch standard's only value).
    const init: RequestInit & { duplex?: 'half' } = { method: req.method, headers, body, signal, ...(body instanceof ReadableStream ? { duplex: 'half' } : {}) };
    res = await ctx.fetch(url, init);
    text = await res.text();
  } catch (err) {
    if (ctx.signal?.aborted) throw ctx.signal.reason ?? err;
    if (timeout.aborted) throw providerError({ kind: 'timeout', provider, apiKey: ctx.apiKey });
    const code = networkCode(err);
    throw providerError({ kind: 'network', provider, detail: `${hostOf(url)} (${code})`, providerCode: code, apiKey: ctx.apiKey });
  }
  let parsed: unknown = null;
  if (text.length > 0) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  return { status: res.status, ok: res.ok, headers: res.headers, body: parsed, text };
}

/** Piece size of a streamed upload body: 64 KiB, small enough for smooth progress, big enough to cost nothing. */
export const BODY_CHUNK_BYTES = 64 * 1024;

/** `bytes` as a stream pulled in `BODY_CHUNK_BYTES` pieces; `onSent` hears the running total as each piece is taken. */
function countedBody(bytes: Uint8Array, onSent: (sentBytes: number) => void): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset > 0) onSent(offset);
      if (offset >= bytes.byteLength) {
        controller.close();
        return;
      }
      const end = Math.min(bytes.byteLength, offset + BODY_CHUNK_BYTES);
      controller.enqueue(bytes.slice(offset, end));
      offset = end;
    },
  });
}

/** A provider's parser for non-2xx answers (e.g. `novitaFailure`); `apiKey` is redacted from its text. */
export type FailureOf = (answer: HttpAnswer, apiKey: string) => ProviderFailure;

/** `Authorization: Bearer <key>`, the scheme of Novita, EvoLink and ModelArk (providers.md, "At a glance", auth header). */
export function bearerAuth(ctx: ProviderContext): Record<string, string> {
  return { Authorization: `Bearer ${ctx.apiKey}` };
}

/**
 * `sendRequest`, then insists on a 2xx: any other answer throws `ProviderError` with
 * `failure(answer, ctx.apiKey)`, the provider's own mapping. Network/timeout errors as `sendRequest`.
 */
export async function callJson(ctx: ProviderContext, provider: string, req: HttpRequest, failure: FailureOf): Promise<HttpAnswer> {
  const answer = await sendRequest(ctx, provider, req);
  if (!answer.ok) throw new ProviderError(failure(answer, ctx.apiKey));
  return answer;
}

/**
 * `body` read with `schema`. When it does not fit, throws `ProviderError` kind `provider_error` for
 * `provider` with `detail` (e.g. "the task status could not be read"); the provider's message is
 * `providerMessage` when given (the raw answer text), else zod's account of the mismatch. Retryable
 * as `retryable` says, by default as the kind is (a misread poll is tried again).
 */
export function parseOrFail<T>(
  schema: z.ZodType<T>,
  body: unknown,
  why: { provider: string; detail: string | Phrase; providerMessage?: string; retryable?: boolean; apiKey?: string },
): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw providerError({ kind: 'provider_error', ...why, providerMessage: why.providerMessage ?? parsed.error.message });
  return parsed.data;
}

/**
 * The body of a 2xx answer read with `schema` (`parseOrFail`), for answers nothing retries: a
 * non-retryable `provider_error` with `detail` and the first 500 characters of the raw text.
 */
export function requireBody<T>(answer: HttpAnswer, schema: z.ZodType<T>, ctx: ProviderContext, provider: string, detail: string | Phrase): T {
  return parseOrFail(schema, answer.body, { provider, detail, providerMessage: answer.text.slice(0, 500), retryable: false, apiKey: ctx.apiKey });
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the server';
  }
}

/** undici wraps socket errors: `TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })`. */
function networkCode(err: unknown): string {
  const cause = (err as { cause?: { code?: unknown } })?.cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' ? code : 'connection failed';
}

/** True when `url` has the same origin as `base`; keys are only ever sent to the configured hosts. */
export function sameOrigin(url: string, base: string): boolean {
  try {
    return new URL(url).origin === new URL(base).origin;
  } catch {
    return false;
  }
}
