import { FolderOpen, FolderSearch, Info } from 'lucide-react';
import { useId, useRef, useState } from 'react';
import { describeError } from '../../api/client';
import { useStudio } from '../../store/index';
import { FieldError, StatusNote, type Note } from './Feedback';
import { Form } from './Form';
import { useDraft } from './use-draft';

/** What changing the folder does (main moves the clips before it saves the setting; see `createSettingsHandlers`). */
const FOLDER_CHANGE_NOTE =
  'Your clips move with the library, right away. Files that are not clips stay in the old folder. If a clip cannot be moved, none are, and the old folder stays in use.';

/** Library: the folder clips are saved in, typed or picked with Browse…. Main checks the folder (full path, creatable, writable). */
export function LibrarySection({ libraryDir }: { libraryDir: string }) {
  const inputId = useId();
  const helpId = useId();
  const errorId = useId();
  const noteId = useId();
  const folder = useDraft(libraryDir);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<Note | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  /**
   * Browse…: the system folder picker, through main (which checks the folder). The chosen path
   * fills the field; nothing moves until "Use this folder". Where there is no picker (the browser
   * harness), the field is the way in, and it gets the focus.
   */
  const onBrowse = async () => {
    setNote(null);
    setError(null);
    try {
      const requests = useStudio.getState().settings.requests;
      if (!requests) throw new Error('The app is not connected to its main process yet. Try again in a moment.');
      const answer = await requests.chooseLibraryDir({});
      if (answer.outcome === 'chosen') {
        folder.setDraft(answer.path);
        setNote({ tone: 'info', text: answer.path === libraryDir ? 'That is the folder in use.' : 'Picked. Press “Use this folder” to move the library there.' });
      } else if (answer.outcome === 'no_dialog') {
        setNote({ tone: 'info', text: 'This window cannot open the system folder picker: type the folder’s full path above.' });
        inputRef.current?.focus();
      }
    } catch (err) {
      setError(describeError(err));
    }
  };

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
            ref={inputRef}
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
          <button type="button" className="button" disabled={busy} onClick={() => void onBrowse()}>
            <FolderSearch aria-hidden="true" size={15} />
            Browse…
          </button>
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
