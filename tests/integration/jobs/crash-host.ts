/**
 * The app's main process for the crash test, in a child process of its own so the test can kill
 * it outright (a host crash) and start another on the same data folder. It builds the studio as
 * the harness does — engine in a forked child, real library, keys and base URLs pointing at the
 * simulator — and carries the router and the event bus over its IPC channel as JSON:
 * `{ type: 'call', id, channel, input }` → `{ type: 'result', id, result }`,
 * `{ type: 'pid', id }` → `{ type: 'pid', id, pid }` (the engine process's pid, null while none runs),
 * and every event as `{ type: 'event', channel, payload }`. Sends `{ type: 'ready' }` once built.
 * Usage (forked with `--import tsx`): crash-host.ts <dataDir> <libraryDir> <simulatorUrl>
 */
import { fileURLToPath } from 'node:url';
import { createStudio } from '../../../src/main/composition/create-studio';
import { forkEngine } from '../../../src/main/jobs/engine-host';
import { simulatorEnv } from '../../../tools/provider-sim/index';
import { testStudioConfig } from '../../fixtures/studio-config';

const ENGINE_ENTRY = fileURLToPath(new URL('../../../src/main/jobs/engine-process.ts', import.meta.url));

type Inbound = { type: 'call'; id: number; channel: string; input: unknown } | { type: 'pid'; id: number };

async function main(): Promise<void> {
  const [dataDir, libraryDir, simUrl] = process.argv.slice(2);
  const send = process.send?.bind(process);
  if (!dataDir || !libraryDir || !simUrl || !send) throw new Error('usage: crash-host.ts <dataDir> <libraryDir> <simulatorUrl>, forked with an IPC channel');
  // The test is the window: when it goes, so does this process (and with it the engine, which follows its host).
  process.on('disconnect', () => process.exit(0));
  const studio = await createStudio(
    testStudioConfig(dataDir, {
      libraryDir,
      env: simulatorEnv(simUrl),
      launchEngine: forkEngine({ entry: ENGINE_ENTRY, execArgv: ['--import', 'tsx'] }),
    }),
  );
  studio.events.subscribe((channel, payload) => send({ type: 'event', channel, payload }));
  process.on('message', (raw) => {
    const message = raw as Inbound;
    if (message.type === 'pid') {
      send({ type: 'pid', id: message.id, pid: studio.jobs.pid ?? null });
      return;
    }
    void studio.router.dispatch(message.channel, message.input, { host: 'harness' }).then((result) => send({ type: 'result', id: message.id, result }));
  });
  send({ type: 'ready' });
}

main().catch((err: unknown) => {
  process.stderr.write(`crash-host: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
