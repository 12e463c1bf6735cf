import { describe, expect, it } from 'vitest';
import { draftExpiresAt } from '../../../../src/shared/catalog/draft';
import { findModel } from '../../../../src/shared/catalog/models';
import { estimateCost, paramsSchema } from '../../../../src/shared/catalog/params';
import type { ModelEntry } from '../../../../src/shared/catalog/types';
import { finalParams, finalQuote, finalQuoteText } from '../../../../src/shared/library/final';
import { ClipSidecar } from '../../../../src/shared/library/sidecar';
import { jobParamsFromDraft } from '../../../../src/shared/drafts/params';
import { Draft } from '../../../../src/shared/drafts/draft';

// "Make final (1080p)" (seedance-2.5.md §2.6 ModelArk, §3 fal): what is sent and what the person is told.

const ARK = findModel('ark/dreamina-seedance-2-5-260628') as ModelEntry;
const DAY = 24 * 3600 * 1000;
const made = Date.UTC(2026, 11, 1, 10, 0, 0);

/** A draft clip's sidecar as the library files it (480p 16:9, 5 s). */
function draftClip(over: Partial<ClipSidecar> = {}): ClipSidecar {
  return ClipSidecar.parse({
    schemaVersion: 2,
    id: 'draftclip0001',
    createdAt: made,
    prompt: 'a heron takes off from a misty lake',
    provider: 'ark',
    modelId: ARK.id,
    mode: 'text-to-video',
    parameters: { resolution: '480p', aspectRatio: '16:9', duration: 5, generateAudio: true, watermark: false, draft: true },
    seed: 42,
    output: { width: 854, height: 480, durationSec: 5.04, codec: 'h264' },
    providerTaskId: 'cgt-20261201100000-abcdef',
    timings: { queuedAt: made, submittedAt: made, completedAt: made + 60_000, downloadedAt: made + 61_000 },
    cost: { estimate: { usd: 0.05, asOf: '2026-11' }, usage: null },
    video: { sha256: 'a'.repeat(64), bytes: 1000 },
    appVersion: 'test',
    rating: 0,
    tags: [],
    inputs: [],
    draft: { id: 'cgt-20261201100000-abcdef', expiresAt: draftExpiresAt(ARK.draft!, made) },
    ...over,
  });
}

describe('finalParams', () => {
  it('keeps the draft’s parameters at 1080p and links the final to its draft', () => {
    const r = finalParams(draftClip(), ARK, made + DAY);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.params).toMatchObject({ modelId: ARK.id, prompt: 'a heron takes off from a misty lake', resolution: '1080p', aspectRatio: '16:9', duration: 5, finalOf: { clipId: 'draftclip0001', draftId: 'cgt-20261201100000-abcdef' } });
    expect(r.params).not.toHaveProperty('draft');
    // What the engine will accept as is.
    expect(paramsSchema(ARK).safeParse(r.params).success).toBe(true);
  });

  it('refuses a draft past its 7 days, naming the day', () => {
    const r = finalParams(draftClip(), ARK, made + 7 * DAY);
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/expired on 2026-12-08/) });
  });

  it('refuses a clip that is not a draft, and a draft without an id', () => {
    const plain = draftClip({ parameters: { resolution: '720p', aspectRatio: '16:9', duration: 5 }, draft: undefined });
    expect(finalParams(plain, ARK, made)).toMatchObject({ ok: false, message: expect.stringMatching(/not a draft/) });
    expect(finalParams(draftClip({ draft: undefined }), ARK, made)).toMatchObject({ ok: false, message: expect.stringMatching(/no draft id/) });
  });
});

describe('finalQuote', () => {
  it('prices the final at 1080p over the draft’s length and says both stages are billed and when the draft expires', () => {
    const clip = draftClip();
    const r = finalParams(clip, ARK, made);
    if (!r.ok) throw new Error(r.message);
    const quote = finalQuote(clip, ARK, r.params, clip.draft!.expiresAt);
    const direct = estimateCost(ARK, { ...r.params, duration: 5 }, { width: 1920, height: 1080 });
    expect(quote.final?.usd).toBeCloseTo(direct!.usd, 10);
    expect(quote.draft).toEqual({ usd: 0.05, asOf: '2026-11' });
    const text = finalQuoteText(quote, false);
    expect(text).toMatch(/^Both stages are billed: the draft ≈ \$0\.05/);
    expect(text).toContain(`the final ≈ $${direct!.usd.toFixed(2)}`);
    expect(text).toContain('until 2026-12-08 10:00 UTC');
    expect(finalQuoteText(quote, true)).toMatch(/^Demo: nothing is billed/);
  });
});

describe('Compose draft switch → job', () => {
  it('a Compose draft with Draft on becomes a 480p draft job on a row with Draft, and a plain job elsewhere', () => {
    const draft = Draft.parse({ id: 'draft-0001', updatedAt: 1, modelId: ARK.id, prompt: 'p', params: { resolution: '1080p', aspectRatio: '16:9', duration: 5, draft: true } });
    expect(jobParamsFromDraft(draft, ARK)).toMatchObject({ draft: true, resolution: '480p' });
    const v2 = findModel('ark/dreamina-seedance-2-0-260128') as ModelEntry;
    const plain = jobParamsFromDraft({ ...draft, modelId: v2.id }, v2);
    expect(plain.draft).toBeUndefined();
    expect(plain.resolution).toBe('1080p');
  });
});
