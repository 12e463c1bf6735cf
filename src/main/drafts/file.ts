import { randomBytes } from 'node:crypto';
import { access, open, readFile, rename, unlink } from 'node:fs/promises';
import type { z } from 'zod';

/**
 * Writes `text` to `path` atomically: a temporary file in the same folder, flushed to disk
 * (fsync), then renamed over `path`. A crash leaves either the old file or the new one, never a
 * half-written draft. Owner-only (0600): prompts are the user's business. The folder must exist.
 * Throws the I/O error (disk full, read-only folder); the temporary file is removed then.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(tmp, 'w', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}

/** What reading a JSON file against a schema found. */
export type ReadOutcome<T> = { kind: 'ok'; value: T } | { kind: 'missing' } | { kind: 'corrupt'; reason: string };

/**
 * Reads `path` as JSON and validates it with `schema`. A missing file is `missing`; a file that is
 * not JSON or fails the schema is `corrupt` (with a short reason, no content). Other I/O errors
 * (permissions) are thrown.
 */
export async function readJsonFile<S extends z.ZodType>(path: string, schema: S): Promise<ReadOutcome<z.output<S>>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw err;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'corrupt', reason: 'not JSON' };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { kind: 'corrupt', reason: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ').slice(0, 300) };
  return { kind: 'ok', value: parsed.data };
}

/**
 * Renames a damaged file to `<path>.corrupt` — kept for the user, never deleted — or to
 * `<path>.<ms>.corrupt` when an earlier copy already has that name. Returns the new path.
 */
export async function moveAside(path: string, now: number): Promise<string> {
  let aside = `${path}.corrupt`;
  if (await exists(aside)) aside = `${path}.${now}.corrupt`;
  await rename(path, aside);
  return aside;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
