import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { simulatorEnv, startSimulator, type SimulatorHandle } from '../../../tools/provider-sim/index';

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

/** The provider simulator a test file's CLI runs talk to, and the environment pointing them at it; set once `beforeAll` ran. */
export interface CliSimulator {
  sim: SimulatorHandle;
  env: NodeJS.ProcessEnv;
}

/**
 * Starts the provider simulator before the file's tests (a quarter of its default times: 0.25 s
 * queued, 0.75 s generating) with an environment for `seedance` that reaches only it (no provider
 * keys or base URLs of the test process) and its own data folder; closes it and removes `dirs`'
 * folders after them.
 */
export function cliAgainstSimulator(dirs: ReturnType<typeof tempDirs>): CliSimulator {
  const rig = {} as CliSimulator;
  beforeAll(async () => {
    rig.sim = await startSimulator({ port: 0, dataDir: dirs.temp('sim'), timeScale: 0.25 });
    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !PROVIDER_VARS.test(k)));
    rig.env = { ...base, ...simulatorEnv(rig.sim.url), SEEDANCE_DATA_DIR: dirs.temp('data') };
  });
  afterAll(async () => {
    await rig.sim?.close();
    dirs.removeAll();
  });
  return rig;
}
