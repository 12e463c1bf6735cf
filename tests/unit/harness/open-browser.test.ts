import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openInBrowser } from '../../../src/harness/open-browser';

// Linux: the opener is `xdg-open` found on PATH; a stand-in script records what it was asked to open.
describe.skipIf(process.platform !== 'linux')('openInBrowser', () => {
  const path = process.env.PATH;
  let dir: string;
  afterEach(() => {
    process.env.PATH = path;
    rmSync(dir, { recursive: true, force: true });
  });

  it('hands the URL to xdg-open and answers true', async () => {
    dir = mkdtempSync(join(tmpdir(), 'opener-'));
    const out = join(dir, 'opened.txt');
    writeFileSync(join(dir, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${out}'\n`);
    chmodSync(join(dir, 'xdg-open'), 0o755);
    process.env.PATH = dir;
    expect(await openInBrowser('http://127.0.0.1:4711/?t=abc')).toBe(true);
    await expect.poll(() => existsSync(out) && readFileSync(out, 'utf8')).toBe('http://127.0.0.1:4711/?t=abc');
  });

  it('answers false, without throwing, where there is no opener', async () => {
    dir = mkdtempSync(join(tmpdir(), 'opener-'));
    process.env.PATH = dir;
    expect(await openInBrowser('http://127.0.0.1:4711/')).toBe(false);
  });
});
