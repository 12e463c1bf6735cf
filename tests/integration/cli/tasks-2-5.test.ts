import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDER_VARS, seedance, tempDirs } from './cli-process';
import { DEMO_PUBLIC_ORIGIN } from '../../../src/main/demo/provider/files';
import { simulatorEnv, startSimulator, type SimulatorHandle } from '../../../tools/provider-sim/index';
import { fixture } from '../../fixtures/images';
import { makeVideo } from '../../fixtures/media';
import { FAL_TASK, JOBS_25, ROWS_25, type Job25, type Provider25 } from '../../fixtures/rows-2-5';
import { startRelay, type WireRelay } from '../../fixtures/wire-relay';

// Seedance 2.5 from the CLI against the simulator, on each provider that documents it (issue 15
// "Done when"): text, first frame, reference, edit and extend on ModelArk, fal and EvoLink. What the
// provider received is read off the wire (a recording relay in front of the simulator), so the test
// proves the task is sent explicitly — ModelArk `omni_reference_task_type`, fal `task`, EvoLink's
// model id — with its locks (seedance-2.5.md §2.1–2.2 ModelArk, §3 fal, §4 EvoLink). Each lock
// violation is refused before anything is sent, and a prompt that contradicts its task fails at the
// provider (`TaskTypeMismatch`, §2.8) with the plain fix. ModelArk takes videos only by public URL
// (providers.md "Seedance 2.0 reference-to-video"), so there the clip is on the simulator's public host.

const PHOTO = fixture('altai-portrait-1080x1920.png');
const REF_PHOTO = fixture('sunset-4272x2848.jpg');

const { temp, removeAll } = tempDirs('2-5');

let sim: SimulatorHandle;
let relay: WireRelay;
let env: NodeJS.ProcessEnv;
let fiveSeconds: string;
let threeSeconds: string;
const PUBLIC_CLIP = `${DEMO_PUBLIC_ORIGIN}/cli/harbour-5s.mp4`;
const PUBLIC_SHORT = `${DEMO_PUBLIC_ORIGIN}/cli/harbour-3s.mp4`;

beforeAll(async () => {
  const simData = temp('sim');
  sim = await startSimulator({ port: 0, dataDir: simData, timeScale: 0.25 });
  relay = await startRelay(sim.url);
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !PROVIDER_VARS.test(k)));
  env = { ...base, ...simulatorEnv(relay.url), SEEDANCE_DATA_DIR: temp('data') };
  const media = temp('media');
  // 1280 × 720, 24 fps, H.264 + AAC: 5 s is an edit source (4–30 s), 3 s is not (but extends).
  [fiveSeconds, threeSeconds] = await Promise.all([
    makeVideo(media, 'harbour-5s.mp4', { width: 1280, height: 720, fps: 24, seconds: 5, sound: 'aac' }),
    makeVideo(media, 'harbour-3s.mp4', { width: 1280, height: 720, fps: 24, seconds: 3, sound: 'aac' }),
  ]);
  mkdirSync(join(simData, 'public', 'cli'), { recursive: true });
  copyFileSync(fiveSeconds, join(simData, 'public', 'cli', 'harbour-5s.mp4'));
  copyFileSync(threeSeconds, join(simData, 'public', 'cli', 'harbour-3s.mp4'));
}, 60_000);

afterAll(async () => {
  await new Promise((ok) => relay?.server.close(ok));
  await sim?.close();
  removeAll();
});

type Provider = Provider25;
type Job = Job25;
const MODEL = ROWS_25;

const PROMPT: Record<Job, string> = {
  text: 'A lighthouse on a cliff at dusk, waves below',
  'first frame': 'The woman turns towards the mountains',
  reference: 'The sunset @image1 over a quiet bay',
  edit: 'Edit video @video1: replace the boats with sailing ships',
  extend: 'Extend @video1 forward: the harbour lights come on',
};

/** The source clip as each provider takes it: ModelArk by public URL, fal and EvoLink as a file they upload. */
const source = (provider: Provider, short = false) => (provider === 'ark' ? (short ? PUBLIC_SHORT : PUBLIC_CLIP) : short ? threeSeconds : fiveSeconds);

function jobArgs(provider: Provider, job: Job): string[] {
  const model = ['--model', MODEL[provider][job], '--prompt', PROMPT[job], '--resolution', '480p'];
  if (job === 'text') return [...model, '--duration', '4'];
  if (job === 'first frame') return [...model, '--image', PHOTO, '--duration', '4'];
  if (job === 'reference') return [...model, '--reference-image', REF_PHOTO, '--task', 'reference', '--duration', '4'];
  return [...model, '--reference-video', source(provider), '--task', job];
}

/** The submit body the provider received for the model (the last one; fal's path names the model, the others' body). */
function submitted(provider: Provider, job: Job, from: number): Record<string, unknown> {
  const model = MODEL[provider][job].slice(provider.length + 1);
  const bodies = relay.sent.slice(from).filter((s) => (provider === 'fal' ? s.path.includes(`/${model}`) : s.body.model === model));
  expect(bodies, `no submit for ${model}`).not.toHaveLength(0);
  return bodies.at(-1)!.body;
}

const CASES = (['ark', 'fal', 'evolink'] as const).flatMap((provider) => JOBS_25.map((job) => ({ provider, job })));

describe.each(CASES)('Seedance 2.5 $job on $provider from the CLI', ({ provider, job }) => {
  it('runs to a filed clip, sending the task explicitly with its locks', async () => {
    const from = relay.sent.length;
    const out = temp(`${provider}-${job.replace(' ', '-')}`);
    const ran = await seedance(['run', ...jobArgs(provider, job), '--out', out], env);
    expect(ran.code, ran.stdout + ran.stderr).toBe(0);
    expect(readdirSync(out)).toEqual([expect.stringMatching(/\.mp4$/)]);
    const body = submitted(provider, job, from);
    const task = job === 'edit' || job === 'extend' || job === 'reference' ? job : undefined;
    if (provider === 'ark') {
      expect(body.omni_reference_task_type).toBe(task);
      if (task === 'edit' || task === 'extend') expect(body.ratio).toBe('adaptive');
      if (task === 'edit') expect(body.duration).toBe(-1);
    } else if (provider === 'fal') {
      expect(body.task).toBe(task ? FAL_TASK[task] : undefined);
      if (task === 'edit' || task === 'extend') expect(body.aspect_ratio).toBe('auto');
      if (task === 'edit') expect(body.duration).toBe('auto');
    } else {
      // EvoLink: the model id is the task.
      expect(body.model).toBe(MODEL.evolink[job].slice('evolink/'.length));
      if (task === 'edit' || task === 'extend') expect(body.aspect_ratio).toBe('adaptive');
      if (task === 'edit') expect(body.duration ?? -1).toBe(-1);
    }
  });
});

describe('Seedance 2.5 lock violations from the CLI', () => {
  const violations = (provider: Provider) => [
    { name: 'an edit with a fixed aspect ratio', args: [...jobArgs(provider, 'edit'), '--aspect-ratio', '16:9'], verdict: /aspect ratio/i },
    { name: 'an edit with a duration', args: [...jobArgs(provider, 'edit'), '--duration', '5'], verdict: /duration/i },
    {
      name: 'an edit of a 3 s clip',
      args: ['--model', MODEL[provider].edit, '--prompt', PROMPT.edit, '--reference-video', source(provider, true), '--task', 'edit'],
      verdict: /4–30 s/,
      // ModelArk takes the source by URL, which the app cannot measure: the provider refuses it at
      // once (a synchronous TaskTypeConstraint, no task made, seedance-2.5.md §2.8), with the plain fix.
      reachesProvider: provider === 'ark',
    },
    { name: 'an extension with no video', args: ['--model', MODEL[provider].extend, '--prompt', PROMPT.extend, '--task', 'extend'], verdict: /video/i },
    // Extend and a first frame keep the source's ratio too (§2.2: adaptive, or TaskTypeConstraint).
    { name: 'an extension with a fixed aspect ratio', args: [...jobArgs(provider, 'extend'), '--aspect-ratio', '16:9'], verdict: /aspect ratio/i },
    { name: 'a first frame with a fixed aspect ratio', args: [...jobArgs(provider, 'first frame'), '--aspect-ratio', '16:9'], verdict: /aspect ratio/i },
    // A task the row does not offer: EvoLink's video-extend row cannot edit (the model id is the task).
    ...(provider === 'evolink' ? [{ name: 'an edit on the video-extend row', args: [...jobArgs(provider, 'extend').filter((a) => a !== 'extend'), 'edit'], verdict: /cannot edit a clip/ }] : []),
  ];

  it.each(['ark', 'fal', 'evolink'] as const)('%s refuses each before anything is sent, with its plain verdict', async (provider) => {
    for (const v of violations(provider)) {
      const before = sim.stats().total;
      const ran = await seedance(['run', ...v.args, '--out', temp(`${provider}-refused`)], env);
      expect(ran.code, `${v.name}: ${ran.stdout}${ran.stderr}`).toBe(1);
      expect(ran.stderr, v.name).toMatch(v.verdict);
      if (!('reachesProvider' in v && v.reachesProvider)) expect(sim.stats().total, `${v.name} sent a request`).toBe(before);
    }
  });
});

describe('a prompt that contradicts its task (TaskTypeMismatch)', () => {
  it.each(['ark', 'fal', 'evolink'] as const)('%s fails it at the provider and the CLI gives the plain fix', async (provider) => {
    const before = sim.stats().total;
    // Set as an edit, worded as an extension: the provider infers "extend" and fails it after it started.
    const args = ['--model', MODEL[provider].edit, '--prompt', 'Continue @video1: the ships sail out of the harbour', '--reference-video', source(provider), '--task', 'edit'];
    const ran = await seedance(['run', ...args, '--out', temp(`${provider}-mismatch`)], env);
    expect(ran.code, ran.stdout + ran.stderr).toBe(1);
    expect(ran.stderr).toContain("the prompt's wording asks for another task than the one chosen");
    expect(ran.stderr).toMatch(/reword the prompt, or choose the task it describes/);
    // It was sent (that is the point: only the provider can tell), and failed there.
    expect(sim.stats().total).toBeGreaterThan(before);
  });
});
