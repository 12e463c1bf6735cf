import * as Dialog from '@radix-ui/react-dialog';
import { Layers } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { CostEstimate } from '../../../shared/catalog/params';
import type { ModelEntry } from '../../../shared/catalog/types';
import { PROVIDER_NAMES } from '../../../shared/catalog/provider-names';
import { seedsText, type BatchPlan } from '../../../shared/jobs/batch-plan';
import { batchCostText } from './batch-cost-text';
import { formatDuration } from './format';
import { modelName } from '../../i18n/model-name';

interface BatchConfirmProps {
  /** Null when closed. */
  plan: (Extract<BatchPlan, { ok: true }> & { model: ModelEntry }) | null;
  /** One take's cost estimate. */
  each: CostEstimate | null;
  demo: boolean;
  onSend(): void;
  onCancel(): void;
}

/**
 * Asks before Generate ×N sends a batch (issue 14 "Variations"): how many takes, on which model,
 * the seeds (or that the row has none, so the takes differ only by chance) and the batch's total
 * cost — named on the Send button too. A Radix dialog: focus trapped and returned, Escape cancels.
 */
export function BatchConfirm({ plan, each, demo, onSend, onCancel }: BatchConfirmProps) {
  const { t } = useTranslation('compose');
  const count = plan?.takes.length ?? 0;
  const provider = plan ? PROVIDER_NAMES[plan.model.provider] : '';
  const cost = batchCostText(each, count, provider, demo);
  const first = plan?.takes[0];
  return (
    <Dialog.Root open={plan !== null} onOpenChange={(open) => (open ? undefined : onCancel())}>
      <Dialog.Portal>
        <Dialog.Overlay className="compose-dialog-overlay" />
        <Dialog.Content className="compose-dialog">
          {plan && first ? (
            <>
              <Dialog.Title className="compose-dialog-title">
                <Layers aria-hidden="true" size={20} />
                {t('batch.title', { n: count })}
              </Dialog.Title>
              <Dialog.Description className="compose-dialog-text">
                {t('batch.description', { model: modelName(plan.model), provider, resolution: first.resolution, duration: formatDuration(first.duration) })}
              </Dialog.Description>
              <p className="compose-dialog-text" data-testid="batch-seeds">
                {plan.seeds ? t('batch.seeds', { seeds: seedsText(plan.seeds) }) : t('batch.noSeed', { model: modelName(plan.model) })}
              </p>
              <p className="compose-dialog-cost" data-testid="batch-cost">
                {cost.sentence}
              </p>
              <div className="compose-dialog-actions">
                <button type="button" className="button primary" onClick={onSend}>
                  {cost.button}
                </button>
                <Dialog.Close asChild>
                  <button type="button" className="button">
                    {t('batch.dontSend')}
                  </button>
                </Dialog.Close>
              </div>
            </>
          ) : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
