/** Command-line options of `npm run harness -- [--port N] [--data DIR] [--test-hooks] [--app]`. */
export interface HarnessArgs {
  /** TCP port on 127.0.0.1; 0 lets the OS pick a free one. */
  port: number;
  /** Folder for all the harness's state; null means a fresh temporary folder. */
  dataDir: string | null;
  /** Enables the token-guarded `/__test/*` endpoints the e2e suite uses (never on by default). */
  testHooks: boolean;
  /**
   * Runs as the app for a person (the browser fallback of `npm start`): state in the desktop app's
   * per-user folder, never test hooks, a few plain lines on stdout after the `HARNESS` line, and the
   * page and allowlisted links opened in the default browser.
   */
  app: boolean;
}

/**
 * Parses the harness's arguments (without `node` and the script). Accepts `--port N`, `--port=N`,
 * `--data DIR`, `--data=DIR`, `--test-hooks` and `--app`. Throws an Error naming the bad argument for an
 * unknown flag, a missing value, a port outside 0–65535, or `--app` with `--data` or `--test-hooks`
 * (the app keeps the desktop app's folder and never opens test hooks).
 */
export function parseHarnessArgs(argv: readonly string[]): HarnessArgs {
  const out: HarnessArgs = { port: 0, dataDir: null, testHooks: false, app: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '' || (inline === undefined && v.startsWith('--'))) throw new Error(`${flag} needs a value.`);
      return v;
    };
    switch (flag) {
      case '--port': {
        const v = value();
        const port = Number(v);
        if (!/^\d+$/.test(v) || port > 65535) throw new Error(`--port must be a whole number from 0 to 65535, got "${v}".`);
        out.port = port;
        break;
      }
      case '--data':
        out.dataDir = value();
        break;
      case '--test-hooks':
        if (inline !== undefined) throw new Error('--test-hooks takes no value.');
        out.testHooks = true;
        break;
      case '--app':
        if (inline !== undefined) throw new Error('--app takes no value.');
        out.app = true;
        break;
      default:
        throw new Error(`Unknown argument "${arg}". Usage: npm run harness -- [--port N] [--data DIR] [--test-hooks] [--app]`);
    }
  }
  if (out.app && (out.dataDir !== null || out.testHooks)) throw new Error('--app uses the desktop app\'s data folder and no test hooks; leave out --data and --test-hooks.');
  return out;
}
