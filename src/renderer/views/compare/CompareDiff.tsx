import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiffRow } from '../../store/compare/diff';

/**
 * The compared clips' settings as a table, one column per clip: the rows whose values differ are
 * marked with the word "differs" and an accent (never colour alone); "Only what differs" hides the rest.
 */
export function CompareDiff({ rows, names }: { rows: DiffRow[]; names: string[] }) {
  const [onlyDiffs, setOnlyDiffs] = useState(false);
  const { t } = useTranslation('compare');
  const toggleId = useId();
  const differing = rows.filter((r) => r.differs).length;
  const shown = onlyDiffs ? rows.filter((r) => r.differs) : rows;
  return (
    <section className="compare-diff" aria-labelledby={`${toggleId}-title`}>
      <div className="compare-diff-head">
        <h3 id={`${toggleId}-title`} className="compare-diff-title">
          {differing ? t('diff.titleDiffer', { n: differing }) : t('diff.titleSame')}
        </h3>
        <label className="compare-diff-toggle" htmlFor={toggleId}>
          <input id={toggleId} type="checkbox" checked={onlyDiffs} onChange={(e) => setOnlyDiffs(e.target.checked)} />
          {t('diff.onlyDiffs')}
        </label>
      </div>
      <div className="compare-diff-scroll">
        <table className="compare-table">
          <thead>
            <tr>
              <th scope="col">{t('diff.setting')}</th>
              {names.map((n) => (
                <th key={n} scope="col">
                  {n}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.key} data-differs={row.differs ? '' : undefined}>
                <th scope="row">
                  {row.label}
                  {row.differs ? <span className="compare-differs">{t('diff.differs')}</span> : null}
                </th>
                {row.values.map((v, i) => (
                  <td key={i} title={v}>
                    {v}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
