import { readFileSync } from 'node:fs';
import { createStudio, type Studio } from '../../main/composition/create-studio';

/** The app version from package.json (read once, next to this source tree). */
function appVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

/**
 * The Studio core as the CLI uses it: the same composition root as the app, with the job engine
 * in this process (no `launchEngine`), keys from `env` only (session-only key storage, nothing
 * encrypted on disk), and no UI hooks — nothing is served or opened. With no provider key in
 * `env`, `createStudio` routes every provider to the built-in offline demo simulator.
 * Call `dispose()` when done: it stops the engine, the library watcher and the demo simulator.
 */
export function openCliStudio(dataDir: string, env: Readonly<Record<string, string | undefined>>): Promise<Studio> {
  return createStudio({
    host: 'cli',
    dataDir,
    env,
    appVersion: appVersion(),
    versions: { node: process.versions.node },
    // The CLI has no renderer: media ids are never turned into URLs, and no link is ever opened.
    mediaUrl: (id) => `media:${id}`,
    openExternal: async () => false,
  });
}
