import type { KeyboardEvent, ReactNode } from 'react';

/** Fields where Enter means "save", as it does in a browser form. */
const SUBMITTING_TYPES = new Set(['text', 'password', 'url', 'number', 'search']);

interface FormProps {
  /** Runs on Enter in a text field and from the form's buttons (which call it themselves). */
  onSubmit(): void;
  className?: string;
  children: ReactNode;
}

/**
 * A `<form>` that never relies on the browser's form submission: the harness page is sandboxed
 * without `allow-forms` (its CSP `sandbox` directive), where the browser refuses to submit before
 * any `submit` event fires, and the app's CSP has `form-action 'none'`. So Enter in a text field
 * is handled here, and buttons are `type="button"` with their own click handler.
 */
export function Form({ onSubmit, className, children }: FormProps) {
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    if (e.target instanceof HTMLInputElement && SUBMITTING_TYPES.has(e.target.type)) {
      e.preventDefault();
      onSubmit();
    }
  };
  return (
    <form
      className={className}
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}
