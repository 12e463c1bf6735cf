import { CircleCheck, CircleX, LoaderCircle, Trash2, WifiOff } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyCheckResult, KeyStatus } from '../../../shared/contract/keys';
import { describeError } from '../../api/client';
import { phraseText } from '../../i18n/phrase';
import { useStudio } from '../../store/index';
import { FieldError, StatusNote, type Note } from './Feedback';
import { PROVIDER_LABELS } from './providers';

interface KeyActionsProps {
  status: KeyStatus;
  /** The base URL override in effect (null = default); a check result is about one key at one address. */
  baseUrl: string | null;
  /** Called after a key was removed (its button is gone, so focus has to go somewhere useful). */
  onRemoved(): void;
}

/** A check's outcome, tied to the key and address it was about. */
type CheckState = { about: string } & ({ phase: 'checking' } | { phase: 'done'; result: KeyCheckResult } | { phase: 'failed'; message: string });

/**
 * "Check key" and "Remove" for one provider. A check result is shown only while the key and the
 * base URL it was made with are still the ones in use. Remove is offered for keys this app keeps
 * (stored or session, or a stored entry that needs entering again) — never for an environment key.
 */
export function KeyActions({ status, baseUrl, onRemoved }: KeyActionsProps) {
  const provider = status.provider;
  const name = PROVIDER_LABELS[provider].name;
  const about = `${status.source}|${status.last4 ?? ''}|${baseUrl ?? ''}`;
  const [check, setCheck] = useState<CheckState | null>(null);
  const [removing, setRemoving] = useState(false);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [note, setNote] = useState<Note | null>(null);
  const { t } = useTranslation('settings');
  const shown = check?.about === about ? check : null;
  const checking = shown?.phase === 'checking';
  const removable = status.source === 'stored' || status.source === 'session' || (status.source === 'environment' && status.status !== 'ok');

  const runCheck = async () => {
    setCheck({ about, phase: 'checking' });
    try {
      setCheck({ about, phase: 'done', result: await useStudio.getState().keys.check(provider) });
    } catch (err) {
      setCheck({ about, phase: 'failed', message: describeError(err) });
    }
  };

  const runRemove = async () => {
    if (removing) return;
    setRemoving(true);
    setRemoveError(null);
    setNote(null);
    try {
      const next = await useStudio.getState().keys.remove(provider);
      setNote({ tone: 'done', text: next.source === 'environment' ? t('keyActions.removedEnv', { envVar: next.envVar }) : t('keyActions.removed') });
      onRemoved();
    } catch (err) {
      setRemoveError(describeError(err));
    } finally {
      setRemoving(false);
    }
  };

  return (
    <div className="key-actions">
      <div className="key-actions-row">
        <button type="button" className="button" disabled={!status.configured} aria-disabled={checking || undefined} onClick={() => void (checking ? undefined : runCheck())}>
          {checking ? <LoaderCircle aria-hidden="true" size={16} className="spin" /> : <CircleCheck aria-hidden="true" size={16} />}
          {checking ? t('keyActions.checking') : t('keyActions.check')}
          <span className="visually-hidden">{t('keyActions.forName', { name })}</span>
        </button>
        {removable ? (
          <button type="button" className="button danger" aria-disabled={removing || undefined} onClick={() => void runRemove()}>
            <Trash2 aria-hidden="true" size={16} />
            {removing ? t('keyActions.removing') : t('keyActions.remove')}
            <span className="visually-hidden">{t('keyActions.forName', { name })}</span>
          </button>
        ) : null}
        {status.source === 'environment' && status.status === 'ok' ? (
          <span className="key-actions-hint">{t('keyActions.envHint', { envVar: status.envVar })}</span>
        ) : null}
      </div>
      <div className="check-result" role="status">
        {shown ? <CheckOutcome state={shown} name={name} /> : null}
      </div>
      <FieldError message={removeError} />
      <StatusNote note={note} />
    </div>
  );
}

function CheckOutcome({ state, name }: { state: CheckState; name: string }) {
  const { t } = useTranslation('settings');
  if (state.phase === 'checking') return <p className="check-line">{t('keyActions.asking', { name })}</p>;
  if (state.phase === 'failed') {
    return (
      <p className="check-line" data-result="failed">
        <CircleX aria-hidden="true" size={16} />
        <span>
          <strong>{t('keyActions.notChecked')}</strong>
          {t('keyActions.dash')}
          {state.message}
        </span>
      </p>
    );
  }
  const { result, phrase } = state.result;
  const message = state.result.message === undefined ? undefined : phraseText(phrase, state.result.message);
  switch (result) {
    case 'valid':
      return (
        <p className="check-line" data-result="valid">
          <CircleCheck aria-hidden="true" size={16} />
          <span>
            <strong>{t('keyActions.valid')}</strong>
            {t('keyActions.dash')}
            {t('keyActions.validText', { name })}
          </span>
        </p>
      );
    case 'rejected':
      return (
        <p className="check-line" data-result="rejected">
          <CircleX aria-hidden="true" size={16} />
          <span>
            <strong>{t('keyActions.rejected')}</strong>
            {t('keyActions.dash')}
            {message ?? t('keyActions.rejectedText', { name })}
          </span>
        </p>
      );
    case 'unreachable':
      return (
        <p className="check-line" data-result="unreachable">
          <WifiOff aria-hidden="true" size={16} />
          <span>
            <strong>{t('keyActions.unreachable', { name })}</strong>
            {t('keyActions.dash')}
            {withoutLead(message, `Could not reach ${name}`) ?? t('keyActions.unreachableText')}
          </span>
        </p>
      );
  }
}

/** `message` without a leading `lead` (and the colon after it), which the bold words already say. */
function withoutLead(message: string | undefined, lead: string): string | undefined {
  if (message === undefined || !message.startsWith(lead)) return message;
  return message.slice(lead.length).replace(/^[:\s]+/, '') || undefined;
}
