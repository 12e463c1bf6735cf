import type { JobView } from '../../../shared/jobs/job';
import { useTranslation } from 'react-i18next';
import { etaText, formatDuration, phaseTimes } from './job-text';
import { useNow } from './use-now';

/** States whose clocks are still running, so the times re-render every second. */
const LIVE: readonly JobView['state'][] = ['queued', 'submitting', 'submitted', 'running'];

/**
 * Time waiting in the provider's queue and time generating, shown apart (issue 5), plus the ETA or
 * the place in the provider's queue while there is one. Before sending: time waiting here.
 */
export function JobTimes({ job, paused }: { job: JobView; paused: boolean }) {
  const { t: tr } = useTranslation('queue');
  const now = useNow(LIVE.includes(job.state));
  const t = phaseTimes(job, now);
  const eta = etaText(job, now);
  const lines: string[] = [];
  if ((job.state === 'queued' || job.state === 'submitting') && t.here !== undefined) {
    const time = formatDuration(t.here);
    lines.push(paused && job.state === 'queued' ? tr('times.waitingToSendPaused', { time }) : tr('times.waitingToSend', { time }));
  }
  if (t.waiting !== undefined) {
    const time = formatDuration(t.waiting);
    lines.push(job.state === 'submitted' ? tr('times.inProviderQueue', { time }) : tr('times.waited', { time }));
  }
  if (job.state === 'submitted' && job.queuePosition !== undefined) lines.push(tr('times.inLine', { place: job.queuePosition + 1 }));
  if (t.generating !== undefined) {
    const time = formatDuration(t.generating);
    lines.push(job.state === 'running' ? tr('times.generating', { time }) : tr('times.generatedIn', { time }));
  }
  if (eta) lines.push(eta);
  if (lines.length === 0) return <span className="job-times" />;
  return (
    <span className="job-times">
      {lines.map((line) => (
        <span key={line}>{line}</span>
      ))}
    </span>
  );
}
