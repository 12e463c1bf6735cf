import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelEntry } from '../../../shared/catalog/types';
import { MAX_SEED_LIST, ONE_TAKE } from '../../../shared/drafts/draft';
import { MAX_BATCH } from '../../../shared/jobs/batch';
import { batchProblem, seedMax } from '../../../shared/jobs/batch-plan';
import { useStudio } from '../../store/index';
import { ChoiceField } from './ChoiceField';
import { modelName } from '../../i18n/model-name';

const COUNTS = Array.from({ length: MAX_BATCH }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }));

/**
 * Generate ×N (issue 14 "Variations"): how many takes one Generate sends — 1, or a batch of 2–8
 * with the same inputs and their own seeds — and, for a batch, the seeds to use ("1, 2, 42"; the
 * rest random). On a row without a seed it says the takes differ only by chance.
 */
export function VariationsField({ model }: { model: ModelEntry }) {
  const { count, seedList } = useStudio((s) => s.compose.draft?.variations ?? ONE_TAKE);
  const setVariations = useStudio((s) => s.compose.setVariations);
  const id = useId();
  const helpId = useId();
  const { t } = useTranslation('compose');
  const seeded = seedMax(model) !== null;
  const problem = count > 1 ? batchProblem(model, count, seedList) : null;
  return (
    <div className="variations" role="group" aria-label={t('variations.group')}>
      <ChoiceField
        label={t('variations.takes')}
        choices={COUNTS}
        value={String(count)}
        onChange={(v) => setVariations({ count: Number(v) })}
        help={count > 1 ? t(seeded ? 'variations.batchHelpSeeded' : 'variations.batchHelp', { n: count }) : t('variations.single')}
      />
      {count > 1 && seeded ? (
        <div className="param">
          <label htmlFor={id} className="param-label">
            {t('variations.seeds')}
          </label>
          <input
            id={id}
            className="param-input"
            inputMode="numeric"
            maxLength={MAX_SEED_LIST}
            placeholder={t('variations.random')}
            value={seedList}
            aria-invalid={problem ? true : undefined}
            aria-describedby={helpId}
            onChange={(e) => setVariations({ seedList: e.target.value })}
          />
          <p id={helpId} className="param-help" data-tone={problem ? 'error' : undefined}>
            {problem ?? t('variations.seedsHelp')}
          </p>
        </div>
      ) : null}
      {count > 1 && !seeded ? (
        <p className="param-help" role="note">
          {t('variations.noSeed', { model: modelName(model) })}
        </p>
      ) : null}
    </div>
  );
}
