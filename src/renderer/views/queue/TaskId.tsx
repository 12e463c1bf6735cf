import { Check, Copy } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStudio } from '../../store/index';

/** The provider's task id, selectable, with a Copy button (for support requests and the provider's dashboard). */
export function TaskId({ taskId }: { taskId: string }) {
  const { t } = useTranslation('queue');
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    const announce = useStudio.getState().shell.announce;
    try {
      await navigator.clipboard.writeText(taskId);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
      announce(t('taskId.copied'));
    } catch {
      announce(t('taskId.noClipboard'));
    }
  };
  return (
    <div className="job-task-id">
      <code>{taskId}</code>
      <button type="button" className="button small" onClick={() => void copy()} aria-label={t('taskId.copyLabel')}>
        {copied ? <Check aria-hidden="true" size={14} /> : <Copy aria-hidden="true" size={14} />}
        {copied ? t('taskId.copiedButton') : t('taskId.copy')}
      </button>
    </div>
  );
}
