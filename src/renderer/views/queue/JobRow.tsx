import { GripVertical } from 'lucide-react';
import { memo, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobView } from '../../../shared/jobs/job';
import { JobErrorBlock } from './JobErrorBlock';
import { useStudio } from '../../store/index';
import { jobCost } from './job-cost';
import { durationWords, promptExcerpt, providerName } from './job-text';
import { JobThumb } from './JobThumb';
import { JobTimes } from './JobTimes';
import { JobWait } from './JobWait';
import { ProgressBar } from './ProgressBar';
import { StateChip } from './StateChip';
import { UploadProgress } from './UploadProgress';
import { modelName } from '../../i18n/model-name';

/** Where a dragged job would land relative to this row. */
export type DropPlace = 'before' | 'after';

export interface JobRowProps {
  job: JobView;
  index: number;
  selected: boolean;
  paused: boolean;
  /** The job's take line (`takeLine`: "Take 2 of 5 · seed 4821 · 720p"); null when there is nothing to tell. */
  take: string | null;
  /** Why the job is held (`waitReason`), shown in its own row; null when nothing holds it. */
  wait: string | null;
  /** Where a drag hovering this row would drop, for the insertion line. */
  dropPlace: DropPlace | null;
  onSelect(id: string): void;
  onKeyDown(event: KeyboardEvent<HTMLButtonElement>, job: JobView): void;
  onDragStart(event: DragEvent<HTMLLIElement>, job: JobView): void;
  onDragOver(event: DragEvent<HTMLLIElement>, job: JobView): void;
  onDrop(event: DragEvent<HTMLLIElement>, job: JobView): void;
  onDragEnd(): void;
  measure(element: HTMLLIElement | null): void;
  start: number;
}

/**
 * One job in the Queue: thumbnail, prompt, model and provider, state chip, progress, time waiting
 * vs generating, ETA, cost; a failure's explanation underneath. The row's main button selects it;
 * jobs not sent yet can be dragged (or moved with Alt+↑/↓) to change their turn.
 */
export const JobRow = memo(function JobRow(props: JobRowProps) {
  const { t } = useTranslation('queue');
  const { job, selected } = props;
  const queued = job.state === 'queued';
  const demoNow = useStudio((s) => s.app.info?.demo ?? false);
  const cost = jobCost(job, demoNow);
  const p = job.params;
  return (
    <li
      ref={props.measure}
      data-index={props.index}
      data-job-id={job.id}
      data-state={job.state}
      data-drop={props.dropPlace ?? undefined}
      data-batch={job.batch ? '' : undefined}
      className="job-row"
      style={{ transform: `translateY(${props.start}px)` }}
      draggable={queued}
      onDragStart={(e) => props.onDragStart(e, job)}
      onDragOver={(e) => props.onDragOver(e, job)}
      onDrop={(e) => props.onDrop(e, job)}
      onDragEnd={props.onDragEnd}
    >
      <div className="job-row-inner" data-selected={selected ? '' : undefined}>
        <span className="job-grip" aria-hidden="true" title={queued ? t('row.dragHint') : undefined}>
          {queued ? <GripVertical size={16} /> : null}
        </span>
        <button
          type="button"
          className="job-select"
          aria-current={selected ? 'true' : undefined}
          aria-keyshortcuts={queued ? 'Alt+ArrowUp Alt+ArrowDown' : undefined}
          onClick={() => props.onSelect(job.id)}
          onKeyDown={(e) => props.onKeyDown(e, job)}
        >
          <JobThumb job={job} />
          <span className="job-text">
            <span className="job-prompt" title={p.prompt.trim() || undefined}>
              {promptExcerpt(p.prompt)}
            </span>
            <span className="job-meta">
              <span className="job-provider">{providerName(job.provider)}</span> · {modelName(p.modelId)} · {p.resolution} · {durationWords(p.duration)}
            </span>
            {props.take ? <span className="job-take">{props.take}</span> : null}
          </span>
          <span className="job-status">
            <StateChip job={job} />
            <ProgressBar job={job} decorative />
          </span>
          <JobTimes job={job} paused={props.paused} />
          <span className="job-cost" data-cost={cost.kind} title={cost.title}>
            {cost.text}
          </span>
        </button>
      </div>
      {job.error || job.notice || props.wait || job.upload ? (
        <div className="job-row-extra">
          <UploadProgress job={job} compact />
          <JobWait reason={props.wait} />
          <JobErrorBlock job={job} compact />
        </div>
      ) : null}
    </li>
  );
});
