import { Film, SearchX, TriangleAlert } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { ViewHeader } from '../../components/ViewHeader';
import { useStudio } from '../../store/index';
import { isFiltered } from '../../store/library/filters';
import { ClipDetailView } from './ClipDetailView';
import { ClipGrid } from './ClipGrid';
import { ComparePickBar } from './ComparePickBar';
import { FilterBar } from './FilterBar';
import { clipCount } from './format';
import './library.css';

const IS_MAC = /Mac|iPhone|iPad/.test(navigator.userAgent);

/**
 * Library: every finished clip as a poster grid with a filter bar; a clip opens over the grid
 * (which keeps its scroll position and is inert meanwhile), and focus returns to its card on close.
 */
export function LibraryView() {
  const detail = useStudio((s) => s.library.detail);
  const open = detail.status !== 'closed';
  const lastOpen = useRef<string | null>(null);
  const browser = useRef<HTMLDivElement>(null);
  const { t } = useTranslation('library');

  useEffect(() => {
    // Ctrl/Cmd+Z brings back the last deleted clip, as the toast's Undo does; text fields keep their own undo.
    const onKey = (e: KeyboardEvent) => {
      if (!(IS_MAC ? e.metaKey : e.ctrlKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'z') return;
      if (e.target instanceof HTMLElement && e.target.closest('input, textarea, [contenteditable="true"]')) return;
      const { lastTrashed, busy, restore } = useStudio.getState().library;
      if (!lastTrashed || busy) return;
      e.preventDefault();
      void restore(lastTrashed); // restore records its own failure as a toast.
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (detail.status !== 'closed') {
      lastOpen.current = detail.id;
      return;
    }
    const id = lastOpen.current;
    lastOpen.current = null;
    if (id) browser.current?.querySelector<HTMLElement>(`[data-clip-id="${id}"]`)?.focus();
  }, [detail]);

  return (
    <div className="library">
      <ViewHeader
        title={t('view.title')}
        subtitle={t('view.subtitle')}
        actions={<LibraryCount />}
      />
      <div className="library-body">
        <div className="library-browser" ref={browser} inert={open}>
          <FilterBar />
          <ComparePickBar />
          <Browser />
        </div>
        {open ? <ClipDetailView detail={detail} /> : null}
      </div>
    </div>
  );
}

/**
 * "N clips" in the header. Its own component: each keystroke of a search changes the count, and
 * only this text (and the grid) should render again for it, not the header and filter bar.
 */
function LibraryCount() {
  const total = useStudio((s) => s.library.total);
  return total !== null ? <span className="library-count">{clipCount(total)}</span> : null;
}

/** The grid, or what stands in its place: loading, an error, an empty library, no matches. */
function Browser() {
  const total = useStudio((s) => s.library.total);
  const error = useStudio((s) => s.library.listError);
  const filtered = useStudio((s) => isFiltered(s.library.filters));
  const reset = useStudio((s) => s.library.resetFilters);
  const setView = useStudio((s) => s.shell.setView);
  const { t } = useTranslation('library');

  if (error && total === null) {
    return (
      <p className="library-state" role="alert">
        <TriangleAlert aria-hidden="true" size={16} /> {t('browser.readError', { error })}
      </p>
    );
  }
  if (total === null) {
    return (
      <p className="library-state" role="status">
        {t('browser.reading')}
      </p>
    );
  }
  if (total === 0 && filtered) {
    return (
      <EmptyState icon={SearchX} title={t('browser.noMatchTitle')}>
        <p>{t('browser.noMatchText')}</p>
        <p>
          <button type="button" className="button" onClick={reset}>
            {t('browser.clearFilters')}
          </button>
        </p>
      </EmptyState>
    );
  }
  if (total === 0) {
    return (
      <EmptyState icon={Film} title={t('browser.emptyTitle')}>
        <p>{t('browser.emptyArrive')}</p>
        <p>{t('browser.emptyFolders')}</p>
        <p>
          <button type="button" className="button primary" onClick={() => setView('compose')}>
            {t('browser.compose')}
          </button>
        </p>
      </EmptyState>
    );
  }
  return (
    <>
      {error ? (
        <p className="library-state" role="alert">
          <TriangleAlert aria-hidden="true" size={16} /> {t('browser.someFailed', { error })}
        </p>
      ) : null}
      <ClipGrid total={total} />
    </>
  );
}
