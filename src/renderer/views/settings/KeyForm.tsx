import { useId, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderId } from '../../../shared/catalog/types';
import { ApiKeyText, type KeyStatus, type KeyStorage } from '../../../shared/contract/keys';
import { describeError } from '../../api/client';
import { i18n } from '../../i18n/index';
import { phraseText } from '../../i18n/phrase';
import { useStudio } from '../../store/index';
import { FieldError, StatusNote, type Note } from './Feedback';
import { Form } from './Form';
import { demoOffText } from './demo-off';
import { PROVIDER_LABELS } from './providers';
import { StorageChoiceDialog, type StorageQuestion } from './StorageChoiceDialog';

interface KeyFormProps {
  status: KeyStatus;
  /** Id of the element describing the current key, read out with the field. */
  statusId: string;
  /** The key field, so the card can move focus there (e.g. after Remove took its button away). */
  inputRef: RefObject<HTMLInputElement | null>;
}

/**
 * The write-only key field: the key goes to main and is never shown again. The field is cleared
 * once main has saved it; when main asks how to keep it (weak or no encryption), a dialog asks and
 * the typed key waits in the field until the answer, or is kept there after Cancel.
 */
export function KeyForm({ status, statusId, inputRef }: KeyFormProps) {
  const provider: ProviderId = status.provider;
  const name = PROVIDER_LABELS[provider].name;
  const inputId = useId();
  const errorId = useId();
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<Note | null>(null);
  const [question, setQuestion] = useState<StorageQuestion | null>(null);
  const { t } = useTranslation(['settings', 'common']);

  const send = async (key: string, storage?: KeyStorage) => {
    setBusy(true);
    setError(null);
    setNote(null);
    // Saved while the demo runs: the first real key, which ends the demo.
    const wasDemo = useStudio.getState().app.info?.demo === true;
    try {
      const outcome = await useStudio.getState().keys.save(provider, key, storage);
      if (outcome.saved) {
        setDraft('');
        setQuestion(null);
        const demoOff = wasDemo ? demoOffText(provider, useStudio.getState().keys.list ?? []) : null;
        setNote({ tone: 'done', text: demoOff ? t('keyForm.savedDemoOff', { saved: savedText(outcome.key), demoOff }) : savedText(outcome.key) });
        if (demoOff) useStudio.getState().shell.announce(demoOff);
      } else {
        setQuestion({ needsChoice: outcome.needsChoice, message: phraseText(outcome.phrase, outcome.message), choices: outcome.choices });
      }
    } catch (err) {
      setQuestion(null);
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = () => {
    if (busy) return;
    if (draft.trim() === '') {
      setNote(null);
      setError(t('keyForm.enterFirst', { name }));
      return;
    }
    const parsed = ApiKeyText.safeParse(draft);
    if (!parsed.success) {
      setNote(null);
      // The contract's own words are English; the issue's kind picks the same sentence in the UI's language.
      const kind = parsed.error.issues[0]?.code;
      setError(t(kind === 'too_small' ? 'keyForm.tooShort' : kind === 'too_big' ? 'keyForm.tooLong' : kind === 'invalid_format' ? 'keyForm.unprintable' : 'keyForm.invalid'));
      return;
    }
    void send(parsed.data); // send() records its own failure inline.
  };

  const placeholder = status.configured
    ? status.last4
      ? t('keyForm.placeholderReplace', { last4: status.last4 })
      : t('keyForm.placeholderReplaceCurrent')
    : t('keyForm.placeholderPaste', { name });

  return (
    <Form className="key-form" onSubmit={onSubmit}>
      <label htmlFor={inputId} className="field-label">
        {t('keyForm.label')}
        <span className="visually-hidden">{t('keyForm.forName', { name })}</span>
      </label>
      <div className="field-row">
        <input
          id={inputId}
          className="input input-mono"
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          value={draft}
          onChange={(e) => {
            setDraft(e.target.value);
            setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${errorId} ${statusId}` : statusId}
          ref={inputRef}
        />
        {/* The accent marks the button only when there is something to save: four accent buttons at rest would shout. */}
        <button type="button" className={draft.trim() === '' ? 'button' : 'button primary'} aria-disabled={busy || undefined} onClick={onSubmit}>
          {busy ? t('common:saving') : t('keyForm.save')}
        </button>
      </div>
      <FieldError id={errorId} message={error} />
      <StatusNote note={note} />
      <StorageChoiceDialog
        providerName={name}
        question={question}
        busy={busy}
        onChoose={(storage) => void send(draft, storage)}
        onCancel={() => {
          setQuestion(null);
          setNote({ tone: 'info', text: t('keyForm.notSaved') });
        }}
        returnFocus={() => inputRef.current?.focus()}
      />
    </Form>
  );
}

/** What a saved key's new home is, in words. */
function savedText(saved: KeyStatus): string {
  if (saved.source === 'session') return i18n.t('settings:keyForm.savedSession');
  return i18n.t(saved.backend === 'basic_text' ? 'settings:keyForm.savedWeak' : 'settings:keyForm.savedEncrypted');
}
