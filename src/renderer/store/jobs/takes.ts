import type { JobView } from '../../../shared/jobs/job';
import { findModel } from '../../../shared/catalog/models';

/**
 * A job as one take of its prompt (issue 14 item 5: takes of one prompt looked identical): its
 * number among the jobs with the same prompt (1 = the first sent, by when it was queued), how many
 * there are, the seed, and — of the settings that vary between those takes — this take's values.
 */
export interface Take {
  n: number;
  of: number;
  /** The seed the provider reported, else the one asked for; null when random and not reported. */
  seed: number | null;
  /** This take's value of each setting that differs between the takes ("seed 4821", "720p"); empty for a lone take. */
  differs: string[];
}

/** The prompt as the takes are grouped: trimmed, runs of white space as one space. */
function promptKey(prompt: string): string {
  return prompt.trim().replace(/\s+/g, ' ');
}

/** The seed `job` ran with, as far as anyone knows (`Take.seed`). */
export function seedOf(job: Pick<JobView, 'params' | 'remote'>): number | null {
  if (job.remote?.seed !== undefined) return job.remote.seed;
  const asked = job.params.seed;
  return asked === undefined || asked < 0 ? null : asked;
}

/** A setting compared between takes: `key` tells values apart, `show` is how this take's reads. */
interface Facet {
  key(job: JobView): string;
  show(job: JobView): string;
}

const same = (read: (job: JobView) => string): Facet => ({ key: read, show: read });

/** The settings compared between takes. */
const FACETS: Facet[] = [
  same((j) => findModel(j.params.modelId)?.name ?? j.params.modelId),
  same((j) => j.params.resolution),
  same((j) => j.params.aspectRatio),
  same((j) => `${j.params.duration} s`),
  // Photos are compared by their image ids; the ids mean nothing to a person.
  { key: (j) => `${j.params.firstFrame ?? ''}|${j.params.lastFrame ?? ''}`, show: (j) => (j.params.firstFrame ? 'other photos' : 'no photo') },
  same((j) => (j.params.cameraFixed ? 'camera fixed' : 'camera free')),
  same((j) => (j.params.generateAudio === false ? 'no audio' : 'audio')),
  same((j) => {
    const seed = seedOf(j);
    return seed === null ? 'random seed' : `seed ${seed}`;
  }),
];

/**
 * Every job's `Take`, by job id. Jobs are grouped by prompt (an empty prompt is never a take of
 * another) and numbered in the order they were queued (`times.queued`, else their first history
 * entry; ties by id). O(n log n) in the number of jobs.
 */
export function takesOf(jobs: Iterable<JobView>): Map<string, Take> {
  const groups = new Map<string, JobView[]>();
  for (const job of jobs) {
    const key = promptKey(job.params.prompt);
    if (key === '') continue;
    const group = groups.get(key);
    if (group) group.push(job);
    else groups.set(key, [job]);
  }
  const out = new Map<string, Take>();
  for (const group of groups.values()) {
    const since = (j: JobView) => j.times.queued ?? j.history[0]?.at ?? j.updatedAt;
    group.sort((a, b) => since(a) - since(b) || a.id.localeCompare(b.id));
    const varying = group.length < 2 ? [] : FACETS.filter((f) => new Set(group.map(f.key)).size > 1);
    group.forEach((job, i) => {
      out.set(job.id, { n: i + 1, of: group.length, seed: seedOf(job), differs: varying.map((f) => f.show(job)) });
    });
  }
  return out;
}
