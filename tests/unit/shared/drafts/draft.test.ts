import { describe, expect, it } from 'vitest';
import { Draft, MAX_SEED_LIST } from '../../../../src/shared/drafts/draft';

/** A draft file as a version before Generate ×N was kept wrote it: no `variations`. */
const OLDER_FILE = {
  id: '0f6c2a4e-9b1d-4c3e-8a7f-5d2e1b0c9a8f',
  updatedAt: 1_764_000_000_000,
  modelId: 'novita/seedance-v1-pro-i2v',
  prompt: 'a heron lifts off the reeds at dawn',
  params: { resolution: '720p', aspectRatio: '16:9', duration: 5, seed: 42, seedLocked: true },
  firstFrame: { imageId: 'a'.repeat(32) },
  references: [],
};

describe('Draft variations (Generate ×N kept in the draft)', () => {
  it('reads a draft written before the field existed as one take with no seed list, the rest unchanged', () => {
    const draft = Draft.parse(OLDER_FILE);
    expect(draft.variations).toEqual({ count: 1, seedList: '' });
    expect(draft.prompt).toBe(OLDER_FILE.prompt);
    expect(draft.params.seed).toBe(42);
  });

  it('keeps the takes and the seed list exactly as typed, through JSON and back', () => {
    const saved = Draft.parse({ ...OLDER_FILE, variations: { count: 3, seedList: '11, 22,33' } });
    expect(Draft.parse(JSON.parse(JSON.stringify(saved))).variations).toEqual({ count: 3, seedList: '11, 22,33' });
    // A list only half typed (Compose shows why it cannot be sent) is still the user's text to keep.
    expect(Draft.parse({ ...OLDER_FILE, variations: { count: 4, seedList: '7, x' } }).variations.seedList).toBe('7, x');
    // One field alone: the other takes its default.
    expect(Draft.parse({ ...OLDER_FILE, variations: { count: 5 } }).variations).toEqual({ count: 5, seedList: '' });
  });

  it('refuses takes outside 1–8, a fractional count and an over-long list', () => {
    for (const count of [0, 9, 2.5]) {
      expect(Draft.safeParse({ ...OLDER_FILE, variations: { count, seedList: '' } }).success, `count ${count}`).toBe(false);
    }
    expect(Draft.safeParse({ ...OLDER_FILE, variations: { count: 8, seedList: '1,'.repeat(MAX_SEED_LIST) } }).success).toBe(false);
    expect(Draft.safeParse({ ...OLDER_FILE, variations: { count: 8, seedList: '1'.repeat(MAX_SEED_LIST) } }).success).toBe(true);
  });
});
