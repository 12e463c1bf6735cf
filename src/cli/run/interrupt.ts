import { setTimeout as sleep } from 'node:timers/promises';
import type { EngineApi } from '../../main/jobs/api';
import { PROVIDER_NAMES } from '../../main/providers/failure';
import type { Job } from '../../shared/jobs/job';
import type { FollowedJob } from './follow';

/**
 * How long Ctrl-C waits for a job caught mid-POST to get its task id (the engine then cancels it
 * itself), ms. The submit POST has its own 60 s timeout; past this we report what is known.
 */
const SETTLE_MS = 15_000;

/**
 * Stops job `id` after Ctrl-C, the way the engine can (ARCHITECTURE.md "Job lifecycle"): not yet
 * sent → cancelled, nothing billed; at the provider → cancelled there where the provider allows it
 * (fal while queued), otherwise the engine stops tracking it. Returns the sentence for stderr,
 * naming the provider's task id whenever the task may still run and be billed.
 */
export async function cancelForCli(jobs: Pick<EngineApi, 'cancel'>, followed: FollowedJob, id: string): Promise<string> {
  let job: Job;
  let message: string;
  try {
    const outcome = await jobs.cancel(id);
    job = outcome.job;
    message = outcome.message;
  } catch (err) {
    return `Could not cancel: ${err instanceof Error ? err.message : String(err)}`;
  }
  if (job.state === 'submitting') {
    // The engine cancels it as soon as the POST answers; wait for that, within reason.
    await Promise.race([followed.ended.catch(() => undefined), sleep(SETTLE_MS, undefined, { ref: false })]);
    job = followed.latest() ?? job;
  }
  const name = PROVIDER_NAMES[job.provider];
  const task = job.remote?.taskId;
  if (job.state === 'completed') return `It had already finished: ${job.result?.path ?? 'the video is in the library'}.`;
  if (job.state === 'cancelled') {
    // The engine's note says whether anything may still be billed (e.g. "Novita has no way to cancel a task…").
    const note = job.history.at(-1)?.note ?? message;
    return task ? `${note}\n${name} task: ${task}` : note;
  }
  if (!task) return `${message}\nIf it reaches ${name}, it may run and be billed.`;
  return `${name} could not cancel task ${task}: it has already started, so it may still run and be billed.`;
}
