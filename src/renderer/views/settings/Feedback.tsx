import { Check, CircleAlert, Info } from 'lucide-react';

/** An inline error under a field or form: icon and words, announced as it appears. */
export function FieldError({ id, message }: { id?: string; message: string | null }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error" role="alert">
      <CircleAlert aria-hidden="true" size={15} />
      <span>{message}</span>
    </p>
  );
}

/** A short outcome line: `done` for "Saved.", `info` for anything else worth saying ("Not saved."). */
export interface Note {
  text: string;
  tone: 'done' | 'info';
}

/**
 * A quiet outcome line under a form. The live region is always rendered so screen readers
 * announce the words when they appear.
 */
export function StatusNote({ note }: { note: Note | null }) {
  return (
    <p className="field-note" role="status" data-tone={note?.tone}>
      {note ? (
        <>
          {note.tone === 'done' ? <Check aria-hidden="true" size={15} /> : <Info aria-hidden="true" size={15} />}
          <span>{note.text}</span>
        </>
      ) : null}
    </p>
  );
}
