import type { z } from 'zod';
import type { AspectRatio, Mode, ProviderId, Resolution } from '../../../shared/catalog/types';
import type { LibraryQuery } from '../../../shared/library/query';

/** How far back the date filter reaches. */
export type DatePreset = 'any' | 'today' | 'week' | 'month' | 'year';

/** The sort menu's choices, each a `LibrarySort`. */
export type SortChoice = 'newest' | 'oldest' | 'best' | 'worst';

/**
 * What the filter bar shows: free text and one value per filter ('' = any). Kept in the renderer
 * (it is view state, not data main owns) and turned into a `library:list` query by `toListQuery`.
 */
export interface LibraryFilterState {
  text: string;
  provider: ProviderId | '';
  modelId: string;
  mode: Mode | '';
  resolution: Resolution | '';
  aspectRatio: AspectRatio | '';
  date: DatePreset;
  /** 0 = any rating; 1–5 = at least that many stars. */
  minRating: number;
  /** Only the takes of this batch of variations ('' = any clip); set from a batch, shown as a chip. */
  batchId: string;
  sort: SortChoice;
}

export const NO_FILTERS: LibraryFilterState = {
  text: '',
  provider: '',
  modelId: '',
  mode: '',
  resolution: '',
  aspectRatio: '',
  date: 'any',
  minRating: 0,
  batchId: '',
  sort: 'newest',
};

const DAY_MS = 86_400_000;

/** The earliest `createdAt` (ms since the epoch) a preset admits, counted back from `now`; undefined for 'any'. */
export function dateFrom(preset: DatePreset, now: Date): number | undefined {
  switch (preset) {
    case 'any':
      return undefined;
    case 'today':
      return new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
    case 'week':
      return now.getTime() - 7 * DAY_MS;
    case 'month':
      return now.getTime() - 30 * DAY_MS;
    case 'year':
      return now.getTime() - 365 * DAY_MS;
  }
}

const SORTS: Record<SortChoice, { by: 'date' | 'rating'; dir: 'asc' | 'desc' }> = {
  newest: { by: 'date', dir: 'desc' },
  oldest: { by: 'date', dir: 'asc' },
  best: { by: 'rating', dir: 'desc' },
  worst: { by: 'rating', dir: 'asc' },
};

/** The `library:list` input for the filter bar's state and one page (`offset`, `limit` clips). */
export function toListQuery(f: LibraryFilterState, page: { offset: number; limit: number }, now = new Date()): z.input<typeof LibraryQuery> {
  const from = dateFrom(f.date, now);
  return {
    query: f.text.trim().slice(0, 500),
    filters: {
      ...(f.provider ? { provider: [f.provider] } : {}),
      ...(f.modelId ? { modelId: [f.modelId] } : {}),
      ...(f.mode ? { mode: [f.mode] } : {}),
      ...(f.resolution ? { resolution: [f.resolution] } : {}),
      ...(f.aspectRatio ? { aspectRatio: [f.aspectRatio] } : {}),
      ...(from !== undefined ? { from } : {}),
      ...(f.minRating > 0 ? { minRating: f.minRating } : {}),
      ...(f.batchId ? { batchId: f.batchId } : {}),
    },
    sort: SORTS[f.sort],
    offset: page.offset,
    limit: page.limit,
  };
}

/** True when any filter or search text narrows the library (the empty state then says "no matches"). */
export function isFiltered(f: LibraryFilterState): boolean {
  return (
    f.text.trim() !== '' || f.provider !== '' || f.modelId !== '' || f.mode !== '' || f.resolution !== '' || f.aspectRatio !== '' || f.date !== 'any' || f.minRating > 0 || f.batchId !== ''
  );
}
