import { phrase, type Phrase } from '../../shared/messages/phrase';

/*
 * Seedance 2.5's task-type errors, the same upstream on every provider (seedance-2.5.md §2.8):
 * `InvalidParameter.TaskTypeConstraint` — the parameters break the task's locks (a synchronous 400,
 * not billed, when the task is explicit); `InvalidParameter.TaskTypeMismatch` — the prompt's wording
 * asks for another task than the one declared (fails after generation started). Relays pass the
 * upstream text through, e.g. "Seedance identified your task as video editing based on your prompt …
 * `duration` must be -1" (seedance-2.5.md §2.8, [O1]).
 */


/**
 * The plain advice for a task-type error, from the provider's code or message (any case), or
 * undefined when it is not one. Both are the user's to fix: kind `invalid_input`, not retryable.
 */
export function taskTypeFailure(code?: string, message?: string): { kind: 'invalid_input'; detail: Phrase } | undefined {
  const text = `${code ?? ''} ${message ?? ''}`;
  if (/TaskTypeMismatch/i.test(text)) return { kind: 'invalid_input', detail: phrase('failure.detail.taskTypeMismatch') };
  if (/TaskTypeConstraint|identified your task as video (?:editing|extension)/i.test(text)) return { kind: 'invalid_input', detail: phrase('failure.detail.taskTypeConstraint') };
  return undefined;
}
