import { CloudCheck, CloudOff, LoaderCircle, Pencil } from 'lucide-react';
import { useStudio } from '../../store/index';

/** Where the autosave stands, as icon and word: Saved · Saving… · Editing · Not saved (with main's reason). */
export function SaveStatus() {
  const save = useStudio((s) => s.compose.save);
  switch (save.status) {
    case 'saved':
      return (
        <span className="save-status" data-state="saved" role="status">
          <CloudCheck aria-hidden="true" size={15} />
          Saved
        </span>
      );
    case 'pending':
      return (
        <span className="save-status" data-state="pending" role="status">
          <Pencil aria-hidden="true" size={14} />
          Editing
        </span>
      );
    case 'saving':
      return (
        <span className="save-status" data-state="saving" role="status">
          <LoaderCircle className="spin" aria-hidden="true" size={15} />
          Saving…
        </span>
      );
    case 'error':
      return (
        <span className="save-status" data-state="error" role="alert" title={save.message}>
          <CloudOff aria-hidden="true" size={15} />
          Not saved: {save.message}
        </span>
      );
  }
}
