import type { Handlers } from '../../shared/contract/index';
import type { DraftStore } from './store';

/** Handlers for the `drafts` domain; the store does the work (see `DraftStore`). */
export function createDraftHandlers(store: DraftStore): Handlers['drafts'] {
  return {
    get: async () => ({ draft: await store.current() }),
    save: async ({ draft }) => ({ draft: await store.save(draft) }),
    list: async () => ({ drafts: await store.list() }),
    open: async ({ id }) => ({ draft: await store.open(id) }),
    create: async ({ from }) => ({ draft: await store.create(from) }),
  };
}
