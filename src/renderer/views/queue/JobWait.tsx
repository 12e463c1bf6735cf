import { CirclePause } from 'lucide-react';
import type { JobView } from '../../../shared/jobs/job';
import { useStudio } from '../../store/index';
import { waitReason } from './wait-reason';

/** The job's `waitReason` from the store's queue stats and network status: what the row and the detail pane show. */
export function useWaitReason(job: Pick<JobView, 'state' | 'provider'>): string | null {
  const paused = useStudio((s) => s.jobs.stats?.paused ?? false);
  const online = useStudio((s) => s.app.status?.online);
  const provider = useStudio((s) => s.jobs.stats?.providers.find((p) => p.provider === job.provider));
  return waitReason(job, { paused, online, provider });
}

/** Why a job is held, as an icon and words (never colour alone); nothing when nothing holds it. */
export function JobWait({ reason }: { reason: string | null }) {
  if (!reason) return null;
  return (
    <p className="job-wait">
      <CirclePause aria-hidden="true" size={14} />
      {reason}
    </p>
  );
}
