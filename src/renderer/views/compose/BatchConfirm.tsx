import * as Dialog from '@radix-ui/react-dialog';
import { Layers } from 'lucide-react';
import type { CostEstimate } from '../../../shared/catalog/params';
import type { ModelEntry } from '../../../shared/catalog/types';
import { PROVIDER_NAMES } from '../../../shared/catalog/provider-names';
import { durationText } from '../../../shared/format/duration';
import { seedsText, type BatchPlan } from '../../store/compose/batch-plan';
import { batchCostText } from './batch-cost-text';

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
                Send {count} takes as one batch?
              </Dialog.Title>
              <Dialog.Description className="compose-dialog-text">
                The same prompt and inputs on {plan.model.name} ({provider}), {first.resolution}, {durationText(first.duration)}.
              </Dialog.Description>
              <p className="compose-dialog-text" data-testid="batch-seeds">
                {plan.seeds ? `Seeds ${seedsText(plan.seeds)}.` : `${plan.model.name} takes no seed: the takes differ only by chance.`}
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
                    Don&apos;t send
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
