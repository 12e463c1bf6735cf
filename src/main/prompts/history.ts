import { findModel } from '../../shared/catalog/models';
import type { PromptEntry } from '../../shared/contract/prompts';
import type { Job } from '../../shared/jobs/job';
import { ledgerTime } from '../../shared/spend/ledger';

/** A starred prompt as the stars file keeps it: enough to list it after its jobs are gone. */
export interface StarredPrompt {
  text: string;
  modelId: string;
  /** ms epoch */
  starredAt: number;
}

/** The key two prompts share when they are the same prompt: the text without surrounding white space. */
export function promptKey(text: string): string {
  return text.trim();
}

/**
 * Every prompt the jobs sent, once each (issue 14 "Prompt history"): how many jobs sent it, when
 * the latest was queued (`ledgerTime`) and with which model; starred prompts join in, those whose
 * jobs are gone with their stored model and star date. Blank prompts (reference jobs may have
 * none) are left out. Unordered.
 */
export function promptHistory(jobs: readonly Pick<Job, 'params' | 'times' | 'history' | 'updatedAt'>[], stars: readonly StarredPrompt[]): PromptEntry[] {
  const byText = new Map<string, PromptEntry>();
  for (const job of jobs) {
    const text = promptKey(job.params.prompt);
    if (!text) continue;
    const at = ledgerTime(job);
    const seen = byText.get(text);
    if (!seen) {
      byText.set(text, { text, count: 1, lastUsedAt: at, modelId: job.params.modelId, modelName: '', starred: false });
      continue;
    }
    seen.count += 1;
    if (at >= seen.lastUsedAt) Object.assign(seen, { lastUsedAt: at, modelId: job.params.modelId });
  }
  for (const star of stars) {
    const seen = byText.get(star.text);
    if (seen) seen.starred = true;
    else byText.set(star.text, { text: star.text, count: 0, lastUsedAt: star.starredAt, modelId: star.modelId, modelName: '', starred: true });
  }
  const entries = [...byText.values()];
  for (const e of entries) e.modelName = findModel(e.modelId)?.name ?? e.modelId;
  return entries;
}

/**
 * `entries` that contain every word of `query` (case-insensitive; an empty query keeps all), and
 * only starred ones with `starredOnly`; starred first, then most recently used first.
 */
export function searchPrompts(entries: readonly PromptEntry[], query: string, starredOnly: boolean): PromptEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return entries
    .filter((e) => (!starredOnly || e.starred) && words.every((w) => e.text.toLowerCase().includes(w)))
    .sort((a, b) => Number(b.starred) - Number(a.starred) || b.lastUsedAt - a.lastUsedAt);
}
