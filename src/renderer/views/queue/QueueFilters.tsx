import { JOB_FILTERS, type JobFilter } from '../../store/jobs/filters';

const LABELS: Record<JobFilter, string> = { all: 'All', active: 'Active', finished: 'Finished', failed: 'Failed' };

/** The filter buttons (a toggle group: exactly one is pressed), each with how many jobs it shows. */
export function QueueFilters({ value, counts, onChange }: { value: JobFilter; counts: Record<JobFilter, number>; onChange(filter: JobFilter): void }) {
  return (
    <div className="queue-filters" role="group" aria-label="Show jobs">
      {JOB_FILTERS.map((f) => (
        <button key={f} type="button" className="queue-filter" aria-pressed={value === f} onClick={() => onChange(f)}>
          {LABELS[f]}
          <span className="queue-filter-count">{counts[f]}</span>
        </button>
      ))}
    </div>
  );
}
