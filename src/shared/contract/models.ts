import { z } from 'zod';
import { ModelEntry } from '../catalog/types';
import { LenientPhrase } from '../messages/phrase';
import { event, request } from './define';

/** A catalog row and whether Compose may generate with it now; `unavailableReason` says why not, in plain words. */
export const ModelChoice = ModelEntry.extend({
  available: z.boolean(),
  unavailableReason: z.string().optional(),
  /** `unavailableReason` as a phrase, for the UI's language, when main has one (issue 14). */
  unavailablePhrase: LenientPhrase,
});
export type ModelChoice = z.infer<typeof ModelChoice>;

/**
 * The model list Compose offers: every catalog row in picker order. `demo` is true when no
 * provider has a key: the app then runs its offline demo and every model is available.
 */
export const ModelList = z.object({ demo: z.boolean(), models: z.array(ModelChoice) });
export type ModelList = z.infer<typeof ModelList>;

export const modelsDomain = {
  requests: {
    list: request(z.object({}).strict(), ModelList),
  },
  events: {
    /** The whole list again, after a key was set or removed. */
    changed: event(ModelList),
  },
} as const;
