import { CircleAlert, Info, Undo2, X } from 'lucide-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStudio } from '../../store/index';

/** How long a toast stays, ms: long enough to reach Undo; errors stay until closed. */
const TOAST_MS = 12_000;

/** The Library's toast (icon and word, never colour alone), with Undo after a delete. */
export function LibraryToast() {
  const toast = useStudio((s) => s.library.toast);
  const show = useStudio((s) => s.library.showToast);
  const restore = useStudio((s) => s.library.restore);
  const busy = useStudio((s) => s.library.busy);
  const { t } = useTranslation('library');

  useEffect(() => {
    if (!toast || toast.tone === 'error') return;
    const timer = setTimeout(() => show(null), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast, show]);

  return (
    <div className="library-toast-region" role="status" aria-live="polite">
      {toast ? (
        <div className="library-toast" data-tone={toast.tone}>
          {toast.tone === 'error' ? <CircleAlert aria-hidden="true" size={16} /> : <Info aria-hidden="true" size={16} />}
          <span className="library-toast-text">
            <span className="visually-hidden">{toast.tone === 'error' ? t('toast.problem') : ''}</span>
            {toast.text}
          </span>
          {toast.undoId ? (
            <button type="button" className="button quiet" disabled={busy === 'restore'} onClick={() => void restore(toast.undoId as string)}>
              <Undo2 aria-hidden="true" size={14} />
              {t('toast.undo')}
            </button>
          ) : null}
          <button type="button" className="icon-button" aria-label={t('toast.dismiss')} onClick={() => show(null)}>
            <X aria-hidden="true" size={14} />
          </button>
        </div>
      ) : null}
    </div>
  );
}
