import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { access, stat } from 'node:fs/promises';
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

/**
 * Checks a folder the user picked in the system folder picker, without creating anything: it must
 * be absolute, exist, be a folder and be writable. Resolves to the normalised path; rejects with an
 * `Error` saying, in plain words, which of these failed.
 */
export async function pickedLibraryDir(dir: string): Promise<string> {
  if (!isAbsolute(dir)) throw new Error(`"${dir}" is not a full folder path.`);
  const path = resolve(dir);
  let isFolder: boolean;
  try {
    isFolder = (await stat(path)).isDirectory();
  } catch (err) {
    const code = (err as { code?: unknown } | null)?.code;
    throw new Error(code === 'ENOENT' ? `"${path}" does not exist.` : `"${path}" cannot be read (${codeOf(err)}).`);
  }
  if (!isFolder) throw new Error(`"${path}" is a file, not a folder.`);
  try {
    await access(path, constants.W_OK);
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
