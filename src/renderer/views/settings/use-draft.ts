import { useState } from 'react';

/** A text field's draft over a value main owns. */
export interface Draft {
  draft: string;
  setDraft(text: string): void;
  /** True when the draft differs from the stored value. */
  dirty: boolean;
}

/**
 * Keeps the text a person is typing apart from the stored value: while the draft is untouched it
 * follows the stored value (a change made elsewhere shows up at once); once edited it stays the
 * person's until saved or edited back. A refused save therefore keeps what was typed, so it can be
 * corrected, while the stored value stays as it was.
 */
export function useDraft(stored: string): Draft {
  const [draft, setDraft] = useState(stored);
  const [seen, setSeen] = useState(stored);
  // React's "adjust state while rendering" pattern: no effect, no flash of the old value.
  if (stored !== seen) {
    setSeen(stored);
    if (draft === seen) setDraft(stored);
  }
  return { draft, setDraft, dirty: draft !== stored };
}
