import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterFor, baseUrlsFromEnv } from '../../../src/main/providers/registry';
import { ProviderError, type ProviderContext } from '../../../src/main/providers/types';
import { findModel } from '../../../src/shared/catalog/models';
import { paramsSchema } from '../../../src/shared/catalog/params';
import type { ModelEntry, ProviderId } from '../../../src/shared/catalog/types';
import { jobErrorOf } from '../../../src/main/jobs/failures';
import { DEMO_KEYS, simulatorEnv, startSimulator, type SimulatorHandle } from '../../../tools/provider-sim/index';
import { removeTempDirs, tempDir } from '../provider-sim/sim-helpers';

// A model the provider no longer runs, as each provider's simulator answers it (ModelArk 404
// InvalidEndpointOrModel.NotFound, fal 404 "Application not found", EvoLink 403
// model_access_denied, Novita 404): the adapter's submit turns it into a plain message naming the model.

let sim: SimulatorHandle;
beforeAll(async () => {
  sim = await startSimulator({ dataDir: tempDir('model-refusal'), timeScale: 0.1 });
});
afterAll(async () => {
  await sim?.close();
  removeTempDirs();
});

const ctx = (provider: ProviderId): ProviderContext => ({ apiKey: DEMO_KEYS[provider], baseUrls: baseUrlsFromEnv(provider, simulatorEnv(sim.url)), fetch: globalThis.fetch });

/** A text-to-video row of `provider` whose provider-side model id has gone away. */
const ROWS: Record<ProviderId, { id: string; gone: string }> = {
  ark: { id: 'ark/dreamina-seedance-2-0-260128', gone: 'seedance-0-9-pro-240101' },
  fal: { id: 'fal/fal-ai/bytedance/seedance/v1/pro/text-to-video', gone: 'fal-ai/bytedance/seedance/v0.9/pro/text-to-video' },
  evolink: { id: 'evolink/seedance-2.0-text-to-video', gone: 'seedance-0.9-text-to-video' },
  novita: { id: 'novita/seedance-v1-pro-t2v', gone: 'seedance-v0.9-pro-t2v' },
};

describe.each(Object.keys(ROWS) as ProviderId[])('%s: a model the provider does not run', (provider) => {
  it('is refused at submit with a plain, non-retryable message naming the model and a fix to pick another', async () => {
    const row = findModel(ROWS[provider].id)!;
    const entry: ModelEntry = { ...row, model: ROWS[provider].gone };
    const params = paramsSchema(entry).parse({ modelId: entry.id, prompt: 'a kite over the dunes', resolution: '480p', duration: 5 });
    const adapter = adapterFor(provider);
    const err = await adapter.submit(await adapter.prepare({ entry, params, images: {} }, ctx(provider)), ctx(provider)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderError);
    const failure = (err as ProviderError).failure;
    expect(failure).toMatchObject({ kind: 'invalid_input', retryable: false, modelUnavailable: true });
    expect(failure.message).toContain(`the model ${ROWS[provider].gone}`);
    expect(failure.message).toMatch(/does not exist or is no longer offered|is not open to this account/);
    expect(failure.providerCode ?? failure.providerMessage).toBeTruthy();
    expect(jobErrorOf(failure).fix).toMatch(/^Pick another model in Compose/);
  });
});
