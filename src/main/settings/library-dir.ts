import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

/**
 * Checks that `dir` can hold the library and returns it normalised: it must be absolute, and it is
 * created if missing (with its parents), must be a folder, and must be writable.
 * Throws an `Error` whose message says which of these failed, in plain words (the caller adds
 * "the previous folder is kept").
 */
export function usableLibraryDir(dir: string): string {
  if (!isAbsolute(dir)) throw new Error(`"${dir}" is not a full folder path.`);
  const path = resolve(dir);
  try {
    mkdirSync(path, { recursive: true });
  } catch (err) {
    throw new Error(`"${path}" cannot be created (${codeOf(err)}).`);
  }
  if (!statSync(path).isDirectory()) throw new Error(`"${path}" is a file, not a folder.`);
  try {
    accessSync(path, constants.W_OK);
  } catch {
    throw new Error(`"${path}" is not writable.`);
  }
  return path;
}

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'EEXIST' || code === 'ENOTDIR') return 'a file is in the way';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return typeof code === 'string' ? code : 'unknown error';
}
