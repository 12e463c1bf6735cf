import { accessSync, constants } from 'node:fs';

/**
 * Where a file packed into the app's asar archive really is on disk, for the files that must be
 * opened by the operating system rather than by Electron's asar-aware `fs` and `require`: binaries
 * we spawn (ffmpeg, ffprobe). electron-builder's `asarUnpack` (electron-builder.yml) copies them to
 * `app.asar.unpacked/` beside the archive, keeping their path inside it; a module in the archive
 * still computes `…/resources/app.asar/node_modules/…` for them, which the OS cannot open.
 *
 * Returns `path` with its first `app.asar` path segment renamed `app.asar.unpacked`, and `path`
 * unchanged when no segment is exactly `app.asar` (not packaged, already unpacked, or a folder that
 * merely ends in `.asar`). Both separators are accepted, so Windows paths work on any host.
 */
export function unpackedPath(path: string): string {
  return path.replace(/(^|[\\/])app\.asar(?=[\\/])/, '$1app.asar.unpacked');
}

/**
 * The binary a package reports at `path` (e.g. `@ffmpeg-installer/ffmpeg`'s `.path`), as a path the
 * OS can execute: `unpackedPath(path)` when this process may execute it, else null (missing, or
 * without the execute bit for us: the ffprobe package ships 0744). Checked synchronously, once per
 * tool when a service starts, so that callers keep a plain string.
 */
export function runnableBinary(path: string): string | null {
  const onDisk = unpackedPath(path);
  try {
    accessSync(onDisk, constants.X_OK);
    return onDisk;
  } catch {
    return null;
  }
}
