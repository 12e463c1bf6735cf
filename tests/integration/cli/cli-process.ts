import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const CLI = join(ROOT, 'src', 'cli', 'main.ts');
/** Environment variables a CLI test removes so only the simulator's settings reach the CLI. */
export const PROVIDER_VARS = /^(NOVITA|FAL|EVOLINK|ARK)_|^SEEDANCE_/;

/** What one `seedance` run printed, and its exit code (null when killed after its time limit). */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `seedance <args>` as its own process through tsx, as `npm run seedance` does; killed after `limitMs` (default 150 s). */
export function seedance(args: string[], env: NodeJS.ProcessEnv, limitMs = 150_000): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

/** Temporary folders named `seedance-cli-<prefix>-<name>-…`; `removeAll` deletes every one made. */
export function tempDirs(prefix: string): { temp(name: string): string; removeAll(): void } {
  const dirs: string[] = [];
  return {
    temp(name) {
      const d = mkdtempSync(join(tmpdir(), `seedance-cli-${prefix}-${name}-`));
      dirs.push(d);
      return d;
    },
    removeAll() {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    },
  };
}
