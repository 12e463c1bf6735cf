import { ListVideo } from 'lucide-react';
import { useMemo } from 'react';
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
      <ViewHeader title="Queue" subtitle="Jobs waiting, generating and downloading, in the order they are sent." actions={<PauseButton />} />
      {paused ? (
        <p className="queue-banner" role="note">
          The queue is paused: jobs not sent yet wait here. Jobs already at a provider keep going.
        </p>
      ) : null}
      {loadError && !loaded ? (
        <p className="queue-banner" role="alert">
          The jobs could not be loaded: {loadError}
        </p>
      ) : null}
      {loaded && ordered.length === 0 ? (
        <EmptyState icon={ListVideo} title="No jobs yet">
          <p>Jobs you start from Compose appear here with their state, progress and cost.</p>
          <p>Work queued while offline is sent when the network returns.</p>
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
              <p className="queue-none">{loaded ? 'No jobs match this filter.' : 'Loading jobs…'}</p>
            )}
            {selected ? <JobPanel job={selected} take={takes.get(selected.id)} paused={paused} onClose={() => select(null)} /> : null}
          </div>
        </>
      )}
    </div>
  );
}
