import { X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { JobView } from '../../../shared/jobs/job';
import type { Take } from '../../store/jobs/takes';
import { JobActions } from './JobActions';
import { JobErrorBlock } from './JobErrorBlock';
import { JobParams } from './JobParams';
import { JobPlayer } from './JobPlayer';
import { JobTimeline } from './JobTimeline';
import { JobTimes } from './JobTimes';
import { JobWait, useWaitReason } from './JobWait';
import { ProgressBar } from './ProgressBar';
import { StateChip } from './StateChip';
import { UploadProgress } from './UploadProgress';
import { TaskId } from './TaskId';
import { seedWords, takeDiffers, takeLine } from './take-text';

/**
 * The selected job (UX.md "Queue"): the inline player once it is done, its state and error, the
 * actions, every parameter, the provider's task id (copyable) and the timeline of state changes.
 */
export function JobPanel({ job, take, paused, onClose }: { job: JobView; take: Take | undefined; paused: boolean; onClose(): void }) {
  const { t } = useTranslation('queue');
  const clipId = job.result?.libraryId;
  const wait = useWaitReason(job);
  return (
    <aside className="job-panel" aria-labelledby="job-panel-title">
      <header className="job-panel-header">
        <h2 id="job-panel-title">{t('panel.title')}</h2>
        <button type="button" className="icon-button" aria-label={t('panel.close')} onClick={onClose}>
          <X aria-hidden="true" size={18} />
        </button>
      </header>
      {job.state === 'completed' ? (
        clipId ? (
          <JobPlayer key={clipId} clipId={clipId} />
        ) : (
          <div className="job-player job-player-empty">{t('panel.notFiled')}</div>
        )
      ) : null}
      <p className="job-panel-prompt">{job.params.prompt.trim() || t('text.noPrompt')}</p>
      {take && (take.of > 1 || take.seed !== null) ? (
        <p className="job-panel-take">
          {takeDiffers(take) ?? takeLine(take)}
          {takeDiffers(take) ? <span>{seedWords(take.seed)}</span> : null}
        </p>
      ) : null}
      <div className="job-panel-state">
        <StateChip job={job} />
        <JobTimes job={job} paused={paused} />
      </div>
      <JobWait reason={wait} />
      <UploadProgress job={job} />
      <ProgressBar job={job} />
      <JobErrorBlock job={job} />
      <JobActions key={job.id} job={job} />
      <section aria-labelledby="job-params-title">
        <h3 id="job-params-title">{t('panel.parameters')}</h3>
        <JobParams job={job} />
      </section>
      <section aria-labelledby="job-task-title">
        <h3 id="job-task-title">{t('panel.taskId')}</h3>
        {job.remote ? <TaskId taskId={job.remote.taskId} /> : <p className="muted">{t('panel.notSent')}</p>}
      </section>
      <section aria-labelledby="job-timeline-title">
        <h3 id="job-timeline-title">{t('panel.timeline')}</h3>
        <JobTimeline history={job.history} />
      </section>
    </aside>
  );
}
