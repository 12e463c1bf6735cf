import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { simulatorEnv, startSimulator } from './index';

/**
 * `npm run sim -- [--port N] [--data DIR] [--time-scale X] [--ttl SECONDS]`: starts the provider
 * simulator and prints `SIM <url>` once it listens, then the environment that points the app at it.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      data: { type: 'string' },
      'time-scale': { type: 'string', default: '1' },
      ttl: { type: 'string' },
    },
  });
  const port = Number(values.port);
  const timeScale = Number(values['time-scale']);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0 … 65535, got ${values.port}`);
  if (!(timeScale > 0)) throw new Error(`--time-scale must be a positive number, got ${values['time-scale']}`);
  const ttl = values.ttl === undefined ? undefined : Number(values.ttl);
  if (ttl !== undefined && !(ttl > 0)) throw new Error(`--ttl must be a positive number of seconds, got ${values.ttl}`);
  const dataDir = values.data ? resolve(values.data) : mkdtempSync(join(tmpdir(), 'seedance-sim-'));
  const sim = await startSimulator({ port, dataDir, timeScale, resultTtlSeconds: ttl });
  process.stdout.write(`SIM ${sim.url}\n`);
  for (const [k, v] of Object.entries(simulatorEnv(sim.url))) process.stdout.write(`${k}=${v}\n`);
  const stop = () => void sim.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`provider-sim: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
