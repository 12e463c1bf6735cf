#!/usr/bin/env node
/**
 * `npm start` and `npm run dev`: `node scripts/start.mjs [preview|dev]`.
 *
 * 1. Makes sure the Electron binary is installed by running Electron's own installer
 *    (`node_modules/electron/install.js`, the download its `index.js` would do on first use), with
 *    its progress on the terminal. Electron 45 has no install script, and electron-vite stops with
 *    "Electron uninstall" when `node_modules/electron/path.txt` is missing.
 * 2. Then runs `electron-vite preview` (or `dev`), as these scripts did before.
 * 3. Where the binary cannot be had (no network to its download host, an unsupported platform, or
 *    `ELECTRON_SKIP_BINARY_DOWNLOAD` set), it says so in one sentence and starts the same app in the
 *    browser harness instead (`src/harness/main.ts --app`: the desktop app's data folder, offline demo
 *    without keys, no test hooks), building the renderer first when `out/renderer` is missing or older
 *    than its sources, and prints the URL (the harness opens it with the system's opener when there is one).
 *
 * Ctrl+C (SIGINT) or SIGTERM is passed on to the child, and this script exits when the child has.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const ELECTRON_DIR = dirname(require.resolve('electron/package.json'));
const ELECTRON_VITE = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
const mode = process.argv[2] === 'dev' ? 'dev' : 'preview';

/** True when Electron's installer would find nothing to do (same test as its `isInstalled`). */
function electronInstalled() {
  try {
    const version = readFileSync(join(ELECTRON_DIR, 'dist', 'version'), 'utf8').replace(/^v/, '');
    const { version: wanted } = JSON.parse(readFileSync(join(ELECTRON_DIR, 'package.json'), 'utf8'));
    const executable = readFileSync(join(ELECTRON_DIR, 'path.txt'), 'utf8');
    return version === wanted && existsSync(join(ELECTRON_DIR, 'dist', executable));
  } catch {
    return false;
  }
}

/**
 * Runs Electron's installer. Its progress goes to the terminal; an error (which the installer
 * prints as a stack trace) is held back, and its first line comes back as the reason. Resolves to
 * null when Electron is installed, else the reason it could not be.
 */
function installElectron() {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ELECTRON_DIR, 'install.js')], { cwd: ROOT, stdio: ['ignore', 'inherit', 'pipe'] });
    let failure = '';
    child.stderr.on('data', (chunk) => {
      const text = chunk.toString();
      // Everything from the first error line on is the stack trace newcomers should not face.
      if (failure || /(^|\n)\s*at |Error\b/.test(text)) failure += text;
      else process.stderr.write(text);
    });
    child.on('error', (err) => resolve(err.message));
    child.on('close', (code) => {
      if (code === 0 && electronInstalled()) return resolve(null);
      const line = failure.split('\n').find((l) => l.trim() !== '') ?? `the installer exited with code ${code}`;
      resolve(line.replace(/^\s*(\w*Error|Error):\s*/, '').trim());
    });
  });
}

/** Spawns `command`, passes Ctrl+C/SIGTERM on to it, and exits with its code when it ends. */
function runToEnd(command, args, options = {}) {
  const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
  const forward = (signal) => {
    // A terminal's Ctrl+C reaches the whole process group already; a `kill` aimed at us does not.
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.on('SIGINT', () => forward('SIGINT'));
  process.on('SIGTERM', () => forward('SIGTERM'));
  child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 1)));
  return child;
}

/** Newest modification time (ms) of any file under `dir`. */
function newestUnder(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}

/** The browser harness serves `out/renderer`; rebuild it when missing or older than what it is built from. */
function rendererIsCurrent() {
  const index = join(ROOT, 'out', 'renderer', 'index.html');
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  return ['src/renderer', 'src/shared'].every((dir) => newestUnder(join(ROOT, dir)) <= built);
}

function build() {
  return new Promise((resolve, reject) => {
    process.stdout.write('Building the app…\n');
    const child = spawn(process.execPath, [ELECTRON_VITE, 'build'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    // Rollup's warnings are for developers; the output is shown only when the build fails.
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) return resolve();
      process.stderr.write(output);
      reject(new Error(`the build failed (exit code ${code})`));
    });
  });
}

async function startInBrowser() {
  if (!rendererIsCurrent()) await build();
  const harness = runToEnd(process.execPath, ['--import', import.meta.resolve('tsx'), join(ROOT, 'src', 'harness', 'main.ts'), '--app'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let buffered = '';
  harness.stdout.on('data', (chunk) => {
    buffered += chunk.toString();
    let newline;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      const url = /^HARNESS (\S+)$/.exec(line)?.[1];
      if (!url) {
        process.stdout.write(`${line}\n`);
        continue;
      }
      // The harness (`--app`) opens it in the default browser itself.
      process.stdout.write(`Seedance Studio is running at ${url}\nPress Ctrl+C to stop it.\n`);
    }
  });
}

async function main() {
  const skip = process.env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  let reason = null;
  if (!electronInstalled()) {
    if (skip && skip !== '0' && skip !== 'false') reason = 'ELECTRON_SKIP_BINARY_DOWNLOAD is set';
    else reason = await installElectron();
  }
  if (reason === null) {
    runToEnd(process.execPath, [ELECTRON_VITE, mode]);
    return;
  }
  process.stdout.write(`Electron could not be installed here (${reason}), so Seedance Studio opens in your browser instead.\n`);
  await startInBrowser();
}

main().catch((err) => {
  process.stderr.write(`Seedance Studio could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
