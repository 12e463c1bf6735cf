import { describe, expect, it } from 'vitest';
import { ClipSummary } from '../../../../../src/shared/contract/library';
import { headSize, missingTail, PAGE_SIZE, reuseClips, type ClipPages } from '../../../../../src/renderer/store/library/paging';

/** Clip `n` as `library:list` sends it (parsed by the contract's schema, as the renderer receives it). */
function clip(n: number, change: Partial<ClipSummary> = {}): ClipSummary {
  return ClipSummary.parse({
    id: `clip${String(n).padStart(4, '0')}`,
    createdAt: Date.UTC(2026, 0, 1) + n * 60_000,
    prompt: `a kite over dunes, take ${n}`,
    provider: 'ark',
    modelId: 'ark/seedance-1-0-pro-250528',
    mode: 'text-to-video',
    resolution: '720p',
    aspectRatio: '16:9',
    width: 1280,
    height: 720,
    durationSec: 5,
    rating: n % 6,
    tags: n % 2 ? ['dunes'] : [],
    seed: n,
    simulated: false,
    posterUrl: `/media/${'a'.repeat(31)}${n % 10}`,
    videoUrl: null,
    playUrl: null,
    ...change,
  });
}

describe('a new search asks first for the cards shown', () => {
  it('asks for what the grid has in its DOM, at least a few rows, at most a page; a whole page before the grid rendered', () => {
    expect(headSize(0)).toBe(PAGE_SIZE);
    expect(headSize(8)).toBe(24);
    expect(headSize(35)).toBe(35);
    expect(headSize(1_000)).toBe(PAGE_SIZE);
  });

  it('then asks for the rest of a page whose head is loaded, all of a missing page, nothing past the end', () => {
    const head: ClipPages = { 0: Array.from({ length: 30 }, (_, i) => clip(i)) };
    expect(missingTail(head, 0, 2_229)).toEqual({ offset: 30, limit: PAGE_SIZE - 30 });
    expect(missingTail(head, 1, 2_229)).toEqual({ offset: PAGE_SIZE, limit: PAGE_SIZE });
    expect(missingTail(head, 0, 30)).toEqual({ offset: 30, limit: 0 });
    // A result shorter than the head asked for: page 0 is whole.
    expect(missingTail({ 0: head[0]!.slice(0, 12) }, 0, 12).limit).toBe(0);
    // The last, short page; a page past the end.
    expect(missingTail({}, 11, 2_229)).toEqual({ offset: 11 * PAGE_SIZE, limit: 29 });
    expect(missingTail({}, 12, 2_229).limit).toBe(0);
  });
});

describe('reuseClips', () => {
  it('keeps the object the grid already had for an unchanged clip, and takes main’s copy of a changed or new one', () => {
    const held = [clip(1), clip(2), clip(3)];
    const known = new Map(held.map((c) => [c.id, c]));
    // Main's answer to the next keystroke: fresh copies (as JSON makes them), one clip rated since, one new.
    const answer = [clip(3), clip(2, { rating: 5 }), clip(7)].map((c) => JSON.parse(JSON.stringify(c)) as ClipSummary);
    const reused = reuseClips(known, answer);
    expect(reused[0]).toBe(held[2]);
    expect(reused[1]).toBe(answer[1]);
    expect(reused[1]?.rating).toBe(5);
    expect(reused[2]).toBe(answer[2]);
    expect(reused.map((c) => c.id)).toEqual(['clip0003', 'clip0002', 'clip0007']);
    // What it returned is what it holds now: the rated clip's new object, the new clip.
    expect(known.get('clip0002')).toBe(answer[1]);
    expect(known.get('clip0007')).toBe(answer[2]);
    // A later answer (another keystroke) showing clip 7 again gets the object of the first.
    const again = reuseClips(known, [JSON.parse(JSON.stringify(clip(7))) as ClipSummary]);
    expect(again[0]).toBe(answer[2]);
  });

  it('changes nothing when nothing is held', () => {
    const answer = [clip(1), clip(2)];
    expect(reuseClips(new Map(), answer)).toEqual(answer);
  });
});
