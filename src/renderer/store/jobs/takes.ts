import type { JobView } from '../../../shared/jobs/job';
import { numberTakes, takeDifferences, type TakeSettings } from '../../../shared/jobs/takes';

/**
 * A job as one take (issue 14 item 5): its number among the jobs with the same prompt, inputs and
 * model (`numberTakes`, 1 = the first queued), how many there are, the seed, and the names of the
 * settings in which it differs from take 1 (`takeDifferences`: "seed", "duration").
 */
export interface Take {
  n: number;
  of: number;
  /** The seed the provider reported, else the one asked for; null when random and not reported. */
  seed: number | null;
  /** Empty for take 1 and a lone take. */
  differs: string[];
}

/** The seed `job` ran with, as far as anyone knows (`Take.seed`). */
export function seedOf(job: Pick<JobView, 'params' | 'remote'>): number | null {
  if (job.remote?.seed !== undefined) return job.remote.seed;
  const asked = job.params.seed;
  return asked === undefined || asked < 0 ? null : asked;
}

/** The settings compared between takes. */
function settingsOf(job: JobView): TakeSettings {
  const p = job.params;
  return { seed: seedOf(job), duration: p.duration, resolution: p.resolution, aspectRatio: p.aspectRatio, cameraFixed: p.cameraFixed, generateAudio: p.generateAudio, watermark: p.watermark, serviceTier: p.serviceTier };
}

/** The job's inputs as `TakeSubject.inputs`: its frames' image ids, then its references. */
function inputsOf(job: JobView): string[] {
  const { firstFrame, lastFrame, references } = job.params;
  return [firstFrame ?? '', lastFrame ?? '', ...(references ?? []).map((r) => JSON.stringify(r))];
}

/** Every job's `Take`, by job id; ordered by when each was queued (`times.queued`, else its first history entry). */
export function takesOf(jobs: Iterable<JobView>): Map<string, Take> {
  const byId = new Map<string, JobView>();
  for (const job of jobs) byId.set(job.id, job);
  const numbers = numberTakes(
    [...byId.values()].map((j) => ({ id: j.id, prompt: j.params.prompt, modelId: j.params.modelId, inputs: inputsOf(j), at: j.times.queued ?? j.history[0]?.at ?? j.updatedAt })),
  );
  const out = new Map<string, Take>();
  for (const [id, number] of numbers) {
    const job = byId.get(id) as JobView;
    const first = byId.get(number.firstId) as JobView;
    out.set(id, { n: number.n, of: number.of, seed: seedOf(job), differs: number.n === 1 ? [] : takeDifferences(settingsOf(first), settingsOf(job)) });
  }
  return out;
}
