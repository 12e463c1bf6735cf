// electron-builder's afterPack hook (electron-builder.yml), run on the unpacked app before any
// installer is made. JavaScript, not TypeScript: electron-builder imports hooks itself, from any
// command line (`npx electron-builder …` as well as tools/packaging/dist.ts).
import { chmod, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** The binaries the app spawns, by installer package scope (src/main/media-tools/ffmpeg.ts). */
const BINARIES = { '@ffmpeg-installer': 'ffmpeg', '@ffprobe-installer': 'ffprobe' };

/**
 * Removes Electron's default app (resources/default_app.asar, the page Electron shows when started
 * without an app) and its `version` file: electron-builder drops both only when it downloads
 * Electron itself, not when it copies the installed node_modules/electron/dist (tools/packaging/dist.ts).
 * Then gives ffmpeg and ffprobe in app.asar.unpacked mode 0755: the ffprobe package ships 0744, and a
 * deb installed by root would leave it runnable by root only. Throws when either binary is missing
 * (its platform package, e.g. `@ffprobe-installer/linux-x64`, is not installed for the target), so
 * no installer ships without them. Windows has no execute bit: nothing to do there.
 * @param {import('electron-builder').AfterPackContext} context
 */
export default async function afterPack(context) {
  const resources = context.packager.getResourcesDir(context.appOutDir);
  await rm(join(resources, 'default_app.asar'), { force: true });
  await rm(join(context.appOutDir, 'version'), { force: true });
  if (context.electronPlatformName === 'win32') return;
  const modules = join(resources, 'app.asar.unpacked', 'node_modules');
  for (const [scope, name] of Object.entries(BINARIES)) {
    const packages = await readdir(join(modules, scope)).catch(() => []);
    const found = [];
    for (const pkg of packages) {
      const file = join(modules, scope, pkg, name);
      const changed = await chmod(file, 0o755).then(
        () => true,
        () => false,
      );
      if (changed) found.push(file);
    }
    if (found.length === 0) throw new Error(`afterPack: no ${name} binary under ${join(modules, scope)}; is the ${scope} package for ${context.electronPlatformName} installed?`);
  }
}
