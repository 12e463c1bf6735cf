import type { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DemoServerHooks, DownloadShape } from '../../src/main/demo/provider/types';
import type { FailureKind, FaultConfig, FaultSet, RouteKind, SimProvider } from './types';

/** Routes the request faults hit unless a rule names its own: every API call, not file downloads. */
const API_ROUTES: readonly RouteKind[] = ['submit', 'status', 'result', 'cancel', 'list', 'upload', 'upload-put', 'other'];

/** A fault that answers a request instead of its route. */
export type RequestFault = NonNullable<ReturnType<NonNullable<DemoServerHooks['answer']>>>;

/**
 * The fault configuration in force and the use counts of its counted rules.
 * A provider's own rule wins over the global one; counters reset whenever the config is replaced.
 */
export class Faults {
  private config: FaultConfig = {};
  private used = new WeakMap<object, number>();

  constructor(config?: FaultConfig) {
    if (config) this.set(config);
  }

  set(config: FaultConfig): void {
    this.config = structuredClone(config);
    this.used = new WeakMap();
  }

  private rule<K extends keyof FaultSet>(provider: SimProvider, key: K): FaultSet[K] | undefined {
    return this.config[provider]?.[key] ?? this.config.global?.[key];
  }

  /** Consumes one use of a counted rule; false once its `times` are spent. */
  private take(rule: { times?: number }): boolean {
    const n = this.used.get(rule) ?? 0;
    if (rule.times !== undefined && n >= rule.times) return false;
    this.used.set(rule, n + 1);
    return true;
  }

  /** The fault (if any) that answers this API request: rate limit, then 5xx, then malformed JSON. */
  forRequest(provider: SimProvider, route: RouteKind): RequestFault | null {
    const hits = (r: { routes?: RouteKind[] } | undefined) => !!r && (r.routes ?? API_ROUTES).includes(route);
    const rl = this.rule(provider, 'rateLimit');
    if (rl && hits(rl) && this.take(rl)) return { kind: 'rateLimit', retryAfterSeconds: rl.retryAfterSeconds ?? 2 };
    const se = this.rule(provider, 'serverError');
    if (se && hits(se) && this.take(se)) return { kind: 'serverError', status: se.status ?? 500 };
    const mj = this.rule(provider, 'malformedJson');
    if (mj && hits(mj) && this.take(mj)) return { kind: 'malformedJson' };
    return null;
  }

  /** How long this API request's answer waits after its handler ran, ms (0: not at all). */
  answerDelayMs(provider: SimProvider, route: RouteKind): number {
    const rule = this.rule(provider, 'slowAnswer');
    return rule && (rule.routes ?? API_ROUTES).includes(route) && this.take(rule) ? rule.ms : 0;
  }

  /** Throttle or cut-off for one result download (a cut wins: the body never completes anyway). */
  forDownload(provider: SimProvider): DownloadShape | null {
    const slow = this.rule(provider, 'slowDownload');
    const bytesPerSecond = slow && this.take(slow) ? slow.bytesPerSecond : undefined;
    const cut = this.rule(provider, 'cutDownload');
    const cutAfterBytes = cut && this.take(cut) ? cut.afterBytes : undefined;
    if (bytesPerSecond === undefined && cutAfterBytes === undefined) return null;
    return {
      label: cutAfterBytes !== undefined ? 'cutDownload' : 'slowDownload',
      send: (body, res) => sendShaped(body, res, bytesPerSecond, cutAfterBytes),
    };
  }

  /** How much older than they are drafts count when a final names them, ms. */
  draftAgeMs(provider: SimProvider): number {
    return (this.rule(provider, 'draftAgeDays') ?? 0) * 24 * 3600 * 1000;
  }

  /** Fates decided at submit: failure kind, never finishing, result TTL override (seconds). */
  forSubmit(provider: SimProvider): { failure?: FailureKind; neverFinish: boolean; ttlSeconds?: number } {
    const fail = this.rule(provider, 'failTask');
    const never = this.rule(provider, 'neverFinish');
    return {
      failure: fail && this.take(fail) ? fail.kind : undefined,
      neverFinish: !!never && this.take(never),
      ttlSeconds: this.rule(provider, 'resultTtlSeconds'),
    };
  }
}

/**
 * Sends `body` throttled to `bytesPerSecond` (10 slices a second) and, like a CDN dropping the
 * connection mid-body, destroys the socket after `cutAfterBytes` bytes: the client sees fewer bytes
 * than Content-Length.
 */
async function sendShaped(body: Readable, res: ServerResponse, bytesPerSecond: number | undefined, cutAfterBytes: number | undefined): Promise<void> {
  let sent = 0;
  const slice = bytesPerSecond ? Math.max(1, Math.floor(bytesPerSecond / 10)) : Infinity;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      let buf = chunk;
      while (buf.length > 0) {
        if (res.destroyed) return;
        let n = Math.min(buf.length, slice);
        if (cutAfterBytes !== undefined) n = Math.min(n, cutAfterBytes - sent);
        if (n <= 0) {
          res.socket?.destroy();
          return;
        }
        const ok = res.write(buf.subarray(0, n));
        sent += n;
        buf = buf.subarray(n);
        // 'close' too: a client that hangs up never drains.
        if (!ok) await new Promise<void>((r) => res.once('drain', r).once('close', r));
        if (bytesPerSecond) await sleep(100);
      }
    }
    res.end();
  } finally {
    body.destroy();
  }
}
