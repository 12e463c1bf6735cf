import { Pause, Play } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStudio } from '../../store/index';
import { pauseQueue, resumeQueue } from '../../store/jobs/actions';
import { runAction } from './run-action';

/** Pauses or resumes the whole queue (jobs not sent yet wait; jobs at a provider keep going). */
export function PauseButton() {
  const { t } = useTranslation('queue');
  const paused = useStudio((s) => s.jobs.stats?.paused ?? false);
  const known = useStudio((s) => s.jobs.stats !== null);
  const [busy, setBusy] = useState(false);
  const toggle = () => {
    setBusy(true);
    const work = paused ? () => resumeQueue(useStudio) : () => pauseQueue(useStudio);
    const done = paused ? t('pause.resumed') : t('pause.paused');
    void runAction(paused ? t('pause.resumeAction') : t('pause.pauseAction'), work, done).finally(() => setBusy(false));
  };
  return (
    <button type="button" className="button" disabled={busy || !known} onClick={toggle}>
      {paused ? <Play aria-hidden="true" size={16} /> : <Pause aria-hidden="true" size={16} />}
      {paused ? t('pause.resume') : t('pause.pause')}
    </button>
  );
}
