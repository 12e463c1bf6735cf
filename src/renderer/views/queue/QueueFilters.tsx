import { useTranslation } from 'react-i18next';
import { JOB_FILTERS, type JobFilter } from '../../store/jobs/filters';

/** The filter buttons (a toggle group: exactly one is pressed), each with how many jobs it shows. */
export function QueueFilters({ value, counts, onChange }: { value: JobFilter; counts: Record<JobFilter, number>; onChange(filter: JobFilter): void }) {
  const { t } = useTranslation('queue');
  return (
    <div className="queue-filters" role="group" aria-label={t('filters.label')}>
      {JOB_FILTERS.map((f) => (
        <button key={f} type="button" className="queue-filter" aria-pressed={value === f} onClick={() => onChange(f)}>
          {t(`filters.${f}`)}
          <span className="queue-filter-count">{counts[f]}</span>
        </button>
      ))}
    </div>
  );
}
