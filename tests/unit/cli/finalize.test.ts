import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';

// `seedance run --draft` and `seedance finalize`: what is refused before anything is sent.

function capture(env: Record<string, string | undefined>): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    env,
    signal: new AbortController().signal,
    stdout(t: string) {
      io.out += t;
    },
    stderr(t: string) {
      io.err += t;
    },
  };
  return io;
}

const made: string[] = [];
async function temp(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'seedance-cli-finalize-'));
  made.push(d);
  return d;
}
afterAll(async () => {
  for (const d of made) await rm(d, { recursive: true, force: true });
});

describe('seedance finalize and --draft', () => {
  it('the help names both', async () => {
    const io = capture({});
    expect(await runCli(['--help'], io)).toBe(0);
    expect(io.out).toContain('[--draft]');
    expect(io.out).toContain('seedance finalize <clip id | clip folder | clip.json> --out <dir>');
  });

  it('finalize needs exactly one clip (exit 2)', async () => {
    const io = capture({});
    expect(await runCli(['finalize', '--out', await temp()], io)).toBe(2);
    expect(io.err).toMatch(/finalize takes one clip/);
  });

  it('--draft on a row without Draft is refused by the model’s rules (exit 1)', async () => {
    const io = capture({ SEEDANCE_DATA_DIR: await temp() });
    const code = await runCli(['run', '--model', 'ark/dreamina-seedance-2-0-260128', '--prompt', 'x', '--resolution', '480p', '--draft', '--out', await temp()], io);
    expect(code).toBe(1);
    expect(io.err).toMatch(/makes no drafts/);
  });

  it('a folder without a sidecar is a usage error (exit 2)', async () => {
    const folder = await temp();
    await writeFile(join(folder, 'clip.mp4'), 'not a video');
    const io = capture({ SEEDANCE_DATA_DIR: await temp() });
    expect(await runCli(['finalize', folder, '--out', await temp()], io)).toBe(2);
    expect(io.err).toMatch(/No clip\.json beside/);
  });
});
