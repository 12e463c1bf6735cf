import { z } from 'zod';
import { AspectRatio, Mode, ProviderId, Resolution } from '../catalog/types';
import { BatchId } from '../jobs/batch';
import { Rating } from './sidecar';

/**
 * Library filters; every field is optional and the present ones all apply (AND). List fields
 * match any of their values (OR). `from`/`to` bound `createdAt` in ms since the epoch, inclusive.
 * `aspectRatio` matches the clip's effective ratio (see `effectiveAspectRatio`).
 */
export const LibraryFilters = z
  .object({
    provider: z.array(ProviderId).max(8).optional(),
    modelId: z.array(z.string().max(200)).max(50).optional(),
    mode: z.array(Mode).max(3).optional(),
    resolution: z.array(Resolution).max(4).optional(),
    aspectRatio: z.array(AspectRatio).max(9).optional(),
    from: z.number().int().nonnegative().optional(),
    to: z.number().int().nonnegative().optional(),
    minRating: Rating.optional(),
    /** Only the takes of this batch of variations (sidecar `batch.id`). */
    batchId: BatchId.optional(),
  })
  .strict();
export type LibraryFilters = z.infer<typeof LibraryFilters>;

/** Sort order: by creation date (newest first by default) or rating (ties broken by date). */
export const LibrarySort = z
  .object({ by: z.enum(['date', 'rating']).default('date'), dir: z.enum(['asc', 'desc']).default('desc') })
  .strict();
export type LibrarySort = z.infer<typeof LibrarySort>;

/**
 * One library query. `query` is free text: every word must match the start of a prompt word or a
 * tag word (so "dra fly" finds "dragonfly flying"). `offset`/`limit` page the sorted result.
 */
export const LibraryQuery = z
  .object({
    query: z.string().max(500).default(''),
    filters: LibraryFilters.default({}),
    sort: LibrarySort.default({ by: 'date', dir: 'desc' }),
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type LibraryQuery = z.infer<typeof LibraryQuery>;
