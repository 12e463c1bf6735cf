import { FolderOpen, Info } from 'lucide-react';
import { useId, useState } from 'react';
import { describeError } from '../../api/client';
import { useStudio } from '../../store/index';
import { FieldError, StatusNote, type Note } from './Feedback';
import { Form } from './Form';
import { useDraft } from './use-draft';

/** What changing the folder does (main moves the clips before it saves the setting; see `createSettingsHandlers`). */
const FOLDER_CHANGE_NOTE =
  'Your clips move with the library, right away. Files that are not clips stay in the old folder. If a clip cannot be moved, none are, and the old folder stays in use.';

/** Library: the folder clips are saved in. Main checks the folder (full path, creatable, writable). */
export function LibrarySection({ libraryDir }: { libraryDir: string }) {
  const inputId = useId();
  const helpId = useId();
  const errorId = useId();
  const noteId = useId();
  const folder = useDraft(libraryDir);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<Note | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async () => {
    if (busy) return;
    setNote(null);
    if (!folder.dirty) {
      setNote({ tone: 'info', text: 'Nothing to save: this is the folder in use.' });
      return;
    }
    const path = folder.draft.trim();
    if (path === '') {
      setError('Enter the full path of a folder.');
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const next = await useStudio.getState().settings.update({ libraryDir: path });
      folder.setDraft(next.libraryDir);
      setNote({ tone: 'done', text: next.libraryDir === libraryDir ? 'Saved.' : 'Moved: the library and its clips are in the new folder.' });
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="library-title" id="settings-library">
      <h2 id="library-title" className="card-title">
        <FolderOpen aria-hidden="true" size={16} />
        Library
      </h2>
      <Form onSubmit={() => void onSubmit()}>
        <label htmlFor={inputId} className="field-label">
          Library folder
        </label>
        <div className="field-row">
          <input
            id={inputId}
            className="input input-mono"
            type="text"
            spellCheck={false}
            autoComplete="off"
            value={folder.draft}
            onChange={(e) => {
              folder.setDraft(e.target.value);
              setError(null);
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${errorId} ${helpId} ${noteId}` : `${helpId} ${noteId}`}
          />
          <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => void onSubmit()}>
            {busy ? 'Moving clips…' : 'Use this folder'}
          </button>
        </div>
        <p id={helpId} className="field-help">
          A full folder path; it is created if it does not exist. In use: <span className="in-use">{libraryDir}</span>
        </p>
        <p id={noteId} className="field-help library-note">
          <Info aria-hidden="true" size={15} />
          <span>{FOLDER_CHANGE_NOTE}</span>
        </p>
        <FieldError id={errorId} message={error} />
        <StatusNote note={note} />
      </Form>
    </section>
  );
}
