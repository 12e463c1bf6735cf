import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../fixtures/built-app';

/** One call the entry made on the double, as recorded (see double/electron.mjs). */
export interface Call {
  kind: string;
  afterReady: boolean;
  [field: string]: unknown;
}

/** A serialisable `Response` from a protocol handler. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  /** base64 */
  body: string;
}

/** The built Electron entry running under Node with the `electron` double, driven over IPC. */
export interface Host {
  /** Per-user "appData" the double reports; the entry's data folder goes inside. */
  appData: string;
  stdout(): string;
  send<T = unknown>(cmd: string, args?: Record<string, unknown>): Promise<T>;
  calls(): Promise<Call[]>;
  stop(): Promise<void>;
}

/**
 * Starts `node double/child.mjs out/main/index.js` with the double's settings in `env`
 * (`DOUBLE_ENGINE=crash`, `DOUBLE_SECOND_INSTANCE=1`, `DOUBLE_APP_DATA`…) and resolves once the
 * entry module has loaded (before `ready`: the test plays it). Provider keys are removed, so the
 * core runs the offline demo.
 */
export async function startHost(env: Record<string, string> = {}): Promise<Host> {
  const base = mkdtempSync(join(tmpdir(), 'electron-host-'));
  const appData = join(base, 'appData');
  mkdirSync(join(base, 'Videos'), { recursive: true });
  const childEnv: NodeJS.ProcessEnv = { ...process.env, DOUBLE_APP_DATA: appData, DOUBLE_VIDEOS: join(base, 'Videos'), ...env };
  for (const name of ['NOVITA_API_KEY', 'FAL_KEY', 'EVOLINK_API_KEY', 'ARK_API_KEY', 'SEEDANCE_USER_DATA', 'ELECTRON_RENDERER_URL']) {
    if (!(name in env)) delete childEnv[name];
  }
  const child: ChildProcess = fork(join(__dirname, 'double', 'child.mjs'), [join(ROOT, 'out', 'main', 'index.js')], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let seq = 0;
  const loaded = new Promise<void>((resolve, reject) => {
    waiting.set(0, { resolve: () => resolve(), reject });
    child.once('exit', (code) => reject(new Error(`The entry exited (code ${code}) while loading:\n${out}`)));
  });
  child.on('message', (m: { id: number; ok: boolean; result?: unknown; error?: string }) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (m.ok) w.resolve(m.result);
    else w.reject(new Error(m.error));
  });
  await loaded;
  const send = <T>(cmd: string, args: Record<string, unknown> = {}) =>
    new Promise<T>((resolve, reject) => {
      const id = ++seq;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ id, cmd, ...args });
    });
  return {
    appData,
    stdout: () => out,
    send,
    calls: () => send<Call[]>('calls'),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGKILL');
        await exited;
      }
      rmSync(base, { recursive: true, force: true });
    },
  };
}
