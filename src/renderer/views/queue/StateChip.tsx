import { Ban, CircleCheck, CircleX, Clock, Download, FilePen, Hourglass, Send, Sparkles, TimerOff, TriangleAlert, type LucideIcon } from 'lucide-react';
import type { JobState, JobView } from '../../../shared/jobs/job';
import { stateWord } from './job-text';

/** One icon per state, so the chip never relies on colour alone (UX.md "Frame"). */
const ICONS: Record<JobState, LucideIcon> = {
  draft: FilePen,
  queued: Clock,
  submitting: Send,
  submitted: Hourglass,
  running: Sparkles,
  downloading: Download,
  completed: CircleCheck,
  failed: CircleX,
  needs_attention: TriangleAlert,
  expired: TimerOff,
  cancelled: Ban,
};

/** The job's state as an icon and a word ("Generating 42%"); `data-state` drives the colour. */
export function StateChip({ job }: { job: Pick<JobView, 'state' | 'progress'> }) {
  const Icon = ICONS[job.state];
  return (
    <span className="job-chip" data-state={job.state}>
      <Icon aria-hidden="true" size={14} />
      {stateWord(job)}
    </span>
  );
}
