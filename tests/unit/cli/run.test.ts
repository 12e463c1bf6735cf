import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main';
import type { CliIo } from '../../../src/cli/io';
import { fixture } from '../../fixtures/images';
import { CATALOG } from '../../../src/shared/catalog/models';

const PORTRAIT = fixture('altai-portrait-1080x1920.png');

function capture(env: Record<string, string | undefined>, signal = new AbortController().signal): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    env,
    signal,
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
  const d = await mkdtemp(join(tmpdir(), 'seedance-cli-unit-'));
  made.push(d);
  return d;
}
afterAll(async () => {
  for (const d of made) await rm(d, { recursive: true, force: true });
});

describe('seedance run: flags are checked before anything starts', () => {
  it.each([
    [['--model', 'novita/seedance-v1-pro-t2v', '--prompt', 'x', '--duration', '7'], 1, /5 or 10/],
    [['--model', 'novita/seedance-v1-pro-t2v', '--prompt', 'x', '--image', PORTRAIT], 1, /text-to-video only/],
    [['--model', 'novita/seedance-v1-pro-t2v', '--prompt', 'x', '--no-audio'], 1, /no generateAudio/],
    [['--model', 'novita/seedance-v1-pro-i2v', '--prompt', 'x'], 1, /needs a first frame image/],
    [['--model', 'novita/seedance-v1-pro-t2v', '--prompt', 'x', '--duration', 'five'], 2, /whole number/],
    [['--model', 'novita/nope', '--prompt', 'x'], 2, /Unknown model/],
    [['--model', 'ark/seedance-1-5-pro-251215', '--prompt', 'x'], 2, /Seedance 1\.5 Pro on BytePlus ModelArk was retired on 2026-11-11 .*Use Seedance 2\.0 \(BytePlus ModelArk\) instead/],
    [['--model', 'novita/seedance-v1-pro-t2v', '--prompt', 'x', '--fps', '30'], 2, /Unknown option '--fps'/],
    // Seedance 2.5 task locks (seedance-2.5.md §2.2), refused before sending.
    [['--model', 'fal/bytedance/seedance-2.5/reference-to-video', '--prompt', 'x', '--task', 'trim'], 2, /--task must be reference, edit or extend/],
    [['--model', 'fal/bytedance/seedance-2.5/reference-to-video', '--prompt', 'x', '--task', 'edit', '--reference-image', PORTRAIT], 1, /To edit a clip, .* needs the clip itself/],
    [['--model', 'ark/dreamina-seedance-2-5-260628', '--prompt', 'x', '--task', 'edit', '--reference-video', 'https://example.com/a.mp4', '--duration', '8'], 1, /keeps the source clip's length: set the duration to Auto/],
    [['--model', 'ark/dreamina-seedance-2-5-260628', '--prompt', 'x', '--task', 'extend', '--reference-video', 'https://example.com/a.mp4', '--aspect-ratio', '16:9'], 1, /To extend a clip, .* set it to adaptive/],
    [['--model', 'evolink/seedance-2.5-video-edit', '--prompt', 'x', '--task', 'extend', '--reference-video', 'https://example.com/a.mp4'], 1, /cannot extend a clip/],
    // Variations (issue 14): the model's seed range, and the help names both flags.
    [['--model', 'ark/seedance-1-0-pro-250528', '--prompt', 'x', '--seeds', '1,99999999999'], 1, /Seed 99999999999 is too large: this model takes 0 to \d+\./],
    [['--model', 'ark/seedance-1-0-pro-250528', '--prompt', 'x', '--count', '9'], 2, /A batch holds 2 to 8 takes\.[\s\S]*\[--count <2-8>\] \[--seeds <n,n,…>\][\s\S]*--count N sends N takes/],
  ] as const)('%j exits %i', async (flags, exit, message) => {
    const out = join(await temp(), 'out');
    const data = await temp();
    const io = capture({ SEEDANCE_DATA_DIR: data });
    expect(await runCli(['run', ...flags, '--out', out], io)).toBe(exit);
    expect(io.err + io.out).toMatch(message);
    // Refused before the core started: no output folder, nothing in the data folder.
    await expect(readdir(out)).rejects.toThrow();
    expect(await readdir(data)).toEqual([]);
  });

  it('--out is required', async () => {
    const io = capture({});
    expect(await runCli(['run', '--model', 'novita/seedance-v1-pro-t2v', '--prompt', 'x'], io)).toBe(2);
    expect(io.err).toMatch(/--out is required/);
  });

  it('unknown commands and no command are usage errors', async () => {
    const a = capture({});
    expect(await runCli(['launch'], a)).toBe(2);
    expect(a.err).toMatch(/Unknown command/);
    const b = capture({});
    expect(await runCli([], b)).toBe(2);
    expect(b.out).toMatch(/Usage:/);
  });
});

describe('seedance run: keys and images (the core starts, nothing is sent)', () => {
  it('exits 2 naming the variable when other providers have keys but this one has none', async () => {
    const data = await temp();
    const io = capture({ SEEDANCE_DATA_DIR: data, NOVITA_API_KEY: 'nv-unit-key-0123456789' });
    const code = await runCli(['run', '--model', 'fal/bytedance/seedance-2.0/text-to-video', '--prompt', 'x', '--out', join(data, 'out')], io);
    expect(code).toBe(2);
    expect(io.err).toMatch(/Set FAL_KEY/);
    expect(io.err).not.toMatch(/^offline demo:/m);
  });

  it('exits 2 with the reason when the image cannot be read (offline demo, since no key is set)', async () => {
    const data = await temp();
    const io = capture({ SEEDANCE_DATA_DIR: data });
    const code = await runCli(['run', '--model', 'novita/seedance-v1-pro-i2v', '--prompt', 'x', '--image', join(data, 'missing.png'), '--out', join(data, 'out')], io);
    expect(code).toBe(2);
    expect(io.err).toMatch(/offline demo/);
    expect(io.err).toMatch(/missing\.png/);
    expect(io.err).not.toMatch(/Usage:/);
  });
});

describe('seedance models', () => {
  it('--json prints the whole catalog', async () => {
    const io = capture({});
    expect(await runCli(['models', '--json'], io)).toBe(0);
    const rows = JSON.parse(io.out) as Array<{ id: string }>;
    expect(rows.map((r) => r.id)).toEqual(CATALOG.map((m) => m.id));
    expect(rows.map((r) => r.id)).toContain('ark/dreamina-seedance-2-0-260128');
    expect(rows.map((r) => r.id)).toContain('fal/bytedance/seedance-2.0/reference-to-video');
  });

  it('prints a readable list: EvoLink 2.0 standard up to 4k as documented (no uncertainty mark)', async () => {
    const io = capture({});
    expect(await runCli(['models'], io)).toBe(0);
    expect(io.out).toMatch(/evolink\/seedance-2.0-text-to-video\n.* 480p 720p 1080p 4k · /);
    expect(io.out).toMatch(/ark\/seedance-1-0-pro-250528\n.*≈ \$2.5\/M tokens \(as of 2026-11\)/);
  });
});

describe('seedance models: each row with its status', () => {
  it('ends every row with its state and gives retired rows their date, source and replacement', async () => {
    const io = capture({});
    expect(await runCli(['models'], io)).toBe(0);
    const rows = io.out.split(/\n(?=\S)/);
    expect(rows.every((r) => / · (active|deprecated|retired)$/m.test(r))).toBe(true);
    const ark15 = rows.find((r) => r.startsWith('ark/seedance-1-5-pro-251215\n'))!;
    expect(ark15).toMatch(/ · retired\n {4}status: retired 2026-11-11 \(source: third-party: .*\) · use ark\/dreamina-seedance-2-0-260128 instead$/);
    expect(rows.find((r) => r.startsWith('fal/fal-ai/bytedance/seedance/v1.5/pro/text-to-video\n'))).toMatch(/ · active$/);
    const json = capture({});
    expect(await runCli(['models', '--json'], json)).toBe(0);
    const parsed = JSON.parse(json.out) as Array<{ id: string; status?: { state: string } }>;
    expect(parsed.find((m) => m.id === 'ark/seedance-1-5-pro-251215')?.status?.state).toBe('retired');
  });
});
