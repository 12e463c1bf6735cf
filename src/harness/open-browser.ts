import { spawn } from 'node:child_process';

/**
 * Opens `url` with the system's opener — `open` on macOS, `start` (through `cmd`) on Windows,
 * `xdg-open` elsewhere — detached, so it outlives nothing of ours. Resolves to whether the opener
 * started; never rejects: a machine without one (a server, a container) resolves false.
 */
export function openInBrowser(url: string): Promise<boolean> {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  return new Promise((resolve) => {
    try {
      const opener = spawn(command, args, { stdio: 'ignore', detached: true });
      opener.once('error', () => resolve(false));
      opener.once('spawn', () => {
        opener.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}
