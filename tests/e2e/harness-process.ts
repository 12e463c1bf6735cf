import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const TSX_CLI = createRequire(import.meta.url).resolve('tsx/cli');

/** Provider keys are removed from the harness's environment so every test runs the offline demo. */
const KEY_VARIABLES = ['NOVITA_API_KEY', 'FAL_KEY', 'EVOLINK_API_KEY', 'ARK_API_KEY'];

/** A running harness: the URL it printed and its parts. */
export interface RunningHarness {
  /** `http://127.0.0.1:<port>/?t=<token>`, as printed. */
  url: string;
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  port: number;
  token: string;
  /** This harness's own `--data` folder (removed when it stops). */
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts `src/harness/main.ts` as a child process with a fresh `--data` folder and `--test-hooks`,
 * and resolves when it prints its `HARNESS <url>` line. Rejects with the harness's stderr if it
 * exits first, or after `timeoutMs` without the line (default 30 s, or `E2E_HARNESS_START_MS` on a
 * machine too loaded to start it in that time). `extraEnv` is added after the keys are removed
 * (e.g. a simulator's base URLs and keys: jobs then take the provider route to it).
 */
export async function startHarness(timeoutMs = Number(process.env.E2E_HARNESS_START_MS) || 30_000, extraEnv: Record<string, string> = {}): Promise<RunningHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'seedance-e2e-'));
  const env = { ...process.env };
  for (const name of KEY_VARIABLES) delete env[name];
  Object.assign(env, extraEnv);
  const child = spawn(process.execPath, [TSX_CLI, 'src/harness/main.ts', '--port', '0', '--data', dataDir, '--test-hooks'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  try {
    const url = await waitForHarnessLine(child, timeoutMs, () => stderr);
    const parsed = new URL(url);
    return {
      url,
      origin: parsed.origin,
      port: Number(parsed.port),
      token: parsed.searchParams.get('t') ?? '',
      dataDir,
      stop: () => stopChild(child).then(() => rmSync(dataDir, { recursive: true, force: true })),
    };
  } catch (err) {
    await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}

function waitForHarnessLine(child: ChildProcess, timeoutMs: number, stderr: () => string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => fail(new Error(`No HARNESS line within ${timeoutMs} ms.\n${stderr()}`)), timeoutMs);
    const fail = (err: Error) => {
      clearTimeout(timer);
      lines.close();
      reject(err);
    };
    lines.on('line', (line) => {
      const m = /^HARNESS (http:\/\/127\.0\.0\.1:\d+\/\?t=[0-9a-f]+)$/.exec(line);
      if (!m) return;
      clearTimeout(timer);
      lines.close();
      resolvePromise(m[1] as string);
    });
    child.once('exit', (code) => fail(new Error(`The harness exited (code ${code}) before it was ready.\n${stderr()}`)));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => {
    child.once('exit', () => resolvePromise());
    child.kill('SIGTERM');
  });
}
