import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The code that runs from the packaged app's node_modules: the main process, the engine, and what they share. */
const PACKAGED = ['src/main/', 'src/preload/', 'src/shared/'];

/**
 * Every file under src/ that loads `pkg` (or a path inside it): an `import … from`, `import()`,
 * `require()` or `resolve()` of it, or, for a scoped name, any string literal naming it
 * (src/main/media-tools/ffmpeg.ts keeps the installer packages' names in a table).
 */
function loaders(sources: Map<string, string>, pkg: string): string[] {
  const name = `${pkg.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(/[^'"]*)?`;
  const context = pkg.startsWith('@') ? '' : String.raw`(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*|\bresolve\s*\(\s*)`;
  const specifier = new RegExp(`${context}(['"])${name}\\1`);
  return [...sources].filter(([, text]) => specifier.test(text)).map(([file]) => file);
}

describe('package.json dependencies', () => {
  it('are what the packaged app loads: none is used only by the renderer (Vite bundles it), the harness or the CLI (run from a checkout)', async () => {
    const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const sources = new Map<string, string>();
    for (const entry of await readdir(join(ROOT, 'src'), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.tsx?$/.test(entry.name)) continue;
      const file = join(entry.parentPath, entry.name);
      sources.set(relative(ROOT, file).replaceAll('\\', '/'), await readFile(file, 'utf8'));
    }
    const notPackaged = Object.keys(manifest.dependencies)
      .map((pkg) => ({ pkg, files: loaders(sources, pkg) }))
      .filter(({ files }) => files.length > 0 && !files.some((file) => PACKAGED.some((folder) => file.startsWith(folder))));
    expect(notPackaged, 'move these to devDependencies: electron-builder ships every dependency in app.asar').toEqual([]);
  });
});
