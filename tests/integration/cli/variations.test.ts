import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliAgainstSimulator, seedance, tempDirs } from './cli-process';

// `seedance run --count/--seeds` (issue 14 "Variations") through the real CLI process against the
// provider simulator: one batch of takes, each with its seed, filed as Compose's Generate ×N files
// them; bad flags refused in plain words before anything reaches the provider.

const ARK_1_0 = 'ark/seedance-1-0-pro-250528';
// fal's Seedance 2.0 rows take no seed (providers.md, fal).
const FAL_2_0 = 'fal/bytedance/seedance-2.0/text-to-video';
const SHORT = ['--resolution', '480p', '--duration', '2'];

const dirs = tempDirs('variations');
const { temp } = dirs;
const rig = cliAgainstSimulator(dirs);

/** One `--json` line of `seedance run`. */
interface TakeRecord {
  path: string;
  outPath: string;
  clipId: string;
  seed: number | null;
  batch?: { id: string; take: number; of: number };
}

describe('seedance run --count / --seeds', () => {
  it('×3 with a seed list: three clips with those seeds, one batch in the library, the total said before sending', async () => {
    const out = temp('out');
    const ran = await seedance(['run', '--model', ARK_1_0, '--prompt', 'a paper lantern over a night market', ...SHORT, '--seeds', '11,22,33', '--out', out, '--json'], rig.env);
    expect(ran.code, ran.stderr).toBe(0);
    // The batch's total before anything was sent (three times one take's estimate), then each take's progress.
    const summary = ran.stderr.split('\n').find((l) => l.includes('3 takes as one batch'));
    expect(summary).toMatch(/^ark\/seedance-1-0-pro-250528: 480p, 16:9, 2 s; 3 takes as one batch, seeds 11, 22 and 33; ≈ \$\d+\.\d\d in all \(3 × \$\d+\.\d\d, estimate, prices as of \d{4}-\d\d(-\d\d)?\)$/);
    const [, total, each] = /≈ \$(\S+) in all \(3 × \$(\S+),/.exec(summary!)!;
    expect(Number(total)).toBeCloseTo(3 * Number(each), 2);
    expect(ran.stderr.indexOf(summary!)).toBeLessThan(ran.stderr.search(/take \d\/3 \(seed \d\d\): /));
    for (const take of ['take 1/3 (seed 11): ', 'take 2/3 (seed 22): ', 'take 3/3 (seed 33): ']) expect(ran.stderr).toMatch(new RegExp(`\\] ${take.replace(/[()/]/g, '\\$&')}(queued|sending|waiting|generating|downloading|completed)`));

    const records = ran.stdout.trim().split('\n').map((l) => JSON.parse(l) as TakeRecord);
    expect(records.map((r) => r.seed)).toEqual([11, 22, 33]);
    const batchId = records[0]!.batch?.id;
    expect(batchId).toMatch(/^[a-z0-9-]{8,40}$/);
    expect(records.map((r) => r.batch)).toEqual([1, 2, 3].map((take) => ({ id: batchId, take, of: 3 })));
    // Each clip's sidecar in the library says the same: its seed and the one batch.
    for (const r of records) {
      const sidecar = JSON.parse(readFileSync(join(dirname(r.path), 'clip.json'), 'utf8')) as { seed: number; batch: TakeRecord['batch'] };
      expect({ seed: sidecar.seed, batch: sidecar.batch }).toEqual({ seed: r.seed, batch: r.batch });
    }
    expect(readdirSync(out).sort()).toEqual(records.map((r) => `${r.clipId}.mp4`).sort());
    // The simulator received exactly three tasks.
    expect(rig.sim.stats().byRoute['ark:submit']).toBe(3);
  });

  it('--count with a shorter list: the listed seed first, the rest random and distinct', async () => {
    const ran = await seedance(['run', '--model', ARK_1_0, '--prompt', 'a kite over dunes', ...SHORT, '--count', '3', '--seeds', '5', '--out', temp('out'), '--json'], rig.env);
    expect(ran.code, ran.stderr).toBe(0);
    const seeds = ran.stdout.trim().split('\n').map((l) => (JSON.parse(l) as TakeRecord).seed);
    expect(seeds).toHaveLength(3);
    expect(seeds[0]).toBe(5);
    expect(new Set(seeds).size).toBe(3);
    expect(ran.stderr).toContain(`3 takes as one batch, seeds 5, ${seeds[1]} and ${seeds[2]}; `);
  });

  it('--count on a model without a seed: the takes go as one batch and it says they differ only by chance', async () => {
    const ran = await seedance(['run', '--model', FAL_2_0, '--prompt', 'a kite over dunes', '--resolution', '480p', '--duration', '4', '--count', '2', '--out', temp('out'), '--json'], rig.env);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stderr).toContain('2 takes as one batch, Seedance 2.0 · text to video takes no seed, so the takes differ only by chance; ');
    expect(ran.stderr).toMatch(/\] take 2\/2: /);
    const records = ran.stdout.trim().split('\n').map((l) => JSON.parse(l) as TakeRecord);
    expect(records.map((r) => r.batch?.take)).toEqual([1, 2]);
    expect(new Set(records.map((r) => r.batch?.id)).size).toBe(1);
  });

  it.each([
    ['--count 9', ['--model', ARK_1_0, '--count', '9'], 2, 'A batch holds 2 to 8 takes.'],
    ['--count 1', ['--model', ARK_1_0, '--count', '1'], 2, 'A batch holds 2 to 8 takes.'],
    ['--count three', ['--model', ARK_1_0, '--count', 'three'], 2, '--count must be a whole number, got "three".'],
    ['--seeds with --seed', ['--model', ARK_1_0, '--seeds', '1,2', '--seed', '5'], 2, "--seed cannot go with --seeds: --seed is one job's seed; give each take's with --seeds 11,22,33."],
    ['--count with --seed', ['--model', ARK_1_0, '--count', '3', '--seed', '5'], 2, '--seed cannot go with --count'],
    ['a seed that is not a whole number', ['--model', ARK_1_0, '--seeds', '11,2.5,33'], 2, '“2.5” is not a seed: use whole numbers, like 1, 2, 42.'],
    ['the same seed twice', ['--model', ARK_1_0, '--seeds', '7,7'], 2, 'Seed 7 is listed twice: those takes would be the same video.'],
    ['more seeds than takes', ['--model', ARK_1_0, '--count', '2', '--seeds', '1,2,3'], 2, '3 seeds for 2 takes'],
    ['seeds on a model without a seed', ['--model', FAL_2_0, '--seeds', '1,2'], 1, 'Seedance 2.0 · text to video takes no seed: clear the seed list (its takes differ only by chance).'],
  ])('refuses %s in plain words, and sends nothing', async (_name, flags, code, message) => {
    rig.sim.resetStats();
    const out = temp('refused');
    const ran = await seedance(['run', ...flags, '--prompt', 'a lantern', ...SHORT, '--out', out], rig.env);
    expect(ran.code, ran.stderr).toBe(code);
    expect(ran.stderr).toContain(message);
    expect(ran.stdout).toBe('');
    expect(rig.sim.stats().total).toBe(0);
    expect(readdirSync(out)).toEqual([]);
  });
});
