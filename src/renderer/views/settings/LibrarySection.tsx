import { FolderOpen, FolderSearch, Info } from 'lucide-react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/client';
import { useStudio } from '../../store/index';
import { FieldError, StatusNote, type Note } from './Feedback';
import { Form } from './Form';
import { useDraft } from './use-draft';

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
  const { t } = useTranslation(['settings', 'common']);

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
      if (!requests) throw new Error(t('common:notConnected'));
      const answer = await requests.chooseLibraryDir({});
      if (answer.outcome === 'chosen') {
        folder.setDraft(answer.path);
        setNote({ tone: 'info', text: answer.path === libraryDir ? t('library.pickedSame') : t('library.picked') });
      } else if (answer.outcome === 'no_dialog') {
        setNote({ tone: 'info', text: t('library.noDialog') });
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
      setNote({ tone: 'info', text: t('library.nothing') });
      return;
    }
    const path = folder.draft.trim();
    if (path === '') {
      setError(t('library.enterPath'));
      return;
    }
    setError(null);
    setBusy(true);
    try {
      const next = await useStudio.getState().settings.update({ libraryDir: path });
      folder.setDraft(next.libraryDir);
      setNote({ tone: 'done', text: next.libraryDir === libraryDir ? t('library.saved') : t('library.moved') });
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
        {t('library.title')}
      </h2>
      <Form onSubmit={() => void onSubmit()}>
        <label htmlFor={inputId} className="field-label">
          {t('library.folder')}
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
            {t('library.browse')}
          </button>
          <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => void onSubmit()}>
            {busy ? t('library.moving') : t('library.use')}
          </button>
        </div>
        <p id={helpId} className="field-help">
          {t('library.help')}
          <span className="in-use">{libraryDir}</span>
        </p>
        <p id={noteId} className="field-help library-note">
          <Info aria-hidden="true" size={15} />
          <span>{t('library.moveNote')}</span>
        </p>
        <FieldError id={errorId} message={error} />
        <StatusNote note={note} />
      </Form>
    </section>
  );
}
