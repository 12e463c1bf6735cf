/*
 * Seedance 2.5's task-type errors, the same upstream on every provider (seedance-2.5.md §2.8):
 * `InvalidParameter.TaskTypeConstraint` — the parameters break the task's locks (a synchronous 400,
 * not billed, when the task is explicit); `InvalidParameter.TaskTypeMismatch` — the prompt's wording
 * asks for another task than the one declared (fails after generation started). Relays pass the
 * upstream text through, e.g. "Seedance identified your task as video editing based on your prompt …
 * `duration` must be -1" (seedance-2.5.md §2.8, [O1]).
 */

const CONSTRAINT =
  "Seedance took this as an edit or extension of a clip, which keeps the source's aspect ratio (and an edit its length): set the aspect ratio to adaptive (auto on fal) and, for an edit, the duration to Auto; an edit's source clip must be 4–30 s, an extension's 2–30 s";
const MISMATCH =
  "the prompt's wording asks for another task than the one chosen (words like “extend”, “continue”, “replace” or “remove” read as an extension or an edit): reword the prompt, or choose the task it describes";

/**
 * The plain advice for a task-type error, from the provider's code or message (any case), or
 * undefined when it is not one. Both are the user's to fix: kind `invalid_input`, not retryable.
 */
export function taskTypeFailure(code?: string, message?: string): { kind: 'invalid_input'; detail: string } | undefined {
  const text = `${code ?? ''} ${message ?? ''}`;
  if (/TaskTypeMismatch/i.test(text)) return { kind: 'invalid_input', detail: MISMATCH };
  if (/TaskTypeConstraint|identified your task as video (?:editing|extension)/i.test(text)) return { kind: 'invalid_input', detail: CONSTRAINT };
  return undefined;
}
