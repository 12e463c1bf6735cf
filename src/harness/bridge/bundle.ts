import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * Bundles `browser-bridge.ts` (and the contract it imports) into one classic script, in memory.
 * Done at every harness start so the bridge always matches the contract on disk. Takes ~100 ms.
 * Throws esbuild's error if the bridge does not compile.
 */
export async function bundleBridge(): Promise<string> {
  const entry = fileURLToPath(new URL('./browser-bridge.ts', import.meta.url));
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
    legalComments: 'none',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output for the harness bridge.');
  return file.text;
}
