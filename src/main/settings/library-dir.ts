import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { english, phrase, type Phrase } from '../../shared/messages/phrase';

/** A folder that cannot hold the library; `why` is the sentence (its English is the message). */
export class FolderRefusal extends Error {
  constructor(readonly why: Phrase) {
    super(english(why));
    this.name = 'FolderRefusal';
  }
}

/**
 * Checks that `dir` can hold the library and returns it normalised: it must be absolute, and it is
 * created if missing (with its parents), must be a folder, and must be writable.
 * Throws a `FolderRefusal` saying which of these failed, in plain words (the caller adds
 * "the previous folder is kept").
 */
export function usableLibraryDir(dir: string): string {
  if (!isAbsolute(dir)) throw refusal('notFull', dir);
  const path = resolve(dir);
  try {
    mkdirSync(path, { recursive: true });
  } catch (err) {
    throw refusal('cannotCreate', path, codeOf(err));
  }
  if (!statSync(path).isDirectory()) throw refusal('isFile', path);
  try {
    accessSync(path, constants.W_OK);
  } catch {
    throw refusal('notWritable', path);
  }
  return path;
}

/**
 * Checks a folder the user picked in the system folder picker, without creating anything: it must
 * be absolute, exist, be a folder and be writable. Resolves to the normalised path; rejects with a
 * `FolderRefusal` saying, in plain words, which of these failed.
 */
export async function pickedLibraryDir(dir: string): Promise<string> {
  if (!isAbsolute(dir)) throw refusal('notFull', dir);
  const path = resolve(dir);
  let isFolder: boolean;
  try {
    isFolder = (await stat(path)).isDirectory();
  } catch (err) {
    const code = (err as { code?: unknown } | null)?.code;
    throw code === 'ENOENT' ? refusal('missing', path) : refusal('cannotRead', path, codeOf(err));
  }
  if (!isFolder) throw refusal('isFile', path);
  try {
    await access(path, constants.W_OK);
  } catch {
    throw refusal('notWritable', path);
  }
  return path;
}

/** Why a folder was refused, for a sentence around it: a `FolderRefusal`'s phrase, else the error's message. */
export function refusalOf(err: unknown): Phrase | string {
  return err instanceof FolderRefusal ? err.why : err instanceof Error ? err.message : String(err);
}

/** A `FolderRefusal` of `settings.folder.<kind>` about `path`; `why` for the kinds that say what the file system answered. */
function refusal(kind: 'notFull' | 'isFile' | 'notWritable' | 'missing' | 'cannotCreate' | 'cannotRead', path: string, why?: Phrase | string): FolderRefusal {
  return new FolderRefusal(phrase(`settings.folder.${kind}`, why === undefined ? { path } : { path, why }));
}

/** The file system's refusal in plain words, or its code when it is not a common one. */
function codeOf(err: unknown): Phrase | string {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'EEXIST' || code === 'ENOTDIR') return phrase('settings.folder.inTheWay');
  if (code === 'EACCES' || code === 'EPERM') return phrase('settings.folder.denied');
  return typeof code === 'string' ? code : phrase('settings.folder.unknown');
}
