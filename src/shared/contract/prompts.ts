import { z } from 'zod';
import { request } from './define';

/** A prompt as the history keys it: the text as sent, at most 20,000 characters (the sidecar's limit). */
export const PromptText = z.string().trim().min(1, 'An empty prompt has no history.').max(20_000);

/**
 * One prompt of the history (issue 14 "Prompt history"): the text, how many jobs sent it, when the
 * last one was queued (ms epoch), the model that last one used (catalog id and name), and whether
 * the user starred it. A starred prompt stays in the history after its jobs are removed.
 */
export const PromptEntry = z.object({
  text: z.string(),
  count: z.number().int().nonnegative(),
  lastUsedAt: z.number().int().nonnegative(),
  modelId: z.string(),
  modelName: z.string(),
  starred: z.boolean(),
});
export type PromptEntry = z.infer<typeof PromptEntry>;

/** Most prompts one `prompts:list` answers. */
export const MAX_LISTED_PROMPTS = 200;

/**
 * The `prompts` domain: every prompt sent, deduplicated, derived by main from the job table, plus
 * the user's stars (persisted). Errors: `BAD_INPUT`, `UNAVAILABLE` (the stars file could not be written).
 */
export const promptsDomain = {
  requests: {
    /**
     * Starred first, then by last use, newest first; `query` keeps prompts containing every word of
     * it (case-insensitive); `starred` keeps only starred ones. At most `MAX_LISTED_PROMPTS`;
     * `total` counts every match.
     */
    list: request(
      z.object({ query: z.string().max(500).default(''), starred: z.boolean().default(false) }).strict(),
      z.object({ items: z.array(PromptEntry), total: z.number().int().nonnegative() }),
    ),
    /** Stars or unstars a prompt (with the model it was used with); answers its entry. */
    star: request(z.object({ text: PromptText, starred: z.boolean(), modelId: z.string().max(200) }).strict(), z.object({ entry: PromptEntry })),
  },
  events: {},
} as const;
