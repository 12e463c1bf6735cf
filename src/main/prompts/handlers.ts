import { findModel } from '../../shared/catalog/models';
import type { Handlers } from '../../shared/contract/index';
import { MAX_LISTED_PROMPTS } from '../../shared/contract/prompts';
import type { JobTable } from '../jobs/job-mirror';
import { promptHistory, promptKey, searchPrompts } from './history';
import type { StarsStore } from './stars-store';

/**
 * Handlers for the `prompts` domain: the history is derived from main's copy of the job table when
 * asked (kept until the table's version or the stars change), the stars come from `stars`.
 */
export function createPromptHandlers(deps: { table(): JobTable; stars: StarsStore }): Handlers['prompts'] {
  let cache: { version: number; stars: readonly unknown[]; entries: ReturnType<typeof promptHistory> } | null = null;
  const entries = () => {
    const table = deps.table();
    const stars = deps.stars.list();
    if (!cache || cache.version !== table.version || cache.stars !== stars) cache = { version: table.version, stars, entries: promptHistory(table.jobs, stars) };
    return cache.entries;
  };
  return {
    list: ({ query, starred }) => {
      const found = searchPrompts(entries(), query, starred);
      return { items: found.slice(0, MAX_LISTED_PROMPTS), total: found.length };
    },
    star: ({ text, starred, modelId }) => {
      const key = promptKey(text);
      deps.stars.set(key, starred, modelId);
      const entry = entries().find((e) => e.text === key);
      // Unstarred with no job left to list it: it leaves the history, and this is its last word.
      return { entry: entry ?? { text: key, count: 0, lastUsedAt: 0, modelId, modelName: findModel(modelId)?.name ?? modelId, starred: false } };
    },
  };
}
