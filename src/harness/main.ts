/**
 * The browser harness: the Studio core served to a browser instead of Electron, for end-to-end
 * tests and for working on the UI without the Electron binary (ARCHITECTURE.md, "One core, three
 * hosts"). Usage: `npm run harness -- [--port N] [--data DIR] [--test-hooks] [--app]`. Prints
 * `HARNESS http://127.0.0.1:<port>/?t=<token>` when it is ready (with `--app`, followed by a few
 * plain lines for a person: data folder, demo or keys, how keys are kept — and opens the URL in the
 * default browser when there is one); stops on SIGINT/SIGTERM.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { userDataDir } from '../main/app/user-data';
import { createStudio, type Studio } from '../main/composition/create-studio';
import { forkEngine } from '../main/jobs/engine-host';
import { isAllowedExternalUrl } from '../main/security/external-links';
import { createToken } from './access';
import { parseHarnessArgs } from './args';
import { bundleBridge } from './bridge/bundle';
import { readRendererIndex } from './http/renderer-files';
import { createNotificationRecorder, createScriptedFolderPicker } from './http/test-hooks';
import { openInBrowser } from './open-browser';
import { harnessMediaUrl, startHarnessServer } from './server';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

async function main(): Promise<void> {
  const args = parseHarnessArgs(process.argv.slice(2));
  // `--app`: the desktop app's own folder, so work survives into the next start (Electron or not).
  const dataDir = args.app ? userDataDir(process.platform, process.env, homedir()) : resolve(args.dataDir ?? mkdtempSync(join(tmpdir(), 'seedance-harness-')));
  const rendererDir = join(ROOT, 'out', 'renderer');
  const token = createToken();
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const openedLinks: string[] = [];
  // No desktop here: notifications and taskbar progress are recorded for the test hooks.
  const desktop = createNotificationRecorder();
  // No native folder picker in a browser: with the test hooks, a scripted one; else the typed path.
  const folderPicker = args.testHooks ? createScriptedFolderPicker() : undefined;

  const [indexHtml, bridgeJs] = await Promise.all([readRendererIndex(rendererDir), bundleBridge()]);
  const studio = await createStudio({
    host: 'harness',
    dataDir,
    env: process.env,
    appVersion: pkg.version,
    versions: { node: process.versions.node },
    mediaUrl: (id) => harnessMediaUrl(token, id),
    // As the app (`--app`), allowlisted links open in the user's browser, as Electron's would. A test
    // harness never opens it; it records the request (for the test hooks) and says no.
    openExternal: async (url) => {
      if (args.app) return isAllowedExternalUrl(url) && openInBrowser(url);
      openedLinks.push(url);
      return false;
    },
    echoLog: true,
    // ARCHITECTURE.md: under the browser harness the engine runs in a Node child process, as it runs
    // in a utilityProcess under Electron. tsx is resolved here so the child finds it from any cwd;
    // `forkEngine` strips provider keys from the child's environment.
    launchEngine: forkEngine({ entry: join(ROOT, 'src', 'main', 'jobs', 'engine-process.ts'), execArgv: ['--import', import.meta.resolve('tsx')] }),
    desktop,
    ...(folderPicker ? { chooseFolder: folderPicker.choose } : {}),
  });
  const server = await startHarnessServer({
    studio,
    rendererDir,
    indexHtml,
    bridgeJs,
    token,
    port: args.port,
    testHooks: args.testHooks,
    openedLinks: () => openedLinks,
    desktop,
    folderPicker,
  });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await studio.dispose();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop()); // stop() ends the process itself.
  process.on('SIGTERM', () => void stop());

  process.stdout.write(`HARNESS ${server.url}\n`);
  if (args.app) {
    process.stdout.write(appNotes(studio, dataDir));
    void openInBrowser(server.url);
  }
}

/**
 * What a person running the app in a browser should know: where the work is kept, whether this is
 * the offline demo, and how keys are protected here. This host has no `safeStorage` (no system
 * keychain from plain Node), so the vault keeps keys typed into Settings in memory for this session
 * only (`createSessionOnlyCrypto`); nothing new is written to disk.
 */
function appNotes(studio: Studio, dataDir: string): string {
  const mode = studio.keys.anyConfigured()
    ? 'Provider keys come from the environment.'
    : 'No provider key is set, so this is the offline demo: jobs go to the built-in provider simulator.';
  return [
    `Data folder: ${dataDir} (the desktop app's own).`,
    mode,
    'Keys typed into Settings are kept in memory for this session only: without Electron there is no system keychain to encrypt them, so none is written to disk.',
    '',
  ].join('\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`harness: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
