/**
 * The test provider simulator: the app's offline demo provider (one local HTTP server speaking
 * Novita, fal, EvoLink and BytePlus ModelArk as providers.md describes, with real MP4 results),
 * wrapped with fault injection and request stats. Use `startSimulator` in tests and
 * `npm run sim -- --port N` by hand. Never shipped: `src/` does not import `tools/`.
 */
export { DEMO_KEYS, startSimulator } from './server';
export type { SimulatorHandle, SimulatorOptions } from './server';
export type { FailureKind, FaultConfig, FaultSet, RequestRecord, RouteKind, SimProvider, SimStats } from './types';

/** Environment variables that point the app's adapters at a simulator running at `url` (the demo's own `demoEnv`). */
export { demoEnv as simulatorEnv } from '../../src/main/demo/provider/server';
