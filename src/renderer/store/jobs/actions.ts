import type { StoreApi } from 'zustand';
import { draftSeedFromJobParams } from '../../../shared/drafts/params';
import type { JobView } from '../../../shared/jobs/job';
import { startNewDraft } from '../compose/draft-list';
import type { StudioState } from '../index';
import { continueClip } from '../library/handoff';
import { moveBy, moveTo, queuedIds, inQueueOrder } from './order';
import { jobsRequests } from './slice';
import { phraseText } from '../../i18n/phrase';

/**
 * The Queue's verbs over the store. Each rejects with a `StudioClientError` whose message is fit
 * to show (the caller shows it); the store follows main's answer and its events.
 */

/** Stops sending queued jobs (persisted by the engine); running jobs keep going. */
export async function pauseQueue(store: StoreApi<StudioState>): Promise<void> {
  store.getState().jobs.setStats(await jobsRequests(store.getState()).jobs.pause());
}

/** Starts sending queued jobs again. */
export async function resumeQueue(store: StoreApi<StudioState>): Promise<void> {
  store.getState().jobs.setStats(await jobsRequests(store.getState()).jobs.resume());
}

/**
 * Sends the queued jobs' new order (`jobs:reorder`) and applies main's answer. The rows move at
 * once: the queued jobs' existing `order` values are handed out in the new sequence (so their
 * places among jobs already sent stay put); main's answer then replaces them, and a refusal puts
 * the old copies back. (The engine may take seconds to store a big reorder durably.)
 */
async function reorder(store: StoreApi<StudioState>, ids: string[]): Promise<void> {
  const jobs = () => store.getState().jobs;
  const before = ids.map((id) => jobs().byId[id]).filter((j): j is JobView => j !== undefined);
  const slots = before.map((j) => j.order).sort((a, b) => a - b);
  for (const job of before) {
    const order = slots[ids.indexOf(job.id)];
    if (order !== undefined && order !== job.order) jobs().upsert({ ...job, order });
  }
  try {
    const answer = await jobsRequests(store.getState()).jobs.reorder({ ids });
    jobs().replaceAll(answer.jobs, answer.version);
  } catch (err) {
    for (const job of before) jobs().upsert(job);
    throw err;
  }
}

function queuedNow(store: StoreApi<StudioState>): string[] {
  return queuedIds(inQueueOrder(Object.values(store.getState().jobs.byId)));
}

/**
 * Moves queued job `id` by `delta` places among the queued jobs (Alt+↑/↓). Resolves with its new
 * 1-based position and the number of queued jobs, or null when it cannot move (not queued, at an end).
 */
export async function moveJob(store: StoreApi<StudioState>, id: string, delta: number): Promise<{ position: number; of: number } | null> {
  const next = moveBy(queuedNow(store), id, delta);
  if (!next) return null;
  await reorder(store, next);
  return { position: next.indexOf(id) + 1, of: next.length };
}

/** Drops queued job `id` before or after queued job `target` (drag and drop); false when nothing moved. */
export async function dropJob(store: StoreApi<StudioState>, id: string, target: string, place: 'before' | 'after'): Promise<boolean> {
  const next = moveTo(queuedNow(store), id, target, place);
  if (!next) return false;
  await reorder(store, next);
  return true;
}

/** Cancels (or stops tracking) a job; resolves with the engine's sentence saying which. */
export async function cancelJob(store: StoreApi<StudioState>, id: string): Promise<string> {
  const out = await jobsRequests(store.getState()).jobs.cancel({ id });
  store.getState().jobs.upsert(out.job);
  return phraseText(out.phrase, out.message);
}

/** Retry: a NEW job with the same inputs (billed again); it becomes the selected job. */
export async function retryJob(store: StoreApi<StudioState>, id: string): Promise<JobView> {
  const { job } = await jobsRequests(store.getState()).jobs.retry({ id });
  store.getState().jobs.upsert(job);
  store.getState().jobs.select(job.id);
  return job;
}

/**
 * "Retry without audio" (a failure caused by the generated audio, e.g. ModelArk
 * `OutputAudioSensitiveContentDetected`): a NEW job with the same inputs and `generateAudio: false`.
 */
export async function retryWithoutAudio(store: StoreApi<StudioState>, id: string): Promise<JobView> {
  const requests = jobsRequests(store.getState());
  const { params } = await requests.jobs.duplicate({ id });
  const { job } = await requests.jobs.submit({ params: { ...params, generateAudio: false } });
  store.getState().jobs.upsert(job);
  store.getState().jobs.select(job.id);
  return job;
}

/** Forgets a job that has nothing at the provider. */
export async function removeJob(store: StoreApi<StudioState>, id: string): Promise<void> {
  await jobsRequests(store.getState()).jobs.remove({ id });
  store.getState().jobs.removed(id);
}

/**
 * Duplicate to Compose: the job's parameters (`jobs:duplicate`) become a NEW current draft
 * (`drafts:create { from }`; the draft that was open stays in the draft list) and Compose opens.
 */
export async function duplicateToCompose(store: StoreApi<StudioState>, id: string): Promise<void> {
  const { params } = await jobsRequests(store.getState()).jobs.duplicate({ id });
  await startNewDraft(store, draftSeedFromJobParams(params));
  store.getState().shell.setView('compose');
}

/** Opens the clip a job made in the Library. */
export function openInLibrary(store: StoreApi<StudioState>, clipId: string): void {
  store.getState().shell.setView('library');
  void store.getState().library.open(clipId); // The Library shows its own loading and errors.
}

/**
 * Continue from last frame: fetches the clip (`library:get`) and hands it to the Library's
 * hand-off, which opens Compose with its last frame as the first frame. The hand-off reports a
 * failure as a Library toast, so on failure the clip opens in the Library where it is seen.
 */
export async function continueFromLastFrame(store: StoreApi<StudioState>, clipId: string): Promise<void> {
  const clip = await jobsRequests(store.getState()).library.get({ id: clipId });
  await continueClip(store, clip);
  if (store.getState().shell.view !== 'compose') openInLibrary(store, clipId);
}

/** Shows a job in the Queue, selected (a toast's "Open"). */
export function openJob(store: StoreApi<StudioState>, id: string): void {
  const jobs = store.getState().jobs;
  jobs.setFilter('all');
  jobs.select(id);
  store.getState().shell.setView('queue');
}
