import { ListVideo } from 'lucide-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ViewHeader } from '../../components/ViewHeader';
import { useStudio } from '../../store/index';
import { filterCounts, matchesFilter } from '../../store/jobs/filters';
import { inQueueOrder } from '../../store/jobs/order';
import { groupBatches } from '../../store/jobs/batches';
import { takesOf } from '../../store/jobs/takes';
import { JobList } from './JobList';
import { JobPanel } from './JobPanel';
import { PauseButton } from './PauseButton';
import { QueueFilters } from './QueueFilters';
import './queue.css';

/** Queue: every job from queued to downloaded, with its state and actions (UX.md "Queue"). */
export function QueueView() {
  const { t } = useTranslation('queue');
  const byId = useStudio((s) => s.jobs.byId);
  const loaded = useStudio((s) => s.jobs.loaded);
  const loadError = useStudio((s) => s.jobs.loadError);
  const filter = useStudio((s) => s.jobs.filter);
  const selectedId = useStudio((s) => s.jobs.selectedId);
  const paused = useStudio((s) => s.jobs.stats?.paused ?? false);
  const setFilter = useStudio((s) => s.jobs.setFilter);
  const select = useStudio((s) => s.jobs.select);

  const ordered = useMemo(() => inQueueOrder(Object.values(byId)), [byId]);
  const shown = useMemo(() => ordered.filter((j) => matchesFilter(j, filter)), [ordered, filter]);
  const counts = useMemo(() => filterCounts(ordered), [ordered]);
  const takes = useMemo(() => takesOf(ordered), [ordered]);
  const batches = useMemo(() => groupBatches(ordered), [ordered]);
  const selected = selectedId ? byId[selectedId] : undefined;

  return (
    <div className="queue-view">
      <ViewHeader title={t('view.title')} subtitle={t('view.subtitle')} actions={<PauseButton />} />
      {paused ? (
        <p className="queue-banner" role="note">
          {t('view.pausedBanner')}
        </p>
      ) : null}
      {loadError && !loaded ? (
        <p className="queue-banner" role="alert">
          {t('view.loadError', { error: loadError })}
        </p>
      ) : null}
      {loaded && ordered.length === 0 ? (
        <EmptyState icon={ListVideo} title={t('view.emptyTitle')}>
          <p>{t('view.emptyStart')}</p>
          <p>{t('view.emptyOffline')}</p>
        </EmptyState>
      ) : (
        <>
          <div className="queue-toolbar">
            <QueueFilters value={filter} counts={counts} onChange={setFilter} />
          </div>
          <div className="queue-body" data-panel={selected ? '' : undefined}>
            {shown.length > 0 ? (
              <JobList jobs={shown} takes={takes} batches={batches} selectedId={selectedId} paused={paused} onSelect={select} />
            ) : (
              <p className="queue-none">{loaded ? t('view.noMatch') : t('view.loading')}</p>
            )}
            {selected ? <JobPanel job={selected} take={takes.get(selected.id)} paused={paused} onClose={() => select(null)} /> : null}
          </div>
        </>
      )}
    </div>
  );
}
