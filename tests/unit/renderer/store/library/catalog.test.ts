import { describe, expect, it } from 'vitest';
import { createClipIndex } from '../../../../../src/main/library/index';
import type { ClipSummary } from '../../../../../src/shared/contract/library';
import { effectiveAspectRatio } from '../../../../../src/shared/library/aspect';
import { LibraryQuery } from '../../../../../src/shared/library/query';
import type { ClipSidecar } from '../../../../../src/shared/library/sidecar';
import { catalogEntry, createCatalog } from '../../../../../src/renderer/store/library/catalog';
import { BASE_TIME, makeSidecars } from '../../../main/library/sidecar-factory';

const VIDEO = { sha256: 'e'.repeat(64), bytes: 1000 };

/** The summary main's `library:list` gives for `s` (the fields a search reads; URLs left out). */
function summaryOf(s: ClipSidecar): ClipSummary {
  return {
    id: s.id,
    createdAt: s.createdAt,
    prompt: s.prompt,
    provider: s.provider,
    modelId: s.modelId,
    mode: s.mode,
    resolution: s.parameters.resolution,
    aspectRatio: effectiveAspectRatio(s),
    width: s.output.width,
    height: s.output.height,
    durationSec: s.output.durationSec,
    rating: s.rating,
    tags: s.tags,
    seed: s.seed,
    simulated: false,
    ...(s.batch ? { batch: s.batch } : {}),
    posterUrl: null,
    videoUrl: null,
    playUrl: null,
  };
}

describe('the window’s catalog answers a search as main’s index does', () => {
  const sidecars = makeSidecars(1_500, 1_500, VIDEO);
  const index = createClipIndex();
  for (const s of sidecars) index.set({ id: s.id, folder: s.id, dir: `/lib/${s.id}`, sidecar: s, hasPoster: true, fingerprint: '' });
  const catalog = createCatalog();
  catalog.fill(sidecars.map((s) => catalogEntry(summaryOf(s))));

  const queries: Array<Record<string, unknown>> = [
    {},
    { query: 'n' },
    { query: 'ne' },
    { query: 'neon c' },
    { query: 'neon city storm' },
    { query: 'CAFÉ' },
    { query: 'zzz-no-such-word' },
    { query: 'rain', sort: { by: 'rating', dir: 'desc' } },
    { query: 'drone', sort: { by: 'date', dir: 'asc' }, offset: 20, limit: 30 },
    { filters: { provider: ['fal'], minRating: 3 } },
    { query: 'forest', filters: { mode: ['text-to-video'], resolution: ['720p'], from: BASE_TIME + 100 * 600_000 } },
    { filters: { modelId: ['novita/seedance-v1-pro-t2v'] }, sort: { by: 'rating', dir: 'asc' } },
  ];

  it.each(queries.map((q) => [JSON.stringify(q), q] as const))('%s', (_, input) => {
    const q = LibraryQuery.parse({ limit: 200, ...input });
    const main = index.query(q);
    const local = catalog.query(q);
    expect(local).not.toBeNull();
    expect(local!.total).toBe(main.total);
    expect(local!.items.map((clip) => clip.id)).toEqual(main.items.map((record) => record.id));
  });

  it('agrees while typing narrows a search one key at a time (the last matches reused on both sides)', () => {
    for (let i = 1; i <= 'golden forest rain'.length; i++) {
      const q = LibraryQuery.parse({ query: 'golden forest rain'.slice(0, i), limit: 24 });
      expect(catalog.query(q)?.items.map((c) => c.id)).toEqual(index.query(q).items.map((r) => r.id));
    }
  });

  it('leaves an aspect-ratio filter to main (a summary holds the effective ratio, not the one asked for)', () => {
    expect(catalog.query(LibraryQuery.parse({ filters: { aspectRatio: ['16:9'] } }))).toBeNull();
  });

  it('answers nothing before it is filled and after it is cleared', () => {
    const empty = createCatalog();
    expect(empty.ready).toBe(false);
    expect(empty.query(LibraryQuery.parse({}))).toBeNull();
    const cleared = createCatalog();
    cleared.fill([catalogEntry(summaryOf(sidecars[0]!))]);
    expect(cleared.query(LibraryQuery.parse({}))?.total).toBe(1);
    cleared.clear();
    expect(cleared.ready).toBe(false);
    expect(cleared.query(LibraryQuery.parse({}))).toBeNull();
  });
});
