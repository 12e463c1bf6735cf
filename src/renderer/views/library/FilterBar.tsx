import { Search, X } from 'lucide-react';
import { memo, useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { CATALOG } from '../../../shared/catalog/models';
import { AspectRatio, Mode, ProviderId, Resolution } from '../../../shared/catalog/types';
import { useStudio } from '../../store/index';
import { isFiltered, type DatePreset, type LibraryFilterState, type SortChoice } from '../../store/library/filters';
import { MODE_LABEL, PROVIDER_LABEL } from './format';
import { modelName } from '../../i18n/model-name';

const IS_MAC = /Mac|iPhone|iPad/.test(navigator.userAgent);

const DATES: DatePreset[] = ['any', 'today', 'week', 'month', 'year'];
const SORTS: SortChoice[] = ['newest', 'oldest', 'best', 'worst'];
// Filters match the effective ratio, so "adaptive"/"auto" are never a clip's ratio.
const RATIOS = AspectRatio.options.filter((r) => r !== 'adaptive' && r !== 'auto');

/**
 * The Library's filter bar: search over prompts and tags (`Ctrl/Cmd+F` focuses it), a menu per
 * filter (provider, model, mode, resolution, aspect ratio, date, rating) and the sort. Every
 * change queries main at once (see `connectLibrary`). A keystroke renders the search box again,
 * not the menus (`FilterMenus`): each key's narrowed grid is waiting on this render.
 */
export function FilterBar() {
  const text = useStudio((s) => s.library.filters.text);
  const filtered = useStudio((s) => isFiltered(s.library.filters));
  const setFilters = useStudio((s) => s.library.setFilters);
  const reset = useStudio((s) => s.library.resetFilters);
  const search = useRef<HTMLInputElement>(null);
  const { t } = useTranslation('library');

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((IS_MAC ? e.metaKey : e.ctrlKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        search.current?.focus();
        search.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div role="search" className="library-filters" aria-label={t('filters.label')}>
      <div className="library-search">
        <Search aria-hidden="true" size={16} />
        <input
          ref={search}
          type="search"
          value={text}
          placeholder={t('filters.searchPlaceholder')}
          aria-label={t('filters.searchLabel')}
          aria-keyshortcuts={IS_MAC ? 'Meta+F' : 'Control+F'}
          onChange={(e) => setFilters({ text: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && text) {
              e.stopPropagation();
              setFilters({ text: '' });
            }
          }}
        />
        <kbd aria-hidden="true">{IS_MAC ? t('filters.shortcutMac') : t('filters.shortcut')}</kbd>
      </div>
      <FilterMenus />
      {filtered ? (
        <button type="button" className="library-clear" onClick={reset}>
          <X aria-hidden="true" size={14} />
          {t('filters.clear')}
        </button>
      ) : null}
    </div>
  );
}

/** The menus' values: every filter but the search text. */
type MenuValues = Omit<LibraryFilterState, 'text'>;

/**
 * The filter and sort menus (see `FilterBar`); they render again only when one of their values
 * changes (memo: the search box's keystroke renders `FilterBar`, and with it every child not memoised).
 */
const FilterMenus = memo(function FilterMenus() {
  const filters = useStudio(
    useShallow((s): MenuValues => {
      const { provider, modelId, mode, resolution, aspectRatio, date, minRating, batchId, sort } = s.library.filters;
      return { provider, modelId, mode, resolution, aspectRatio, date, minRating, batchId, sort };
    }),
  );
  const setFilters = useStudio((s) => s.library.setFilters);
  const { t } = useTranslation('library');
  const models = CATALOG.filter((m) => !filters.provider || m.provider === filters.provider);

  return (
    <>
      <Menu label={t('filters.provider')} value={filters.provider} onChange={(v) => setFilters({ provider: v as ProviderId | '', modelId: '' })}>
        <option value="">{t('filters.allProviders')}</option>
        {ProviderId.options.map((p) => (
          <option key={p} value={p}>
            {PROVIDER_LABEL[p]}
          </option>
        ))}
      </Menu>
      <Menu label={t('filters.model')} value={filters.modelId} onChange={(v) => setFilters({ modelId: v })}>
        <option value="">{t('filters.allModels')}</option>
        {ProviderId.options
          .filter((p) => models.some((m) => m.provider === p))
          .map((p) => (
            <optgroup key={p} label={PROVIDER_LABEL[p]}>
              {models
                .filter((m) => m.provider === p)
                .map((m) => (
                  <option key={m.id} value={m.id}>
                    {modelName(m)}
                  </option>
                ))}
            </optgroup>
          ))}
      </Menu>
      <Menu label={t('filters.mode')} value={filters.mode} onChange={(v) => setFilters({ mode: v as Mode | '' })}>
        <option value="">{t('filters.allModes')}</option>
        {Mode.options.map((m) => (
          <option key={m} value={m}>
            {MODE_LABEL[m].long}
          </option>
        ))}
      </Menu>
      <Menu label={t('filters.resolution')} value={filters.resolution} onChange={(v) => setFilters({ resolution: v as Resolution | '' })}>
        <option value="">{t('filters.anyResolution')}</option>
        {Resolution.options.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </Menu>
      <Menu label={t('filters.aspectRatio')} value={filters.aspectRatio} onChange={(v) => setFilters({ aspectRatio: v as AspectRatio | '' })}>
        <option value="">{t('filters.anyAspectRatio')}</option>
        {RATIOS.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </Menu>
      <Menu label={t('filters.date')} value={filters.date} onChange={(v) => setFilters({ date: v as DatePreset })}>
        {DATES.map((value) => (
          <option key={value} value={value}>
            {t(`filters.dates.${value}`)}
          </option>
        ))}
      </Menu>
      <Menu label={t('filters.rating')} value={String(filters.minRating)} onChange={(v) => setFilters({ minRating: Number(v) })}>
        <option value="0">{t('filters.anyRating')}</option>
        {[1, 2, 3, 4, 5].map((n) => (
          <option key={n} value={n}>
            {n < 5 ? t('filters.starsOrMore', { stars: '★'.repeat(n) }) : t('filters.starsOnly', { stars: '★'.repeat(n) })}
          </option>
        ))}
      </Menu>
      <Menu label={t('filters.sort')} sort value={filters.sort} onChange={(v) => setFilters({ sort: v as SortChoice })}>
        {SORTS.map((value) => (
          <option key={value} value={value}>
            {t(`filters.sorts.${value}`)}
          </option>
        ))}
      </Menu>
    </>
  );
});

/**
 * One labelled native menu (keyboard- and screen-reader-friendly on every platform). A filter's menu
 * is marked active when it holds a choice; the sort (`sort`) always holds one, so it never is.
 */
function Menu({ label, sort = false, value, onChange, children }: { label: string; sort?: boolean; value: string; onChange(value: string): void; children: ReactNode }) {
  return (
    <label className="library-menu">
      {/* The first option names the filter ("All providers"), so the label is for screen readers. */}
      <span className="visually-hidden">{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-active={value !== '' && value !== '0' && value !== 'any' && !sort}>
        {children}
      </select>
    </label>
  );
}
