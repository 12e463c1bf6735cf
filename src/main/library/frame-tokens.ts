import { randomBytes } from 'node:crypto';

/**
 * Opaque tokens for files main extracted (last frames), so a path never reaches the renderer: the
 * renderer gets a token and passes it back, and main resolves it (e.g. the image service's import).
 */
export interface FrameTokens {
  /** A new token (32 hex chars, 128 random bits) for `path`; `name` is the file name to show for it (default: its own). */
  issue(path: string, name?: string): string;
  /** The path (and name to show) for `token`, or null for an unknown, expired or malformed token. */
  resolve(token: string): { path: string; name?: string } | null;
}

/** Keeps the newest `capacity` tokens (default 200); older ones expire. */
export function createFrameTokens(capacity = 200): FrameTokens {
  const paths = new Map<string, { path: string; name?: string }>();
  return {
    issue(path, name) {
      const token = randomBytes(16).toString('hex');
      paths.set(token, name === undefined ? { path } : { path, name });
      if (paths.size > capacity) paths.delete(paths.keys().next().value as string);
      return token;
    },
    resolve: (token) => paths.get(token) ?? null,
  };
}
