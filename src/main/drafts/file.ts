import { access, readFile, rename } from 'node:fs/promises';
import type { z } from 'zod';

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
