import type { AspectRatio, JobParams, ModelEntry, ReferenceTask } from './types';
import { english, phrase, said, type Phrase, type Said } from '../messages/phrase';

/*
 * Seedance 2.5's task types and the locks the provider enforces on them (seedance-2.5.md §2.2,
 * §2.3, §2.8). The provider refuses an explicit task whose parameters break a lock with a
 * synchronous 400 `InvalidParameter.TaskTypeConstraint` (not billed), and fails a job *after*
 * generation started with `TaskTypeMismatch` when the prompt's wording suggests another task —
 * so the app applies the locks before sending and warns about the wording in Compose.
 */

/** Duration the provider picks itself: ModelArk/EvoLink `-1`, fal `"auto"` (seedance-2.5.md §2.1, §3, §4). */
export const AUTO_DURATION = -1;

/**
 * The task a job runs: its `task`, else the row's default (its first task: `edit` on EvoLink's
 * video-edit row, which is locked to it), else `reference`.
 */
export function taskOf(params: Pick<JobParams, 'task'>, entry?: Pick<ModelEntry, 'tasks'>): ReferenceTask {
  return params.task ?? entry?.tasks?.[0] ?? 'reference';
}

/** Whether the user picks the task on this row (it offers more than one); a one-task row is locked to its task. */
export function offersTaskChoice(entry: Pick<ModelEntry, 'tasks'>): boolean {
  return (entry.tasks?.length ?? 0) > 1;
}

/** The row's "follow the input" ratio (`adaptive` on ModelArk and EvoLink, `auto` on fal), if it has one. */
function followRatio(entry: ModelEntry): AspectRatio | undefined {
  const spec = entry.params.find((p) => p.key === 'aspectRatio');
  const found = spec?.kind === 'enum' ? spec.options.find((o) => o === 'adaptive' || o === 'auto') : undefined;
  return found as AspectRatio | undefined;
}

/** Whether the row lets the provider pick the duration (its duration spec has `auto`). */
function hasAutoDuration(entry: ModelEntry): boolean {
  const spec = entry.params.find((p) => p.key === 'duration');
  return spec?.kind === 'int' && spec.auto === true;
}

/**
 * The values a task forces on a Seedance 2.5 row (seedance-2.5.md §2.2): edit → the source's ratio
 * (`adaptive`/`auto`) and the source's length (auto duration); extend → the source's ratio; a first
 * frame on 2.5 → `adaptive`. Empty for rows without task types and for plain reference jobs.
 */
export function taskLocks(entry: ModelEntry, params: Pick<JobParams, 'task' | 'firstFrame'>): Partial<Pick<JobParams, 'aspectRatio' | 'duration'>> {
  const follow = followRatio(entry);
  if (!entry.tasks?.length && !(entry.sizeFamily === 'seedance-2.5' && params.firstFrame)) return {};
  const task = params.firstFrame ? 'frame' : taskOf(params, entry);
  const out: Partial<Pick<JobParams, 'aspectRatio' | 'duration'>> = {};
  if ((task === 'edit' || task === 'extend' || task === 'frame') && follow) out.aspectRatio = follow;
  if (task === 'edit' && hasAutoDuration(entry)) out.duration = AUTO_DURATION;
  return out;
}

/** Seconds a source clip may last, inclusive. */
export interface SourceSeconds {
  min: number;
  max: number;
}

/**
 * How long the source clip (the first reference video) of an edit or an extension may be
 * (seedance-2.5.md §2.3): edit 4–30 s everywhere; extend 2–30 s (BytePlus, and EvoLink, whose video
 * limits are §2.4's), 1.8–30.2 s on fal (§2.3 [F2]). Null for a plain reference job.
 */
export function sourceSeconds(entry: Pick<ModelEntry, 'provider'>, task: ReferenceTask): SourceSeconds | null {
  if (task === 'edit') return { min: 4, max: 30 };
  if (task === 'extend') return entry.provider === 'fal' ? { min: 1.8, max: 30.2 } : { min: 2, max: 30 };
  return null;
}

/**
 * Why an edit or extension cannot be sent with these references (no file needed; English and phrase), or null: it needs
 * the source clip as its first reference video (seedance-2.5.md §2.2: "≥1 reference_video (first =
 * source)"; EvoLink §4: "edit/extend required: the first one is the target").
 */
export function sourceVideoMissing(entry: ModelEntry, params: Pick<JobParams, 'task' | 'references'>): Said | null {
  const task = taskOf(params, entry);
  if (!entry.tasks?.length || task === 'reference') return null;
  if ((params.references ?? []).some((r) => r.kind === 'video')) return null;
  return said(`params.task.sourceMissing.${task}`, { model: entry.name });
}

/**
 * The plain verdict on a source clip's length (`seconds`, as probed) for this task, or null when it
 * fits or the task has no source (seedance-2.5.md §2.3; the provider answers
 * `TaskTypeConstraint` otherwise, §2.8).
 */
export function sourceLengthProblem(entry: Pick<ModelEntry, 'provider' | 'name'>, task: ReferenceTask, seconds: number): string | null {
  const problem = sourceLengthPhrase(entry, task, seconds);
  return problem ? english(problem) : null;
}

/** `sourceLengthProblem` as a phrase, for the UI's language. */
export function sourceLengthPhrase(entry: Pick<ModelEntry, 'provider' | 'name'>, task: ReferenceTask, seconds: number): Phrase | null {
  const range = sourceSeconds(entry, task);
  if (!range || (seconds >= range.min && seconds <= range.max)) return null;
  const verb = task === 'edit' ? 'edit' : 'extend';
  return phrase(`reference.sourceLength.${verb}`, { seconds: Math.round(seconds * 10) / 10, model: entry.name, min: range.min, max: range.max });
}

/**
 * Plain messages (English and phrase) for each lock `params` breaks on `entry` (empty when none): what the provider
 * would answer with `InvalidParameter.TaskTypeConstraint`, said before anything is sent.
 */
export function taskLockViolations(entry: ModelEntry, params: JobParams): Array<{ path: 'aspectRatio' | 'duration' | 'task' } & Said> {
  const out: Array<{ path: 'aspectRatio' | 'duration' | 'task' } & Said> = [];
  if (params.task && !entry.tasks?.includes(params.task)) {
    out.push({ path: 'task', ...said(`params.task.cannot.${params.task}`, { model: entry.name }) });
    return out;
  }
  const locks = taskLocks(entry, params);
  const what = params.firstFrame ? 'firstFrame' : taskOf(params, entry) === 'edit' ? 'edit' : 'extend';
  if (locks.aspectRatio && params.aspectRatio !== locks.aspectRatio) {
    out.push({ path: 'aspectRatio', ...said(`params.task.lockRatio.${what}`, { model: entry.name, ratio: locks.aspectRatio }) });
  }
  if (locks.duration !== undefined && params.duration !== locks.duration) {
    // Only an edit locks the duration (taskLocks): its sentence says so.
    out.push({ path: 'duration', ...said('params.task.lockDuration', { model: entry.name }) });
  }
  return out;
}

/**
 * Words that make Seedance 2.5 read a prompt as an edit or an extension (seedance-2.5.md §2.2,
 * "Prompt trigger words": edit — edit video, add, insert, remove, delete, modify, replace, change to;
 * extend — extend forward/backward, continue, continue from, extend the story). Whole words, any case.
 */
const TRIGGERS: ReadonlyArray<{ task: 'edit' | 'extend'; pattern: RegExp }> = [
  { task: 'extend', pattern: /\bextend(?:s|ed|ing)?\b(?:\s+(?:it\s+)?(?:forward|backward|the\s+story))?/gi },
  { task: 'extend', pattern: /\bcontinu(?:e|es|ed|ing)(?:\s+from)?\b/gi },
  { task: 'edit', pattern: /\bedit(?:s|ed|ing)?\s+(?:the\s+)?video\b/gi },
  { task: 'edit', pattern: /\b(?:add|adds|insert|inserts|remove|removes|delete|deletes|modify|modifies|replace|replaces)\b/gi },
  { task: 'edit', pattern: /\bchange(?:s)?\s+(?:\w+\s+){0,3}?to\b/gi },
];

/** The tasks a prompt's wording suggests, with the words found (lower case, in order of appearance). */
export function promptTaskHints(prompt: string): Array<{ task: 'edit' | 'extend'; words: string[] }> {
  const found = new Map<'edit' | 'extend', Array<{ at: number; word: string }>>();
  for (const { task, pattern } of TRIGGERS) {
    for (const m of prompt.matchAll(pattern)) {
      const list = found.get(task) ?? [];
      list.push({ at: m.index, word: m[0].toLowerCase().replace(/\s+/g, ' ') });
      found.set(task, list);
    }
  }
  return [...found.entries()].map(([task, hits]) => ({ task, words: [...new Set(hits.sort((a, b) => a.at - b.at).map((h) => h.word))] }));
}

/**
 * A warning for Compose when a 2.5 job's prompt reads as another task than the one chosen (the
 * provider would fail it after generation started: `TaskTypeMismatch`, seedance-2.5.md §2.8), or
 * null. Only for rows that offer task types.
 */
export function taskMismatchWarning(entry: ModelEntry, params: Pick<JobParams, 'task' | 'prompt' | 'firstFrame'>): string | null {
  if (!entry.tasks?.length || params.firstFrame) return null;
  const chosen = taskOf(params, entry);
  const other = promptTaskHints(params.prompt).find((h) => h.task !== chosen);
  if (!other) return null;
  const words = other.words.map((w) => `“${w}”`).join(', ');
  const reads = other.task === 'edit' ? 'an edit of a clip' : 'an extension of a clip';
  const set = chosen === 'reference' ? 'a new clip from references' : chosen === 'edit' ? 'an edit' : 'an extension';
  return `The prompt says ${words}, which Seedance reads as ${reads}, but this job is set to make ${set}: the provider may fail it after it starts (and bill it). Reword the prompt, or choose ${other.task === 'edit' ? 'Edit' : 'Extend'}.`;
}
