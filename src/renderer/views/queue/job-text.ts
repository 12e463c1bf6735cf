import { estimateCost, outputSizeFor } from '../../../shared/catalog/params';
import { findModel } from '../../../shared/catalog/models';
import type { JobState, JobView } from '../../../shared/jobs/job';
import { AUTO_DURATION } from '../../../shared/catalog/task-type';
import { i18n } from '../../i18n/index';
import { formatUsd } from '../../i18n/format';
import { PROVIDER_LABELS } from '../settings/providers';

/**
 * The state chip's word (UX.md "Queue", in plainer words for a job not sent — issue 14 "Also"):
 * Not sent yet · Sending · Waiting at provider · Generating 42% · Downloading · Done · Failed ·
 * Needs attention · Expired · Cancelled.
 */
export function stateWord(job: Pick<JobView, 'state' | 'progress'>): string {
  if (job.state === 'running' && job.progress !== undefined) return i18n.t('queue:state.runningPercent', { percent: Math.floor(job.progress) });
  return i18n.t(`queue:state.${job.state}`);
}

/** The prompt on one line, cut at `max` characters with an ellipsis; "No prompt" when empty. */
export function promptExcerpt(prompt: string, max = 90): string {
  const text = prompt.trim().replace(/\s+/g, ' ');
  if (text === '') return i18n.t('queue:text.noPrompt');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The provider's name as Settings shows it. */
export function providerName(provider: JobView['provider']): string {
  return PROVIDER_LABELS[provider].name;
}

/** A job's asked-for duration in words: "5 s" ("5 秒"), or "Auto" for −1 (the model picks, Seedance 2.x); `durationText` in the UI's language. */
export function durationWords(seconds: number): string {
  return seconds === AUTO_DURATION ? i18n.t('queue:text.autoDuration') : i18n.t('queue:text.seconds', { seconds });
}

/** A duration in ms as people read a timer: `0:07`, `4:32`, `1:02:09`. Negative counts as 0. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Time a job spent in each phase, ms; absent for a phase it has not reached. */
export interface PhaseTimes {
  /** Waiting in this app before it was sent (queued → submitting). */
  here?: number;
  /** Waiting in the provider's queue (submitted → running). */
  waiting?: number;
  /** Being generated (running → downloading, or → the end). */
  generating?: number;
}

/**
 * How long the job waited here, waited at the provider and was generated, from the history of its
 * state changes (ms epoch): each phase runs from entering its state to entering the next one; a
 * phase still under way runs to `now` (ms epoch). A job that ended mid-phase stops the clock at its
 * end.
 */
export function phaseTimes(job: Pick<JobView, 'history' | 'state' | 'updatedAt'>, now: number): PhaseTimes {
  const out: PhaseTimes = {};
  const spans: Array<{ key: keyof PhaseTimes; start: JobState }> = [
    { key: 'here', start: 'queued' },
    { key: 'waiting', start: 'submitted' },
    { key: 'generating', start: 'running' },
  ];
  for (const { key, start } of spans) {
    let total = 0;
    let seen = false;
    // A requeued job passes through `queued` again: every visit counts.
    job.history.forEach((entry, i) => {
      if (entry.state !== start) return;
      seen = true;
      const next = job.history[i + 1];
      total += (next ? next.at : job.state === start ? now : job.updatedAt) - entry.at;
    });
    if (seen) out[key] = Math.max(0, total);
  }
  return out;
}

/**
 * The provider's estimate of time left, counted down from when it was reported: "about 1:20 left",
 * "any moment now" once it has passed; null when there is no estimate or the job is not generating.
 */
export function etaText(job: Pick<JobView, 'state' | 'etaSeconds' | 'updatedAt'>, now: number): string | null {
  if (job.etaSeconds === undefined || (job.state !== 'submitted' && job.state !== 'running')) return null;
  const left = job.etaSeconds * 1000 - (now - job.updatedAt);
  return left > 1000 ? i18n.t('queue:text.etaLeft', { time: formatDuration(left) }) : i18n.t('queue:text.etaSoon');
}

/**
 * The job's estimated price from the catalog (providers.md "Cost"): "≈ $0.26" with the date of
 * the price list, or null when the row has no published price or the output size depends on the
 * first frame's ratio (adaptive), which the Queue does not know.
 */
export function costOf(params: JobView['params']): { text: string; asOf: string } | null {
  const entry = findModel(params.modelId);
  if (!entry) return null;
  const cost = estimateCost(entry, params, outputSizeFor(entry, params));
  if (!cost) return null;
  return { text: cost.usd < 0.01 ? i18n.t('queue:text.costUnderCent', { amount: formatUsd(0.01) }) : i18n.t('queue:text.costApprox', { amount: formatUsd(roundCents(cost.usd)) }), asOf: cost.asOf };
}

/** Rounds to whole cents the way the Queue always has (`toFixed(2)`), before Intl formats it: 1.005 stays "1.00". */
function roundCents(usd: number): number {
  return Number(usd.toFixed(2));
}
