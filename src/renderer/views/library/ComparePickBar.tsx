import { Columns2, Layers, X } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useStudio } from '../../store/index';
import { MAX_COMPARE, MIN_COMPARE } from '../../store/compare/slice';
import { clipAt } from '../../store/library/paging';

/**
 * Over the grid while clips are picked for Compare (Ctrl/Cmd+click, the card's check mark, or X)
 * or one batch is shown (from the Queue or a clip's detail): Compare them, clear the pick, or go
 * back to every clip. Says how to pick, and why Compare waits (fewer than two).
 */
export function ComparePickBar() {
  const picked = useStudio((s) => s.compare.picked);
  const clearPicked = useStudio((s) => s.compare.clearPicked);
  const openCompare = useStudio((s) => s.compare.open);
  const batchId = useStudio((s) => s.library.filters.batchId);
  const setFilters = useStudio((s) => s.library.setFilters);
  const pages = useStudio((s) => s.library.pages);
  const total = useStudio((s) => s.library.total) ?? 0;
  const { t } = useTranslation('library');
  if (!batchId && picked.length === 0) return null;

  const batchClips = batchId
    ? Array.from({ length: Math.min(total, MAX_COMPARE) }, (_, i) => clipAt(pages, i)?.id).filter((id): id is string => id !== undefined)
    : [];
  return (
    <div className="compare-pick-bar" role="group" aria-label={t('pickBar.label')}>
      {batchId ? (
        <>
          <span className="compare-pick-text">
            <Layers aria-hidden="true" size={16} />
            {t('pickBar.batch', { count: total })}
          </span>
          {picked.length === 0 ? (
            <button
              type="button"
              className="button primary"
              disabled={batchClips.length < MIN_COMPARE}
              title={batchClips.length < MIN_COMPARE ? t('pickBar.needTwo') : total > MAX_COMPARE ? t('pickBar.firstN', { max: MAX_COMPARE }) : undefined}
              onClick={() => openCompare(batchClips)}
            >
              <Columns2 aria-hidden="true" size={16} />
              {t('pickBar.compareBatch')}
            </button>
          ) : null}
          <button type="button" className="button" onClick={() => setFilters({ batchId: '' })}>
            <X aria-hidden="true" size={16} />
            {t('pickBar.showAll')}
          </button>
        </>
      ) : null}
      {picked.length > 0 ? (
        <>
          <span className="compare-pick-text" role="status">
            {t('pickBar.picked', { n: picked.length, max: MAX_COMPARE })}
            {picked.length < MIN_COMPARE ? t('pickBar.pickOneMore') : ''}
          </span>
          <button type="button" className="button primary" disabled={picked.length < MIN_COMPARE} onClick={() => openCompare(picked)}>
            <Columns2 aria-hidden="true" size={16} />
            {t('pickBar.compareN', { n: picked.length })}
          </button>
          <button type="button" className="button" onClick={clearPicked}>
            <X aria-hidden="true" size={16} />
            {t('pickBar.clear')}
          </button>
        </>
      ) : null}
    </div>
  );
}
