import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { StudioConfig } from '../../../src/main/composition/config';
import { createStudio, type Studio } from '../../../src/main/composition/create-studio';
import { testStudioConfig } from '../../fixtures/studio-config';

const made: Array<{ studio: Studio; dir: string }> = [];
afterEach(async () => {
  for (const { studio, dir } of made.splice(0)) {
    await studio.dispose();
    await rm(dir, { recursive: true, force: true });
  }
});

async function studioWith(extra: Partial<StudioConfig>): Promise<{ studio: Studio; dataDir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'seedance-logs-'));
  const dataDir = join(dir, 'data');
  const studio = await createStudio(testStudioConfig(dataDir, extra));
  made.push({ studio, dir });
  return { studio, dataDir };
}

describe('app:openLogsFolder', () => {
  it('opens <data folder>/logs (which exists, holding the log) through the host', async () => {
    const opened: string[] = [];
    const { studio, dataDir } = await studioWith({ openFolder: async (path) => (opened.push(path), true) });
    expect(await studio.router.dispatch('app:openLogsFolder', {}, { host: 'harness' })).toEqual({ ok: true, data: { opened: true } });
    expect(opened).toEqual([join(dataDir, 'logs')]);
    expect(statSync(opened[0]!).isDirectory()).toBe(true);
  });

  it('answers opened: false where the host has no file manager, or it failed to open', async () => {
    const { studio } = await studioWith({});
    expect(await studio.router.dispatch('app:openLogsFolder', {}, { host: 'harness' })).toEqual({ ok: true, data: { opened: false } });
    const failing = await studioWith({ openFolder: async () => false });
    expect(await failing.studio.router.dispatch('app:openLogsFolder', {}, { host: 'harness' })).toEqual({ ok: true, data: { opened: false } });
  });
});
