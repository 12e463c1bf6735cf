import { useState } from 'react';
import { describeError } from '../../api/client';
import { i18n } from '../../i18n/index';
import type { Note } from './Feedback';

/** A Settings form's save: its state, and `submit`, which runs one save at a time. */
export interface Save {
  busy: boolean;
  /** The outcome shown under the form ("Saved…", "Nothing to save…"). */
  note: Note | null;
  /** Main's refusal of the last save, in its words. */
  formError: string | null;
  /**
   * Saves unless a save is under way: with nothing `dirty` it only says so; otherwise `prepare`
   * checks the fields (showing its own field errors) and returns the save to run, or null to stop.
   * The save resolves to the text of the "done" note; a rejection becomes `formError`.
   */
  submit(dirty: boolean, prepare: () => (() => Promise<string>) | null): Promise<void>;
}

/** The save flow the Settings forms share (Advanced, each provider's connection). */
export function useSave(): Save {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const submit: Save['submit'] = async (dirty, prepare) => {
    if (busy) return;
    setNote(null);
    setFormError(null);
    if (!dirty) {
      setNote({ tone: 'info', text: i18n.t('settings:nothingToSave') });
      return;
    }
    const save = prepare();
    if (!save) return;
    setBusy(true);
    try {
      setNote({ tone: 'done', text: await save() });
    } catch (err) {
      setFormError(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, note, formError, submit };
}
