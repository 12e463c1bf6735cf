import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const ELECTRON_DIR = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
/** Where Electron is already installed, the launcher rightly starts it instead: nothing to fall back from. */
const electronInstalled = existsSync(join(ELECTRON_DIR, 'path.txt'));

/**
 * `npm start`'s script (`scripts/start.mjs`) where the Electron binary cannot be had, as on a
 * fresh build machine: it must say so in one sentence, serve the app in the browser harness from
 * the desktop app's data folder, and leave no process behind after Ctrl+C. The download is made
 * impossible for real: Electron's installer is pointed at a closed local port with an empty cache.
 * Linux only: the process tree is read from /proc, and the data folder is `$XDG_CONFIG_HOME/…`.
 */
describe.skipIf(electronInstalled || process.platform !== 'linux')('npm start where Electron cannot be installed', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function launch(extraEnv: Record<string, string>): { child: ChildProcess; output: () => string; config: string } {
    const home = mkdtempSync(join(tmpdir(), 'seedance-start-'));
    dirs.push(home);
    const env: NodeJS.ProcessEnv = {
      // Only node's own folder on PATH: no xdg-open, so "no opener" is exercised, never a real browser.
      PATH: dirname(process.execPath),
      HOME: home,
      XDG_CONFIG_HOME: join(home, 'config'),
      // A closed port and an empty cache: the installer's download fails at once.
      ELECTRON_MIRROR: 'http://127.0.0.1:9/',
      electron_config_cache: join(home, 'electron-cache'),
      ...extraEnv,
    };
    // Detached: its own process group, so the test can send Ctrl+C to the group as a terminal does.
    const child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return { child, output: () => output, config: join(home, 'config') };
  }

  async function untilUrl(child: ChildProcess, output: () => string): Promise<string> {
    for (;;) {
      const url = /running at (http:\/\/127\.0\.0\.1:\d+\/\?t=[0-9a-f]+)/.exec(output())?.[1];
      if (url) return url;
      if (child.exitCode !== null) throw new Error(`npm start ended (code ${child.exitCode}) before serving:\n${output()}`);
      await new Promise((r) => child.stdout?.once('data', r).once('close', r));
    }
  }

  async function stopWithCtrlC(child: ChildProcess): Promise<number[]> {
    const family = descendants(child.pid!);
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    process.kill(-child.pid!, 'SIGINT');
    await exited;
    // Wait on the real condition: every process that was in the tree has gone.
    while (family.some(alive)) await new Promise((r) => setTimeout(r, 100));
    return family;
  }

  it('says why in one sentence, serves the offline demo from the per-user folder, and Ctrl+C leaves nothing behind', async () => {
    const { child, output, config } = launch({});
    const url = await untilUrl(child, output);

    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/harness-bridge.js');

    const text = output();
    expect(text.match(/could not be installed/g)).toHaveLength(1);
    expect(text).toContain('Electron could not be installed here (fetch failed), so Seedance Studio opens in your browser instead.');
    expect(text).toContain('offline demo');
    expect(text).toContain('kept in memory for this session only');
    expect(text).not.toMatch(/^\s+at /m);
    const dataDir = join(config, 'Seedance Studio');
    expect(text).toContain(`Data folder: ${dataDir}`);
    expect(existsSync(join(dataDir, 'logs', 'studio.log'))).toBe(true);

    const family = await stopWithCtrlC(child);
    // The launcher, the harness and its job engine process.
    expect(family.length).toBeGreaterThanOrEqual(2);
    expect(output()).not.toMatch(/^\s+at /m);
  }, 240_000);

  it('respects ELECTRON_SKIP_BINARY_DOWNLOAD: no download attempt, straight to the browser', async () => {
    const { child, output } = launch({ ELECTRON_SKIP_BINARY_DOWNLOAD: '1', ELECTRON_MIRROR: 'http://127.0.0.1:9/never-asked/' });
    await untilUrl(child, output);
    expect(output()).toContain('Electron could not be installed here (ELECTRON_SKIP_BINARY_DOWNLOAD is set)');
    expect(output()).not.toContain('fetch failed');
    await stopWithCtrlC(child);
  }, 240_000);
});

/** Every process below `pid` right now (from /proc's parent links). */
function descendants(pid: number): number[] {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent pid; the command name (field 2) may hold spaces, so split after ')'.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const out: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of parents) {
      if (ppid === parent) {
        out.push(child);
        walk(child);
      }
    }
  };
  walk(pid);
  return out;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
