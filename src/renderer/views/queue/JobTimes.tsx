import type { JobView } from '../../../shared/jobs/job';
import { etaText, formatDuration, phaseTimes } from './job-text';
import { useNow } from './use-now';

/** States whose clocks are still running, so the times re-render every second. */
const LIVE: readonly JobView['state'][] = ['queued', 'submitting', 'submitted', 'running'];

/**
 * Time waiting in the provider's queue and time generating, shown apart (issue 5), plus the ETA or
 * the place in the provider's queue while there is one. Before sending: time waiting here.
 */
export function JobTimes({ job, paused }: { job: JobView; paused: boolean }) {
  const now = useNow(LIVE.includes(job.state));
  const t = phaseTimes(job, now);
  const eta = etaText(job, now);
  const lines: string[] = [];
  if ((job.state === 'queued' || job.state === 'submitting') && t.here !== undefined) {
    lines.push(`Waiting to send ${formatDuration(t.here)}${paused && job.state === 'queued' ? ' (paused)' : ''}`);
  }
  if (t.waiting !== undefined) lines.push(`${job.state === 'submitted' ? 'In provider queue' : 'Waited'} ${formatDuration(t.waiting)}`);
  if (job.state === 'submitted' && job.queuePosition !== undefined) lines.push(`#${job.queuePosition + 1} in line`);
  if (t.generating !== undefined) lines.push(`${job.state === 'running' ? 'Generating' : 'Generated in'} ${formatDuration(t.generating)}`);
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
