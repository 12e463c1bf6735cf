import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineStatus } from '../../../src/shared/contract/app';
import { createEngineHost, forkEngine, type EngineHost } from '../../../src/main/jobs/engine-host';
import { createMemoryLogger } from '../../../src/main/logging/logger';

const ENGINE = resolve(__dirname, '../../../src/main/jobs/engine-process.ts');

/**
 * An engine process that dies before it is ready, every time: the host must stop restarting it
 * after its policy's crashes, say `down`, refuse job commands at once, and start it again only on
 * the user's Retry (`restart`).
 */
describe('engine host: an engine that keeps crashing', () => {
  let root: string;
  let host: EngineHost | undefined;
  afterEach(async () => {
    await host?.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('goes down after the bounded restarts, refuses commands, and comes back on Retry', async () => {
    root = mkdtempSync(join(tmpdir(), 'engine-down-'));
    const dying = join(root, 'dies.mjs');
    writeFileSync(dying, 'process.exit(3);\n');
    let entry = dying;
    const log = createMemoryLogger();
    host = createEngineHost({
      launch: () => forkEngine({ entry, execArgv: entry === ENGINE ? ['--import', 'tsx'] : [] })(),
      init: { dataDir: join(root, 'data'), outputDir: join(root, 'out') },
      context: async () => ({ route: 'provider', apiKey: 'unused-key-123', baseUrls: { api: 'http://127.0.0.1:9' }, fetch: globalThis.fetch }),
      prepareImages: async () => ({}),
      log,
      restart: { maxCrashes: 3, baseMs: 20, capMs: 40 },
    });
    const seen: EngineStatus[] = [];
    host.onStatus((s) => seen.push(s));

    await host.start();
    expect(host.status()).toEqual({ state: 'down', message: 'The job engine stopped 3 times in a row (last exit code 3).', phrase: { code: 'job.engine.down', values: { crashes: 3, code: 3 } } });
    expect(seen.map((s) => s.state)).toEqual(['restarting', 'restarting', 'down']);
    // Commands for the engine are refused at once; `list` still answers main's last copy of the table.
    await expect(host.pause()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(await host.list()).toEqual([]);

    // Retry with an engine that works (the fault is gone): it starts, runs, and answers.
    entry = ENGINE;
    const running = new Promise<void>((r) => host!.onStatus((s) => s.state === 'running' && r()));
    expect(host.restart()).toEqual({ state: 'starting' });
    await running;
    expect((await host.pause()).paused).toBe(true);
    // Retry means nothing to an engine that is up.
    expect(host.restart()).toEqual({ state: 'running' });
  });
});
