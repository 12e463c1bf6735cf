import { rm } from 'node:fs/promises';
import { StudioError } from '../../shared/contract/result';
import type { Job } from '../../shared/jobs/job';
import type { ProviderAdapter, ProviderContext } from '../providers/types';
import type { CancelOutcome } from './api';
import type { Said } from '../../shared/messages/phrase';
import { planCancel, providerCancelAnswer } from './cancel-plan';
import { partPathOf } from './delivery';
import type { FlowSupervisor } from './flows';
import type { JobTable } from './job-table';
import { said } from '../../shared/messages/phrase';

export interface CancelDeps {
  table: JobTable;
  flows: FlowSupervisor;
  adapters(provider: Job['provider']): ProviderAdapter;
  /** The provider context for a request made for job `id` (its route). */
  context(id: string): Promise<ProviderContext>;
  /** Where `.part` downloads live. */
  outputDir: string;
  /** Remembers a cancel asked for while the POST is in flight; the engine carries it out once the POST has an outcome. */
  later(id: string): void;
}

/**
 * The `cancel` command: carries out `planCancel` for the job as it is now. Stops the job's flow
 * before deciding its fate, so nothing races the cancel; asks the provider where it can cancel.
 * Throws `StudioError` `NOT_FOUND` (no such job) or `CONFLICT` (already ended).
 */
export function createCancel(deps: CancelDeps): (id: string) => Promise<CancelOutcome> {
  const { table, flows } = deps;

  function need(id: string): Job {
    const job = table.get(id);
    if (!job) throw new StudioError('NOT_FOUND', said('job.refused.noSuchJob'));
    return job;
  }

  async function cancelWith(id: string, note: Said, refused: Said): Promise<CancelOutcome> {
    const out = await table.apply(id, { type: 'cancel', note: note.message, notePhrase: note.phrase });
    return { job: out ?? need(id), cancelled: !!out, ...(out ? note : refused) };
  }

  async function cancel(id: string): Promise<CancelOutcome> {
    const job = need(id);
    const adapter = deps.adapters(job.provider);
    const plan = planCancel(job, adapter);
    switch (plan.kind) {
      case 'ended':
        throw new StudioError('CONFLICT', plan.message);
      case 'later':
        deps.later(id);
        return { job, cancelled: false, ...plan.message };
      case 'local':
        return flows.whileStopped(id, async () => {
          // Stopping waited for a POST already under way: the job has moved on, cancel it where it is now.
          const now = need(id).state;
          if (now !== 'draft' && now !== 'queued') return cancel(id);
          return cancelWith(id, plan.note, said('cancel.notInState'));
        });
      case 'download':
        return flows.whileStopped(id, async () => {
          await rm(partPathOf(deps.outputDir, id), { force: true });
          return cancelWith(id, plan.note, said('cancel.finishedBeforeStop'));
        });
      case 'dismiss':
        return flows.whileStopped(id, async () => ({ ...(await cancelWith(id, plan.note, plan.note)), cancelled: true }));
      case 'remote': {
        let note: Said;
        if (plan.ask) {
          const task = { taskId: job.remote?.taskId ?? '', handle: job.remote?.handle ?? {} };
          const answer = await adapter.cancelTask(task, await deps.context(id)).catch((error: unknown) => ({ error }));
          const answered = providerCancelAnswer(job.provider, answer);
          if (!answered.cancelled) return { job: need(id), cancelled: false, ...answered.message };
          note = answered.note;
        } else {
          note = plan.note;
        }
        return flows.whileStopped(id, () => cancelWith(id, note, said('cancel.finishedBeforeCancel')));
      }
    }
  }
  return cancel;
}
