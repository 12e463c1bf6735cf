import { describe, expect, it } from 'vitest';
import { LibraryQuery } from '../../../../../src/shared/library/query';
import { dateFrom, isFiltered, NO_FILTERS, toListQuery } from '../../../../../src/renderer/store/library/filters';
import { clipAt, pagesFor, PAGE_SIZE } from '../../../../../src/renderer/store/library/paging';

describe('toListQuery', () => {
  it('sends only the filters that are set, as main validates them', () => {
    const now = new Date(2026, 10, 23, 15, 30);
    const query = toListQuery({ ...NO_FILTERS, text: '  dragon ', provider: 'fal', aspectRatio: '9:16', date: 'today', minRating: 3, sort: 'best' }, { offset: 200, limit: 200 }, now);
    expect(LibraryQuery.parse(query)).toEqual({
      query: 'dragon',
      filters: { provider: ['fal'], aspectRatio: ['9:16'], from: new Date(2026, 10, 23).getTime(), minRating: 3 },
      sort: { by: 'rating', dir: 'desc' },
      offset: 200,
      limit: 200,
    });
    expect(toListQuery(NO_FILTERS, { offset: 0, limit: 10 }).filters).toEqual({});
  });

  it('counts back from now for the date presets', () => {
    const now = new Date(2026, 10, 23, 15, 30);
    expect(dateFrom('any', now)).toBeUndefined();
    expect(dateFrom('week', now)).toBe(now.getTime() - 7 * 86_400_000);
  });

  it('knows when anything narrows the library', () => {
    expect(isFiltered(NO_FILTERS)).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, sort: 'oldest' })).toBe(false);
    expect(isFiltered({ ...NO_FILTERS, text: ' x ' })).toBe(true);
  });
});

describe('paging', () => {
  it('maps clip indexes to pages and back', () => {
    expect(pagesFor(0, -1)).toEqual([]);
    expect(pagesFor(150, PAGE_SIZE * 2 + 3)).toEqual([0, 1, 2]);
    const page1 = Array.from({ length: PAGE_SIZE }, (_, i) => ({ id: `c${i}` }));
    const pages = { 1: page1 } as never;
    expect(clipAt(pages, PAGE_SIZE + 5)).toEqual({ id: 'c5' });
    expect(clipAt(pages, 5)).toBeUndefined();
  });
});
