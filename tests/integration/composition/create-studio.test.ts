import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createStudio } from '../../../src/main/composition/create-studio';
import { callStudio, testStudioConfig } from '../../fixtures/studio-config';
import type { AppInfo } from '../../../src/shared/contract/app';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'seedance-studio-'));
  dirs.push(dir);
  return dir;
}

describe('createStudio', () => {
  it('reports the host it was built for, the CLI included', async () => {
    for (const host of ['cli', 'harness'] as const) {
      const studio = await createStudio(testStudioConfig(await dataDir(), { host }));
      try {
        const info = await callStudio<AppInfo>(studio, 'app:info', {});
        expect(info.host).toBe(host);
        expect(info.demo).toBe(true);
      } finally {
        await studio.dispose();
      }
    }
  });

  it('dispose drops every subscription: later key and settings changes reach no window', async () => {
    const studio = await createStudio(testStudioConfig(await dataDir()));
    const seen: string[] = [];
    studio.events.subscribe((channel) => seen.push(channel));
    studio.keys.set('novita', 'sk-live-0000000000000000000000001234', 'session');
    // Before dispose the same change is forwarded: the check below is not empty by accident.
    expect(seen).toEqual(expect.arrayContaining(['keys:changed', 'models:changed']));
    seen.length = 0;
    await studio.dispose();
    studio.keys.remove('novita');
    studio.settings.update({ notifications: { onFinish: false } });
    expect(seen).toEqual([]);
  });
});
