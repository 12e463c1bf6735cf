/**
 * Takes (issue 14 item 5: takes of one prompt looked identical): the jobs — or library clips — made
 * from the same prompt, inputs and model are takes of one another, numbered 1, 2, 3… in the order
 * they were made. One definition for the Queue (jobs, in the renderer) and the Library (clips, in
 * main's index). Pure.
 */

/** What decides which takes belong together, and their order. */
export interface TakeSubject {
  id: string;
  prompt: string;
  modelId: string;
  /** The inputs' identities in order (frames, then references): image ids for jobs, content hashes or URLs for clips. */
  inputs: readonly string[];
  /** When it was made (queued, or filed), ms since the epoch: takes are numbered in this order, ties by id. */
  at: number;
}

/** A take's place among the takes of its prompt + inputs + model. */
export interface TakeNumber {
  /** 1-based. */
  n: number;
  /** How many takes there are. */
  of: number;
  /** The id of take 1, which the others are compared with. */
  firstId: string;
}

/** The group key: model, inputs and the prompt with white space runs as one space. Null for an empty prompt (never a take of another). */
export function takeKey(subject: Pick<TakeSubject, 'prompt' | 'modelId' | 'inputs'>): string | null {
  const prompt = subject.prompt.trim().replace(/\s+/g, ' ');
  return prompt === '' ? null : JSON.stringify([subject.modelId, subject.inputs, prompt]);
}

/** Every subject's `TakeNumber`, by id; subjects with an empty prompt get none. O(n log n). */
export function numberTakes(subjects: Iterable<TakeSubject>): Map<string, TakeNumber> {
  const groups = new Map<string, TakeSubject[]>();
  for (const subject of subjects) {
    const key = takeKey(subject);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(subject);
    else groups.set(key, [subject]);
  }
  const out = new Map<string, TakeNumber>();
  for (const group of groups.values()) {
    group.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const firstId = (group[0] as TakeSubject).id;
    group.forEach((s, i) => out.set(s.id, { n: i + 1, of: group.length, firstId }));
  }
  return out;
}

/** The settings compared between takes; a missing one is "not sent". `seed` null: random, not reported. */
export interface TakeSettings {
  seed: number | null;
  duration?: number;
  resolution?: string;
  aspectRatio?: string;
  cameraFixed?: boolean;
  generateAudio?: boolean;
  watermark?: boolean;
  serviceTier?: string;
}

const NAMES: Record<keyof TakeSettings, string> = {
  seed: 'seed',
  duration: 'duration',
  resolution: 'resolution',
  aspectRatio: 'aspect ratio',
  cameraFixed: 'camera',
  generateAudio: 'audio',
  watermark: 'watermark',
  serviceTier: 'service tier',
};

/** The names of the settings in which take `b` differs from take `a` ("seed", "duration"), in a fixed order. */
export function takeDifferences(a: TakeSettings, b: TakeSettings): string[] {
  return (Object.keys(NAMES) as Array<keyof TakeSettings>).filter((k) => a[k] !== b[k]).map((k) => NAMES[k]);
}

/** "Take 3 of 5 — differs from take 1 in seed, duration"; "Take 1 of 5"; null for a lone take. */
export function takeSentence(take: TakeNumber | undefined, differences: readonly string[]): string | null {
  if (!take || take.of < 2) return null;
  const head = `Take ${take.n} of ${take.of}`;
  if (take.n === 1) return head;
  return differences.length ? `${head} — differs from take 1 in ${differences.join(', ')}` : `${head} — same settings as take 1`;
}
