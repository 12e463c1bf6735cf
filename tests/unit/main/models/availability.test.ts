import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSessionOnlyCrypto } from '../../../../src/main/keys/crypto';
import { createKeyVault, type KeyVault } from '../../../../src/main/keys/vault';
import { createMemoryLogger } from '../../../../src/main/logging/logger';
import { defaultModelId, listModels } from '../../../../src/main/models/availability';
import { createModelHandlers, watchModels } from '../../../../src/main/models/handlers';
import { CATALOG } from '../../../../src/shared/catalog/models';
import { ModelList } from '../../../../src/shared/contract/models';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'models-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const vault = (env: Record<string, string | undefined> = {}): KeyVault =>
  createKeyVault({ dir, crypto: createSessionOnlyCrypto(), env, log: createMemoryLogger() });
const ctx = { host: 'harness' } as const;

describe('models:list availability', () => {
  it('offers every model, labelled demo, when no provider has a key', async () => {
    const list = await createModelHandlers(vault()).list({}, ctx);
    expect(ModelList.parse(list)).toEqual(list);
    expect(list.demo).toBe(true);
    expect(list.models.map((m) => m.id)).toEqual(CATALOG.map((m) => m.id));
    // Every model but the retired ones (never offered for new jobs, demo or not).
    for (const m of list.models) {
      if (m.status?.state === 'retired') expect([m.id, m.available, m.unavailableReason]).toEqual([m.id, false, expect.stringMatching(/was retired on/)]);
      else expect([m.id, m.available, m.unavailableReason]).toEqual([m.id, true, undefined]);
    }
  });

  it('with a key from the environment, offers that provider’s models only and says why the others are not', async () => {
    const list = await createModelHandlers(vault({ FAL_KEY: 'fal-key-0123456789abcdef' })).list({}, ctx);
    expect(list.demo).toBe(false);
    for (const m of list.models) {
      expect(m.available).toBe(m.provider === 'fal');
      if (m.status?.state === 'retired') expect(m.unavailableReason).toMatch(/was retired on/);
      else if (m.provider !== 'fal') expect(m.unavailableReason).toMatch(/^No API key for (Novita|EvoLink|BytePlus ModelArk)\. Add one in Settings → Providers\.$/);
    }
    expect(list.models.filter((m) => m.available).length).toBe(CATALOG.filter((m) => m.provider === 'fal').length);
    // A fresh draft starts on the first available image-to-video model.
    expect(defaultModelId(ModelList.parse(list))).toBe('fal/fal-ai/bytedance/seedance/v1/pro/image-to-video');
  });

  it('follows key changes: models:changed carries the new list after a set and a remove', () => {
    const keys = vault();
    const seen: ModelList[] = [];
    const off = watchModels(keys, (list) => seen.push(list));
    keys.set('novita', 'sk_novita_0123456789abcdef', 'session');
    expect(seen).toHaveLength(1);
    expect(seen[0]?.demo).toBe(false);
    expect(seen[0]?.models.filter((m) => m.available).map((m) => m.provider)).toEqual(CATALOG.filter((m) => m.provider === 'novita').map(() => 'novita'));
    keys.remove('novita');
    expect(seen).toHaveLength(2);
    expect(seen[1]?.demo).toBe(true);
    expect(seen[1]?.models.every((m) => m.available || m.status?.state === 'retired')).toBe(true);
    off();
    keys.set('ark', 'ark_key_0123456789abcdef', 'session');
    expect(seen).toHaveLength(2);
  });

  it('passes on the vault’s own words for a key that must be entered again', () => {
    const list = listModels(CATALOG, [
      { provider: 'novita', source: 'stored', configured: false, last4: null, backend: null, status: 'backend_changed', envVar: 'NOVITA_API_KEY', message: 'The key was stored with another keyring. Enter it again.' },
      { provider: 'fal', source: 'environment', configured: true, last4: 'cdef', backend: null, status: 'ok', envVar: 'FAL_KEY' },
    ]);
    const novita = list.models.find((m) => m.provider === 'novita');
    expect(novita?.available).toBe(false);
    expect(novita?.unavailableReason).toBe('Novita: The key was stored with another keyring. Enter it again.');
    // A provider missing from the statuses counts as not configured.
    expect(list.models.find((m) => m.provider === 'evolink')?.available).toBe(false);
  });
});
