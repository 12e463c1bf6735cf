import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Lexical check that `child` is `root` itself or lies below it, after resolving `.` and `..`.
 * Uses `path.relative` rather than `startsWith(root)`, which would let `/data/root-evil` pass for
 * root `/data/root` (the trailing-separator rule, as in Signal's `isPathInside`). Does not touch
 * the disk: call `isRealPathInside` when symlinks matter.
 */
export function isPathInside(child: string, root: string): boolean {
  const rel = relative(resolve(root), resolve(child));
  if (rel === '') return true;
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * Like `isPathInside`, but both paths are resolved with `realpath` first, so a symlink inside
 * `root` pointing outside it is refused. Returns false (never throws) when either path does not
 * exist or cannot be read.
 */
export async function isRealPathInside(child: string, root: string): Promise<boolean> {
  try {
    const [realChild, realRoot] = await Promise.all([realpath(child), realpath(root)]);
    return isPathInside(realChild, realRoot);
  } catch {
    return false;
  }
}
