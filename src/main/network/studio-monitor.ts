import type { KeyStatus } from '../../shared/contract/keys';
import type { ProviderId } from '../../shared/catalog/types';
import { createNetworkMonitor, type NetworkMonitor } from './monitor';
import { studioProbe } from './probes';

/** Probe interval while online, ms: often enough that an outage shows within ~20 s, cheap enough to ignore. */
export const NETWORK_PROBE_INTERVAL_MS = 15_000;
/** Probe interval while offline or confirming a failed probe, ms: work resumes within seconds of the network's return. */
export const NETWORK_FAST_PROBE_INTERVAL_MS = 3_000;

/**
 * The app's network monitor: `studioProbe` (the demo is always reachable; else the keyed
 * providers' API hosts) every `NETWORK_PROBE_INTERVAL_MS`, every `NETWORK_FAST_PROBE_INTERVAL_MS`
 * while offline or confirming a failure.
 */
export function createStudioNetworkMonitor(deps: {
  /** True while new work goes to the offline demo. */
  isDemo: () => boolean;
  keys: () => KeyStatus[];
  /** The `api` base URL in effect for a provider. */
  apiUrl: (provider: ProviderId) => string;
  isOnline?: () => boolean;
  onChange: (online: boolean) => void;
}): NetworkMonitor {
  return createNetworkMonitor({
    probe: studioProbe({
      isDemo: deps.isDemo,
      urls: () => deps.keys().filter((k) => k.configured).map((k) => deps.apiUrl(k.provider)),
      isOnline: deps.isOnline,
    }),
    intervalMs: NETWORK_PROBE_INTERVAL_MS,
    fastIntervalMs: NETWORK_FAST_PROBE_INTERVAL_MS,
    onChange: deps.onChange,
  });
}
