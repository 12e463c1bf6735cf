import { CloudCheck, CloudOff, LoaderCircle, Pencil } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useStudio } from '../../store/index';

/** Where the autosave stands, as icon and word: Saved · Saving… · Editing · Not saved (with main's reason). */
export function SaveStatus() {
  const save = useStudio((s) => s.compose.save);
  const { t } = useTranslation('compose');
  switch (save.status) {
    case 'saved':
      return (
        <span className="save-status" data-state="saved" role="status">
          <CloudCheck aria-hidden="true" size={15} />
          {t('save.saved')}
        </span>
      );
    case 'pending':
      return (
        <span className="save-status" data-state="pending" role="status">
          <Pencil aria-hidden="true" size={14} />
          {t('save.editing')}
        </span>
      );
    case 'saving':
      return (
        <span className="save-status" data-state="saving" role="status">
          <LoaderCircle className="spin" aria-hidden="true" size={15} />
          {t('save.saving')}
        </span>
      );
    case 'error':
      return (
        <span className="save-status" data-state="error" role="alert" title={save.message}>
          <CloudOff aria-hidden="true" size={15} />
          {t('save.error', { message: save.message })}
        </span>
      );
  }
}
