import type { JobView } from '../../../shared/jobs/job';
import { i18n } from '../../i18n/index';
import { costOf, providerName } from './job-text';

/**
 * What a job's cost column says, and the tooltip that explains it:
 * - `estimate`: a real job's catalog estimate ("≈ $0.26", providers.md "Cost");
 * - `would`: a demo job's (`route: 'demo'`) — nothing is billed, so "would cost ≈ $0.26";
 * - `not-billed`: a cancelled job that never reached a provider task it could be charged for;
 * - `may-be-billed`: a cancelled job whose task may have run on (the provider could not stop it);
 * - `none`: no published price.
 * `demoNow` (the app runs the demo) decides for a job not sent yet, which has no route.
 */
export interface JobCost {
  kind: 'estimate' | 'would' | 'not-billed' | 'may-be-billed' | 'none';
  text: string;
  title: string;
}

/**
 * The job's cost as the Queue shows it (issue 14 item 10). A cancelled job is "not billed" when it
 * was cancelled before it was sent, or while it waited at fal or ModelArk, which cancel only tasks
 * that have not started (providers.md "At a glance", cancel row) — the engine only reaches
 * `cancelled` from there when the provider accepted. Cancelled later (Novita and EvoLink cannot
 * cancel; a running or downloading task was made), it "may be billed".
 */
export function jobCost(job: Pick<JobView, 'params' | 'state' | 'history' | 'provider' | 'route'>, demoNow = false): JobCost {
  // A job not sent yet has no route: it will take the app's current one.
  const demo = (job.route ?? (demoNow ? 'demo' : 'provider')) === 'demo';
  if (job.state === 'cancelled') {
    const before = stateBeforeCancel(job.history);
    const unbilled = before === undefined || before === 'draft' || before === 'queued' || (before === 'submitted' && (job.provider === 'fal' || job.provider === 'ark'));
    if (demo || unbilled) {
      return { kind: 'not-billed', text: i18n.t('queue:cost.notBilled'), title: demo ? i18n.t('queue:cost.notBilledDemo') : i18n.t('queue:cost.notBilledEarly') };
    }
    const cost = costOf(job.params);
    return {
      kind: 'may-be-billed',
      text: cost ? i18n.t('queue:cost.mayBeBilledPrice', { price: cost.text }) : i18n.t('queue:cost.mayBeBilled'),
      title: i18n.t('queue:cost.mayBeBilledTitle', { provider: providerName(job.provider) }),
    };
  }
  const cost = costOf(job.params);
  if (!cost) return { kind: 'none', text: i18n.t('queue:cost.noPrice'), title: i18n.t('queue:cost.noPriceTitle') };
  if (demo) return { kind: 'would', text: i18n.t('queue:cost.would', { price: cost.text }), title: i18n.t('queue:cost.wouldTitle', { price: cost.text, asOf: cost.asOf }) };
  return { kind: 'estimate', text: cost.text, title: i18n.t('queue:cost.estimateTitle', { asOf: cost.asOf }) };
}

/** The state the job was in when it was cancelled: the history entry before the last `cancelled`. */
function stateBeforeCancel(history: JobView['history']): JobView['state'] | undefined {
  for (let i = history.length - 1; i > 0; i--) {
    if (history[i]!.state === 'cancelled') return history[i - 1]!.state;
  }
  return undefined;
}

/**
 * What confirming Retry will spend (issue 14 item 10: Retry queued a paid job at once): a new job
 * with the same inputs, sent the way the app sends now — `demo` true (no key set) costs nothing.
 */
export function retryPriceText(job: Pick<JobView, 'params' | 'provider'>, demo: boolean): string {
  const cost = costOf(job.params);
  const name = providerName(job.provider);
  if (demo) return cost ? i18n.t('queue:retry.demoPrice', { provider: name, price: cost.text }) : i18n.t('queue:retry.demo');
  if (!cost) return i18n.t('queue:retry.noPrice', { provider: name });
  return i18n.t('queue:retry.price', { provider: name, price: cost.text, asOf: cost.asOf });
}
