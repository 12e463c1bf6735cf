import { z } from 'zod';
import { Draft, DraftId, DraftSeed } from '../drafts/draft';
import { request } from './define';

const Empty = z.object({}).strict();
const OneDraft = z.object({ draft: Draft });

/**
 * The `drafts` domain: Compose's work in progress, saved by main under `<dataDir>/drafts/` so it
 * survives a restart. There is always one current draft; the others are "older drafts".
 * Errors: `NOT_FOUND` (no such draft), `UNAVAILABLE` (the folder cannot be written — the message
 * says so; the renderer keeps the draft in memory and retries on the next change).
 */
export const draftsDomain = {
  requests: {
    /** The current draft (a fresh one when there is none, or when its file was unreadable). */
    get: request(Empty, OneDraft),
    /**
     * Writes a draft (atomically). Main stamps `updatedAt` and answers the saved draft. Saving does
     * not change which draft is current; the renderer debounces calls.
     */
    save: request(z.object({ draft: Draft }).strict(), OneDraft),
    /** The other drafts that hold something (prompt or frame), newest first, at most 200. */
    list: request(Empty, z.object({ drafts: z.array(Draft) })),
    /** Makes an older draft the current one; the previous current draft stays in the list. */
    open: request(z.object({ id: DraftId }).strict(), OneDraft),
    /** Starts a new current draft, optionally from a reused clip's or job's settings; the previous one stays in the list. */
    create: request(z.object({ from: DraftSeed.optional() }).strict(), OneDraft),
  },
  events: {},
} as const;
