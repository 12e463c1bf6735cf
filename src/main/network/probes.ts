import { lookup } from 'node:dns/promises';
import { connect } from 'node:net';
import type { ReachabilityProbe } from './monitor';

/** A host and TCP port to try; from a provider base URL (`https://api.novita.ai` → 443). */
export interface ProbeTarget {
  host: string;
  port: number;
}

/** Default time a single reachability check may take (DNS lookup and TCP connect together), ms. */
export const PROBE_TIMEOUT_MS = 3_000;

/**
 * The distinct hosts and ports of `urls` (http → 80, https → 443 unless the URL names a port).
 * URLs that do not parse or are not http(s) are skipped: settings already refuse them, and a
 * probe is no place to report them.
 */
export function probeTargets(urls: readonly string[]): ProbeTarget[] {
  const seen = new Map<string, ProbeTarget>();
  for (const raw of urls) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
    // `URL.hostname` keeps IPv6 literals in brackets; the resolver and `net.connect` want them bare.
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
    seen.set(`${host}:${port}`, { host, port });
  }
  return [...seen.values()];
}

/**
 * True when `target.host` resolves (system resolver, as `fetch` uses) and a TCP connection to
 * `target.port` opens within `timeoutMs` (ms, for both steps together). Sends no bytes: the socket
 * is closed as soon as it connects. Never throws.
 */
export async function tcpReachable(target: ProbeTarget, timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let address: string;
  let family: number;
  try {
    // getaddrinfo cannot be cancelled; the race only stops us waiting for it.
    const resolved = await withTimeout(lookup(target.host), timeoutMs);
    if (!resolved) return false;
    ({ address, family } = resolved);
  } catch {
    return false;
  }
  const left = deadline - Date.now();
  if (left <= 0) return false;
  return new Promise<boolean>((resolve) => {
    const socket = connect({ host: address, port: target.port, family });
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), left);
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** True as soon as any target is reachable (checked in parallel); false when all fail or there are none. */
export async function anyReachable(targets: readonly ProbeTarget[], timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
  if (targets.length === 0) return false;
  return new Promise<boolean>((resolve) => {
    let pending = targets.length;
    for (const target of targets) {
      void tcpReachable(target, timeoutMs).then((ok) => {
        pending--;
        if (ok) resolve(true);
        else if (pending === 0) resolve(false);
      });
    }
  });
}

export interface StudioProbeDeps {
  /** True while the app runs the offline demo (no provider key): calls go to the local simulator. */
  isDemo: () => boolean;
  /** Base URLs of the providers that have a key (their `api` role), e.g. from `effectiveBaseUrls`. */
  urls: () => string[];
  /** The host's own quick signal (Electron `net.isOnline()`): `false` means no network interface at all. */
  isOnline?: () => boolean;
  timeoutMs?: number;
}

/**
 * The app's reachability probe:
 * - in the offline demo, always reachable — the simulator runs on 127.0.0.1 in this process, and
 *   demo jobs never leave the machine;
 * - else, when the host says there is no network at all (`isOnline() === false`), unreachable
 *   without touching the network;
 * - else reachable when any keyed provider's host resolves and accepts a TCP connection. With a key
 *   but no usable URL there is nothing to probe, and nothing to hold back: reachable.
 */
export function studioProbe(deps: StudioProbeDeps): ReachabilityProbe {
  return async () => {
    if (deps.isDemo()) return true;
    if (deps.isOnline && !deps.isOnline()) return false;
    const targets = probeTargets(deps.urls());
    if (targets.length === 0) return true;
    return anyReachable(targets, deps.timeoutMs ?? PROBE_TIMEOUT_MS);
  };
}

/** `promise`'s value, or undefined if it takes longer than `ms`. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise<T | undefined>((resolve, reject) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    timer.unref?.();
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
