import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cliAgainstSimulator, seedance, tempDirs } from './cli-process';

// `seedance run --max-cost` (issue 14 "Spend"): the CLI's ceiling in place of Compose's monthly-budget
// question, checked against the estimate it prints, before anything reaches the provider.

const ARK_1_0 = 'ark/seedance-1-0-pro-250528';
const SHORT = ['--resolution', '480p', '--duration', '2'];

const dirs = tempDirs('max-cost');
const { temp } = dirs;
const rig = cliAgainstSimulator(dirs);

/** The dollar amount of the first "≈ $X" the CLI printed. */
function estimate(stderr: string): number {
  const found = /≈ \$(\d+\.\d\d)/.exec(stderr);
  if (!found) throw new Error(`no estimate in: ${stderr}`);
  return Number(found[1]);
}

describe('seedance run --max-cost', () => {
  it('refuses a job whose estimate is above the ceiling, after saying the estimate, and sends nothing', async () => {
    rig.sim.resetStats();
    const out = temp('out');
    const ran = await seedance(['run', '--model', ARK_1_0, '--prompt', 'a lantern', ...SHORT, '--max-cost', '0.01', '--out', out], rig.env);
    expect(ran.code, ran.stderr).toBe(1);
    expect(ran.stderr).toContain(`Not sent: the estimate ≈ $${estimate(ran.stderr).toFixed(2)} is above --max-cost $0.01.`);
    expect(rig.sim.stats().total).toBe(0);
    expect(readdirSync(out)).toEqual([]);
  });

  it('checks a batch by its total: a ceiling above one take but below three refuses the batch', async () => {
    const probe = await seedance(['run', '--model', ARK_1_0, '--prompt', 'a lantern', ...SHORT, '--max-cost', '0.01', '--out', temp('out')], rig.env);
    const one = estimate(probe.stderr);
    rig.sim.resetStats();
    const ceiling = (one * 2).toFixed(2);
    const ran = await seedance(['run', '--model', ARK_1_0, '--prompt', 'a lantern', ...SHORT, '--count', '3', '--max-cost', ceiling, '--out', temp('out')], rig.env);
    expect(ran.code, ran.stderr).toBe(1);
    expect(ran.stderr).toMatch(new RegExp(`Not sent: the estimate ≈ \\$\\d+\\.\\d\\d is above --max-cost \\$${ceiling.replace('.', '\\.')}\\.`));
    expect(estimate(ran.stderr)).toBeCloseTo(3 * one, 1);
    expect(rig.sim.stats().total).toBe(0);
  });

  it('sends a job whose estimate is within the ceiling', async () => {
    const out = temp('out');
    const ran = await seedance(['run', '--model', ARK_1_0, '--prompt', 'a lantern', ...SHORT, '--max-cost', '50', '--out', out, '--json'], rig.env);
    expect(ran.code, ran.stderr).toBe(0);
    expect(readdirSync(out)).toHaveLength(1);
  });

  it.each(['abc', '0', '-1', '1.234'])('refuses --max-cost %s as a usage error', async (value) => {
    rig.sim.resetStats();
    const ran = await seedance(['run', '--model', ARK_1_0, '--prompt', 'a lantern', ...SHORT, `--max-cost=${value}`, '--out', temp('out')], rig.env);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(`--max-cost must be an amount in US dollars above 0 (e.g. 2.50), got "${value}".`);
    expect(rig.sim.stats().total).toBe(0);
  });
});
