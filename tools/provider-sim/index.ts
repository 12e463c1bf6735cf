/**
 * The offline provider simulator: one local HTTP server speaking Novita, fal, EvoLink and
 * BytePlus ModelArk as providers.md describes, with real MP4 results and fault injection.
 * Use `startSimulator` in tests and `npm run sim -- --port N` by hand.
 */
import { DEMO_KEYS } from './server';

export { DEMO_KEYS, startSimulator } from './server';
export type { SimulatorHandle, SimulatorOptions } from './server';
export type { FailureKind, FaultConfig, FaultSet, RequestRecord, RouteKind, SimProvider, SimStats } from './types';

/**
 * Environment variables that point the app's adapters at a simulator running at `url`
 * (`http://127.0.0.1:<port>`): the six base URLs (providers.md "base URL", one path prefix per
 * provider role) and the demo keys the simulator accepts by default (`DEMO_KEYS`).
 */
export function simulatorEnv(url: string): Record<string, string> {
  const u = url.replace(/\/+$/, '');
  return {
    NOVITA_BASE_URL: `${u}/novita`,
    FAL_QUEUE_BASE_URL: `${u}/fal-queue`,
    FAL_REST_BASE_URL: `${u}/fal-rest`,
    EVOLINK_BASE_URL: `${u}/evolink`,
    EVOLINK_FILES_BASE_URL: `${u}/evolink-files`,
    ARK_BASE_URL: `${u}/ark/api/v3`,
    NOVITA_API_KEY: DEMO_KEYS.novita,
    FAL_KEY: DEMO_KEYS.fal,
    EVOLINK_API_KEY: DEMO_KEYS.evolink,
    ARK_API_KEY: DEMO_KEYS.ark,
  };
}
