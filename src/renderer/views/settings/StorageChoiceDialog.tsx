import * as Dialog from '@radix-ui/react-dialog';
import { ShieldAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { KeyChoiceNeeded, KeyStorage } from '../../../shared/contract/keys';

/** A storage question main asked instead of saving (`keys:set` answered `saved: false`). */
export interface StorageQuestion {
  needsChoice: KeyChoiceNeeded;
  /** Main's explanation, in plain words. */
  message: string;
  choices: KeyStorage[];
}

interface StorageChoiceDialogProps {
  /** The provider's display name, e.g. "Novita". */
  providerName: string;
  /** Null when closed. */
  question: StorageQuestion | null;
  busy: boolean;
  onChoose(storage: KeyStorage): void;
  onCancel(): void;
  /** Where focus goes when the dialog closes (it has no Radix trigger to return to). */
  returnFocus(): void;
}

/**
 * Asks how to keep a key when the system cannot protect it well (issue 7: on Linux without a
 * keyring, never store silently). Offers only the choices main allows: "Keep for this session
 * only", "Store anyway", or Cancel (nothing is kept). A Radix dialog: focus is trapped and
 * returned, Escape cancels.
 */
export function StorageChoiceDialog({ providerName, question, busy, onChoose, onCancel, returnFocus }: StorageChoiceDialogProps) {
  const { t } = useTranslation(['settings', 'common']);
  return (
    <Dialog.Root open={question !== null} onOpenChange={(open) => (open ? undefined : onCancel())}>
      <Dialog.Portal>
        <Dialog.Overlay className="settings-dialog-overlay" />
        <Dialog.Content
          className="settings-dialog"
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            returnFocus();
          }}
        >
          {question ? (
            <>
              <Dialog.Title className="settings-dialog-title">
                <ShieldAlert aria-hidden="true" size={20} />
                {t(`storage.${question.needsChoice}`)}
              </Dialog.Title>
              <Dialog.Description className="settings-dialog-text">{question.message}</Dialog.Description>
              <p className="settings-dialog-text">{t('storage.notYet', { name: providerName })}</p>
              <div className="settings-dialog-actions">
                {question.choices.includes('session') ? (
                  <button type="button" className="button primary" disabled={busy} onClick={() => onChoose('session')}>
                    {t('storage.session')}
                  </button>
                ) : null}
                {question.choices.includes('store_anyway') ? (
                  <button type="button" className="button" disabled={busy} onClick={() => onChoose('store_anyway')}>
                    {t('storage.storeAnyway')}
                  </button>
                ) : null}
                <Dialog.Close asChild>
                  <button type="button" className="button" disabled={busy}>
                    {t('common:cancel')}
                  </button>
                </Dialog.Close>
              </div>
            </>
          ) : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
