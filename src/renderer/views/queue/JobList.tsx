import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobView } from '../../../shared/jobs/job';
import { useStudio } from '../../store/index';
import { dropJob, moveJob } from '../../store/jobs/actions';
import { queueRows } from '../../store/jobs/batches';
import type { Take } from '../../store/jobs/takes';
import { BatchRow } from './BatchRow';
import { JobRow, type DropPlace } from './JobRow';
import { runAction } from './run-action';
import { takeLine } from './take-text';
import { waitReason } from './wait-reason';

/** A row without an error block, px (thumbnail 54 + padding); rows are measured once shown. */
const ROW_ESTIMATE = 78;
/** Rows rendered beyond the visible ones on each side, so fast scrolling shows no blanks. */
const OVERSCAN = 6;
/** The drag payload's type: only rows of this list accept it. */
const DRAG_TYPE = 'application/x-seedance-job';

interface JobListProps {
  jobs: readonly JobView[];
  /** Every job's take of its prompt (`takesOf`), by id. */
  takes: ReadonlyMap<string, Take>;
  /** Every batch's takes (`groupBatches` of all jobs, not only those shown), by batch id. */
  batches: ReadonlyMap<string, readonly JobView[]>;
  selectedId: string | null;
  paused: boolean;
  onSelect(id: string): void;
}

/**
 * The Queue's virtualized list (@tanstack/react-virtual): only the rows in view (plus a few) are in
 * the DOM, so 1,000 jobs scroll as smoothly as 10. Keyboard: ↑/↓ move between rows, Home/End jump,
 * Alt+↑/↓ move a job not sent yet earlier or later in the queue (as dragging does).
 */
export function JobList({ jobs, takes, batches, selectedId, paused, onSelect }: JobListProps) {
  const { t } = useTranslation('queue');
  const scroller = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ id: string; over: string | null; place: DropPlace } | null>(null);
  const pendingFocus = useRef<string | null>(null);

  // A batch's header row goes before its first take shown (issue 14 "Variations").
  const rows = useMemo(() => queueRows(jobs), [jobs]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: OVERSCAN,
    getItemKey: (i) => {
      const row = rows[i];
      return row ? (row.kind === 'job' ? row.job.id : `batch:${row.batchId}`) : i;
    },
  });

  /** Focuses the row of job `id` once it is rendered (it may first have to scroll into view). */
  const focusJob = useCallback(
    (id: string) => {
      const index = rows.findIndex((r) => r.kind === 'job' && r.job.id === id);
      if (index < 0) return;
      pendingFocus.current = id;
      virtualizer.scrollToIndex(index, { align: 'auto' });
      requestAnimationFrame(() => tryFocus());
    },
    [rows, virtualizer],
  );

  function tryFocus(): void {
    const id = pendingFocus.current;
    if (!id) return;
    const button = scroller.current?.querySelector<HTMLButtonElement>(`[data-job-id="${id}"] .job-select`);
    if (!button) return;
    pendingFocus.current = null;
    button.focus({ preventScroll: false });
  }
  // A row that had to scroll into view appears in a later render.
  useEffect(() => tryFocus());

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLButtonElement>, job: JobView) => {
      const key = event.key;
      // Arrows move between jobs; batch headers are passed over (their buttons are reached by Tab).
      const index = jobs.findIndex((j) => j.id === job.id);
      if (event.altKey && (key === 'ArrowUp' || key === 'ArrowDown')) {
        event.preventDefault();
        if (job.state !== 'queued') {
          useStudio.getState().shell.announce(t('list.onlyQueued'));
          return;
        }
        void runAction(
          t('list.moving'),
          () => moveJob(useStudio, job.id, key === 'ArrowUp' ? -1 : 1),
          (moved) =>
            moved ? t('list.movedTo', { position: moved.position, of: moved.of }) : key === 'ArrowUp' ? t('list.alreadyFirst') : t('list.alreadyLast'),
        ).then(() => focusJob(job.id));
        return;
      }
      const target =
        key === 'ArrowDown' ? index + 1 : key === 'ArrowUp' ? index - 1 : key === 'Home' ? 0 : key === 'End' ? jobs.length - 1 : null;
      if (target === null || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      const next = jobs[Math.min(jobs.length - 1, Math.max(0, target))];
      if (next) focusJob(next.id);
    },
    [jobs, focusJob, t],
  );

  const onDragStart = useCallback((event: DragEvent<HTMLLIElement>, job: JobView) => {
    if (job.state !== 'queued') return;
    event.dataTransfer.setData(DRAG_TYPE, job.id);
    event.dataTransfer.effectAllowed = 'move';
    setDrag({ id: job.id, over: null, place: 'before' });
  }, []);

  const onDragOver = useCallback((event: DragEvent<HTMLLIElement>, job: JobView) => {
    if (!event.dataTransfer.types.includes(DRAG_TYPE) || job.state !== 'queued') return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    const rect = event.currentTarget.getBoundingClientRect();
    const place: DropPlace = event.clientY < rect.top + rect.height / 2 ? 'before' : 'after';
    setDrag((d) => (d && (d.over !== job.id || d.place !== place) ? { ...d, over: job.id, place } : d));
  }, []);

  const onDrop = useCallback(
    (event: DragEvent<HTMLLIElement>, job: JobView) => {
      const id = event.dataTransfer.getData(DRAG_TYPE);
      if (!id || job.state !== 'queued') return;
      event.preventDefault();
      const rect = event.currentTarget.getBoundingClientRect();
      const place: DropPlace = event.clientY < rect.top + rect.height / 2 ? 'before' : 'after';
      setDrag(null);
      void runAction(t('list.moving'), () => dropJob(useStudio, id, job.id, place), (moved) => (moved ? t('list.moved') : null));
    },
    [t],
  );
  const onDragEnd = useCallback(() => setDrag(null), []);

  const online = useStudio((s) => s.app.status?.online);
  const providers = useStudio((s) => s.jobs.stats?.providers);
  const items = virtualizer.getVirtualItems();
  return (
    <div className="job-scroller" ref={scroller}>
      <ul className="job-list" aria-label={t('list.label', { total: jobs.length })} style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          if (row.kind === 'batch') {
            return (
              <BatchRow
                key={`batch:${row.batchId}`}
                batchId={row.batchId}
                takes={batches.get(row.batchId) ?? []}
                index={item.index}
                start={item.start}
                measure={virtualizer.measureElement}
              />
            );
          }
          const job = row.job;
          return (
            <JobRow
              key={job.id}
              job={job}
              index={item.index}
              start={item.start}
              measure={virtualizer.measureElement}
              selected={job.id === selectedId}
              paused={paused}
              take={takeLine(takes.get(job.id))}
              wait={waitReason(job, { paused, online, provider: providers?.find((p) => p.provider === job.provider) })}
              dropPlace={drag && drag.over === job.id && drag.id !== job.id ? drag.place : null}
              onSelect={onSelect}
              onKeyDown={onKeyDown}
              onDragStart={onDragStart}
              onDragOver={onDragOver}
              onDrop={onDrop}
              onDragEnd={onDragEnd}
            />
          );
        })}
      </ul>
    </div>
  );
}
