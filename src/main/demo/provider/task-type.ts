/*
 * How Seedance 2.5 reads a prompt's task, as the simulated providers do (seedance-2.5.md §2.2
 * "Prompt trigger words", §2.8). Written apart from the app's own check (src/shared/catalog/task-type.ts)
 * on purpose: the simulator must not agree with the app just because they share code.
 */

const EXTEND = /\b(extend(ed|s|ing)?|continu(e|es|ed|ing))\b/i;
const EDIT = /\b(edit video|add|insert|remove|delete|modify|replace|change (?:\w+ ){0,3}?to)\b/i;

/** The task the model infers from the wording alone: `extend`, `edit`, or null (nothing but a new clip). */
export function inferredTask(prompt: string): 'edit' | 'extend' | null {
  if (EXTEND.test(prompt)) return 'extend';
  if (EDIT.test(prompt)) return 'edit';
  return null;
}

/**
 * Whether an explicit task type contradicts the wording (`TaskTypeMismatch`, fails after generation
 * started): wording that reads as edit or extend under another declared type.
 */
export function contradicts(declared: 'reference' | 'edit' | 'extend', prompt: string): boolean {
  const inferred = inferredTask(prompt);
  return inferred !== null && inferred !== declared;
}
