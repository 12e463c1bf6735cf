import { Pause, Play } from 'lucide-react';
import { useState } from 'react';
import { useStudio } from '../../store/index';
import { pauseQueue, resumeQueue } from '../../store/jobs/actions';
import { runAction } from './run-action';

/** Pauses or resumes the whole queue (jobs not sent yet wait; jobs at a provider keep going). */
export function PauseButton() {
  const paused = useStudio((s) => s.jobs.stats?.paused ?? false);
  const known = useStudio((s) => s.jobs.stats !== null);
  const [busy, setBusy] = useState(false);
  const toggle = () => {
    setBusy(true);
    const work = paused ? () => resumeQueue(useStudio) : () => pauseQueue(useStudio);
    const done = paused ? 'Queue resumed: waiting jobs are being sent.' : 'Queue paused: no new jobs are sent; jobs at a provider keep going.';
    void runAction(paused ? 'Resume' : 'Pause', work, done).finally(() => setBusy(false));
  };
  return (
    <button type="button" className="button" disabled={busy || !known} onClick={toggle}>
      {paused ? <Play aria-hidden="true" size={16} /> : <Pause aria-hidden="true" size={16} />}
      {paused ? 'Resume queue' : 'Pause queue'}
    </button>
  );
}
