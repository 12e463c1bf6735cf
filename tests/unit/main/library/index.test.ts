import { describe, expect, it } from 'vitest';
import { createClipIndex } from '../../../../src/main/library/index';
import { clipFolderName } from '../../../../src/main/library/layout';
import type { ClipRecord } from '../../../../src/main/library/read-clip';
import { effectiveAspectRatio } from '../../../../src/shared/library/aspect';
import { LibraryQuery } from '../../../../src/shared/library/query';
import type { ClipSidecar } from '../../../../src/shared/library/sidecar';
import { searchTerms } from '../../../../src/shared/library/terms';
import { BASE_TIME, makeSidecars } from './sidecar-factory';

const VIDEO = { sha256: 'f'.repeat(64), bytes: 1000 };
const record = (s: ClipSidecar): ClipRecord => {
  const folder = clipFolderName(s.createdAt, s.prompt, s.id);
  return { id: s.id, folder, dir: `/lib/${folder}`, sidecar: s, hasPoster: true, fingerprint: '1:1' };
};

/** The obvious, slow implementation the index must agree with. */
function oracle(all: ClipSidecar[], input: Parameters<typeof LibraryQuery.parse>[0]): { total: number; ids: string[] } {
  const q = LibraryQuery.parse(input);
  const f = q.filters;
  const words = searchTerms(q.query);
  const hits = all.filter((s) => {
    const terms = [...searchTerms(s.prompt), ...s.tags.flatMap(searchTerms)];
    if (!words.every((w) => terms.some((t) => t.startsWith(w)))) return false;
    if (f.provider?.length && !f.provider.includes(s.provider)) return false;
    if (f.modelId?.length && !f.modelId.includes(s.modelId)) return false;
    if (f.mode?.length && !f.mode.includes(s.mode)) return false;
    if (f.resolution?.length && !f.resolution.includes(s.parameters.resolution)) return false;
    if (f.aspectRatio?.length && !f.aspectRatio.some((r) => r === effectiveAspectRatio(s) || r === s.parameters.aspectRatio)) return false;
    if (f.from !== undefined && s.createdAt < f.from) return false;
    if (f.to !== undefined && s.createdAt > f.to) return false;
    if (f.minRating !== undefined && s.rating < f.minRating) return false;
    return true;
  });
  hits.sort((a, b) => (q.sort.by === 'rating' ? a.rating - b.rating : 0) || a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  if (q.sort.dir === 'desc') hits.reverse();
  return { total: hits.length, ids: hits.slice(q.offset, q.offset + q.limit).map((s) => s.id) };
}

describe('clip index', () => {
  const sidecars = makeSidecars(3000, 42, VIDEO);
  const index = createClipIndex();
  for (const s of sidecars) index.set(record(s));
  const run = (input: Parameters<typeof LibraryQuery.parse>[0]) => {
    const out = index.query(LibraryQuery.parse(input));
    return { total: out.total, ids: out.items.map((r) => r.id) };
  };

  it('holds every clip and lists newest first by default', () => {
    expect(index.size).toBe(3000);
    const page = run({ limit: 3 });
    expect(page.total).toBe(3000);
    expect(page.ids).toEqual(['gen00002999', 'gen00002998', 'gen00002997']);
  });

  const queries: Array<[string, Parameters<typeof LibraryQuery.parse>[0]]> = [
    ['one full word', { query: 'dragonfly' }],
    ['prefixes of two words (AND)', { query: 'dra SUN' }],
    ['accents folded both ways', { query: 'cafe crème' }],
    ['a tag word', { query: 'hero' }],
    ['a word no clip has', { query: 'zebra' }],
    ['provider and mode', { filters: { provider: ['novita', 'fal'], mode: ['text-to-video'] } }],
    ['model id', { filters: { modelId: ['ark/seedance-1-5-pro-251215'] } }],
    ['resolution', { filters: { resolution: ['1080p'] } }],
    ['effective aspect ratio 3:4 (only adaptive clips have it)', { filters: { aspectRatio: ['3:4'] } }],
    ['requested ratio adaptive', { filters: { aspectRatio: ['adaptive'] } }],
    ['date range', { filters: { from: BASE_TIME + 86_400_000, to: BASE_TIME + 3 * 86_400_000 } }],
    ['min rating, by rating', { filters: { minRating: 4 }, sort: { by: 'rating', dir: 'desc' } }],
    ['text plus filters, oldest first, paged', { query: 'camera', filters: { resolution: ['720p'], minRating: 2 }, sort: { by: 'date', dir: 'asc' }, offset: 20, limit: 15 }],
    ['by rating ascending, deep page', { sort: { by: 'rating', dir: 'asc' }, offset: 2900, limit: 200 }],
  ];
  for (const [name, q] of queries) {
    it(`agrees with a linear scan: ${name}`, () => {
      const expected = oracle(sidecars, q);
      expect(run(q)).toEqual(expected);
    });
  }

  it('finds something for most queries (the cases above are not all empty)', () => {
    const nonEmpty = queries.filter(([, q]) => oracle(sidecars, q).total > 0).length;
    expect(nonEmpty).toBeGreaterThanOrEqual(queries.length - 1);
  });

  it('agrees with a linear scan for every keystroke of a typed search, backspaces and a filter change included', () => {
    const typed = 'dragonfly sun';
    const steps = [...typed].map((_, i) => typed.slice(0, i + 1));
    // Typed forward, then erased back to one letter, a filter set midway and a different order.
    const inputs: Array<Parameters<typeof LibraryQuery.parse>[0]> = [
      ...steps.map((query) => ({ query, limit: 24 })),
      ...[...steps].reverse().map((query) => ({ query, limit: 24, offset: 3 })),
      { query: 'dra', filters: { resolution: ['720p' as const] } },
      { query: 'drag', filters: { resolution: ['720p' as const] } },
      { query: 'drag', filters: { resolution: ['1080p' as const] } },
      { query: 'drago', sort: { by: 'rating' as const, dir: 'asc' as const } },
      { query: 'dragon', sort: { by: 'rating' as const, dir: 'asc' as const } },
    ];
    for (const q of inputs) expect(run(q), JSON.stringify(q)).toEqual(oracle(sidecars, q));
  });

  it('a search typed on after a clip changed finds the change (no stale narrowing)', () => {
    const local = createClipIndex();
    const [a, b] = makeSidecars(2, 7, VIDEO) as [ClipSidecar, ClipSidecar];
    local.set(record({ ...a, tags: ['zanzibar'] }));
    local.set(record({ ...b, tags: [] }));
    expect(local.query(LibraryQuery.parse({ query: 'zan' })).items.map((r) => r.id)).toEqual([a.id]);
    local.set(record({ ...b, tags: ['zanzibar'] }));
    expect(local.query(LibraryQuery.parse({ query: 'zanz' })).items.map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
  });

  it('follows updates: new tags are searchable, old ones are not, and removal drops the clip', () => {
    const local = createClipIndex();
    const [a, b] = makeSidecars(2, 7, VIDEO) as [ClipSidecar, ClipSidecar];
    local.set(record(a));
    local.set(record(b));
    local.set(record({ ...a, tags: ['Zanzibar trip'] }));
    expect(local.query(LibraryQuery.parse({ query: 'zanz' })).items.map((r) => r.id)).toEqual([a.id]);
    local.set(record({ ...a, tags: [] }));
    expect(local.query(LibraryQuery.parse({ query: 'zanz' })).total).toBe(0);
    expect(local.remove(b.id)).toBe(true);
    expect(local.remove(b.id)).toBe(false);
    expect(local.size).toBe(1);
    expect(local.byFolder(record(b).folder)).toBeUndefined();
  });

  it('knows which clips continue a clip, oldest first', () => {
    // Every 7th generated clip continues the one before it.
    expect(index.continuedBy('gen00000006')).toEqual(['gen00000007']);
    expect(index.continuedBy('gen00000007')).toEqual([]);
    const local = createClipIndex();
    const [p, c1, c2] = makeSidecars(3, 9, VIDEO) as [ClipSidecar, ClipSidecar, ClipSidecar];
    local.set(record(p));
    local.set(record({ ...c2, continuedFrom: p.id }));
    local.set(record({ ...c1, continuedFrom: p.id }));
    expect(local.continuedBy(p.id)).toEqual([c1.id, c2.id]);
    local.remove(c1.id);
    expect(local.continuedBy(p.id)).toEqual([c2.id]);
  });
});
