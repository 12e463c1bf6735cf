import { FAL_1_IMAGE_RULES, FAL_2_IMAGE_RULES } from './image-rules';
import { FAL_REFERENCE_RULES } from './reference-rules';
import {
  SIX_RATIOS,
  aspectRatioSpec,
  cameraFixedSpec,
  durationSpec,
  generateAudioSpec,
  resolutionSpec,
  seedSpec,
} from './param-specs';
import type { CostModel, ModelEntry } from './types';

/*
 * Prices are fal's published list prices, read from fal's model pages (token formula
 * height × width × 24 × seconds / 1024): v1 Pro $2.5 per million tokens; v1.5 Pro $2.4 with
 * audio, $1.2 silent; 2.0 $0.014 and 2.0 Fast $0.0112 per 1000 tokens (audio costs the same).
 */
const ASOF = '2026-11';
const V1_COST: CostModel = { kind: 'tokens', usdPerMillionTokens: 2.5, fps: 24, asOf: ASOF };
const V15_COST: CostModel = { kind: 'tokens', usdPerMillionTokens: 2.4, usdPerMillionTokensSilent: 1.2, fps: 24, asOf: ASOF };
const V2_COST: Extract<CostModel, { kind: 'tokens' }> = { kind: 'tokens', usdPerMillionTokens: 14, fps: 24, asOf: ASOF };
const V2_FAST_COST: Extract<CostModel, { kind: 'tokens' }> = { kind: 'tokens', usdPerMillionTokens: 11.2, fps: 24, asOf: ASOF };

/**
 * Reference jobs bill the input videos' seconds as tokens too and fal multiplies the price by 0.6 when
 * videos are given (providers.md "Seedance 2.0 reference-to-video", from fal's llms.txt).
 */
const referenceCost = (cost: Extract<CostModel, { kind: 'tokens' }>): CostModel => ({ ...cost, billsInputVideo: true, withVideoFactor: 0.6 });

// fal does not document a prompt limit; the model's 2000-character limit (Novita V1 docs) is a guide only.
const PROMPT = { maxChars: 2000, hard: false, required: true };
const SEED_MAX = 2147483647;

/** v1 inputs (providers.md fal table; defaults per fal-js endpoints.ts @381105e: Pro i2v 720p, the others 1080p). */
function v1Params(ratios: string[], ratioDefault: string, resolutionDefault = '1080p') {
  return [
    resolutionSpec(['480p', '720p', '1080p'], resolutionDefault),
    aspectRatioSpec(ratios, ratioDefault),
    durationSpec(2, 12, 5),
    cameraFixedSpec,
    seedSpec(SEED_MAX),
  ];
}

function v15Params() {
  return [
    resolutionSpec(['480p', '720p', '1080p'], '720p'),
    aspectRatioSpec([...SIX_RATIOS, 'auto'], '16:9'),
    durationSpec(4, 12, 5),
    generateAudioSpec,
    cameraFixedSpec,
    seedSpec(SEED_MAX),
  ];
}

/**
 * fal 2.0 inputs: no `seed` — fal's current schema has none (fal-js endpoints.ts @381105e, 2026-08-02;
 * the 2026-04-07 types had one), so the seed is hidden rather than sent and refused or ignored.
 */
function v2Params(resolutions: string[]) {
  return [resolutionSpec(resolutions, '720p'), aspectRatioSpec(['auto', ...SIX_RATIOS], 'auto'), durationSpec(4, 15, 5), generateAudioSpec];
}

/**
 * fal's Seedance endpoints (providers.md, fal "Seedance endpoints"; 1.0 Pro Fast and the current
 * inputs from fal-js endpoints.ts @381105e, 2026-08-02). `model` is the endpoint id. Every
 * image-to-video input there has `prompt: string` (required), so every row requires a prompt.
 */
export const FAL_MODELS: ModelEntry[] = [
  {
    id: 'fal/fal-ai/bytedance/seedance/v1/pro/text-to-video',
    provider: 'fal',
    model: 'fal-ai/bytedance/seedance/v1/pro/text-to-video',
    name: 'Seedance 1.0 Pro · text to video',
    modes: ['text-to-video'],
    sizeFamily: 'seedance-1.0',
    params: v1Params(SIX_RATIOS, '16:9'),
    prompt: PROMPT,
    imageRules: null,
    cost: V1_COST,
    notes: [],
  },
  {
    id: 'fal/fal-ai/bytedance/seedance/v1/pro/image-to-video',
    provider: 'fal',
    model: 'fal-ai/bytedance/seedance/v1/pro/image-to-video',
    name: 'Seedance 1.0 Pro · image to video',
    // fal-js @381105e (2026-08-02) `SeedanceImageToVideoInput`: "redirected to seedance 1.0 pro fast,
    // which does not support an end frame"; `end_image_url` is "accepted … and ignored". So no last frame.
    modes: ['image-to-video'],
    sizeFamily: 'seedance-1.0',
    params: v1Params([...SIX_RATIOS, 'auto'], 'auto', '720p'),
    prompt: PROMPT,
    imageRules: FAL_1_IMAGE_RULES,
    cost: V1_COST,
    notes: ['falLastFrameIgnored'],
  },
  ...(['text-to-video', 'image-to-video'] as const).map(proFastRow),
  {
    id: 'fal/fal-ai/bytedance/seedance/v1.5/pro/text-to-video',
    provider: 'fal',
    model: 'fal-ai/bytedance/seedance/v1.5/pro/text-to-video',
    name: 'Seedance 1.5 Pro · text to video',
    modes: ['text-to-video'],
    sizeFamily: 'seedance-1.5+',
    params: v15Params(),
    prompt: PROMPT,
    imageRules: null,
    cost: V15_COST,
    notes: [],
  },
  {
    id: 'fal/fal-ai/bytedance/seedance/v1.5/pro/image-to-video',
    provider: 'fal',
    model: 'fal-ai/bytedance/seedance/v1.5/pro/image-to-video',
    name: 'Seedance 1.5 Pro · image to video',
    modes: ['image-to-video', 'first-last-frame'],
    sizeFamily: 'seedance-1.5+',
    params: v15Params(),
    prompt: PROMPT,
    imageRules: FAL_1_IMAGE_RULES,
    cost: V15_COST,
    notes: [],
  },
  {
    id: 'fal/bytedance/seedance-2.0/text-to-video',
    provider: 'fal',
    model: 'bytedance/seedance-2.0/text-to-video',
    name: 'Seedance 2.0 · text to video',
    modes: ['text-to-video'],
    sizeFamily: 'seedance-1.5+',
    params: v2Params(['480p', '720p', '1080p', '4k']),
    prompt: PROMPT,
    imageRules: null,
    cost: V2_COST,
    notes: ['falDurationAuto', 'falNoSeed20', 'falNo4kEstimate'],
  },
  {
    id: 'fal/bytedance/seedance-2.0/image-to-video',
    provider: 'fal',
    model: 'bytedance/seedance-2.0/image-to-video',
    name: 'Seedance 2.0 · image to video',
    modes: ['image-to-video', 'first-last-frame'],
    sizeFamily: 'seedance-1.5+',
    params: v2Params(['480p', '720p', '1080p', '4k']),
    prompt: PROMPT,
    imageRules: FAL_2_IMAGE_RULES,
    cost: V2_COST,
    notes: ['falDurationAuto', 'falNoSeed20', 'noRealFaces'],
  },
  {
    id: 'fal/bytedance/seedance-2.0/fast/text-to-video',
    provider: 'fal',
    model: 'bytedance/seedance-2.0/fast/text-to-video',
    name: 'Seedance 2.0 Fast · text to video',
    modes: ['text-to-video'],
    sizeFamily: 'seedance-1.5+',
    params: v2Params(['480p', '720p']),
    prompt: PROMPT,
    imageRules: null,
    cost: V2_FAST_COST,
    notes: ['falDurationAuto', 'falNoSeed20'],
  },
  {
    id: 'fal/bytedance/seedance-2.0/fast/image-to-video',
    provider: 'fal',
    model: 'bytedance/seedance-2.0/fast/image-to-video',
    name: 'Seedance 2.0 Fast · image to video',
    modes: ['image-to-video', 'first-last-frame'],
    sizeFamily: 'seedance-1.5+',
    params: v2Params(['480p', '720p']),
    prompt: PROMPT,
    imageRules: FAL_2_IMAGE_RULES,
    cost: V2_FAST_COST,
    notes: ['falDurationAuto', 'falNoSeed20', 'noRealFaces'],
  },
  ...(['text-to-video', 'image-to-video'] as const).map(miniRow),
  ...(['standard', 'fast', 'mini'] as const).map(referenceRow),
];

/**
 * fal's Seedance 1.0 Pro Fast endpoints (fal-js endpoints.ts @381105e, 2026-08-02:
 * `fal-ai/bytedance/seedance/v1/pro/fast/{text,image}-to-video`, inputs `SeedanceProTextToVideoInput` and
 * `SeedanceProFastImageToVideoInput`): the v1 fields, resolution default 1080p, `image_url` and no
 * `end_image_url`, prompt required. providers.md lists only the v1 Pro endpoints, whose image-to-video
 * fal now runs on this model. No fal price for it was read (fal's pages were not), so no estimate.
 */
function proFastRow(mode: 'text-to-video' | 'image-to-video'): ModelEntry {
  const i2v = mode === 'image-to-video';
  return {
    id: `fal/fal-ai/bytedance/seedance/v1/pro/fast/${mode}`,
    provider: 'fal',
    model: `fal-ai/bytedance/seedance/v1/pro/fast/${mode}`,
    name: `Seedance 1.0 Pro Fast · ${i2v ? 'image' : 'text'} to video`,
    modes: [mode],
    sizeFamily: 'seedance-1.0',
    params: i2v ? v1Params([...SIX_RATIOS, 'auto'], 'auto') : v1Params(SIX_RATIOS, '16:9'),
    prompt: PROMPT,
    imageRules: i2v ? FAL_1_IMAGE_RULES : null,
    cost: null,
    notes: [...(i2v ? (['falFastFirstFrameOnly'] as const) : []), 'falNoPrice'],
  };
}

/**
 * fal's Seedance 2.0 Mini text- and image-to-video (providers.md fal table: "as fast, without
 * `bitrate_mode`"; fal-js @381105e `Seedance2T2VMiniInput`, `Seedance2I2VMiniInput`): 480p/720p,
 * duration 4–15, `end_image_url` on i2v, no seed, prompt required. Mini's price is not in the sources
 * read, so no estimate.
 */
function miniRow(mode: 'text-to-video' | 'image-to-video'): ModelEntry {
  const i2v = mode === 'image-to-video';
  return {
    id: `fal/bytedance/seedance-2.0/mini/${mode}`,
    provider: 'fal',
    model: `bytedance/seedance-2.0/mini/${mode}`,
    name: `Seedance 2.0 Mini · ${i2v ? 'image' : 'text'} to video`,
    modes: i2v ? ['image-to-video', 'first-last-frame'] : ['text-to-video'],
    sizeFamily: 'seedance-1.5+',
    params: v2Params(['480p', '720p']),
    prompt: PROMPT,
    imageRules: i2v ? FAL_2_IMAGE_RULES : null,
    cost: null,
    notes: ['falDurationAuto', 'falNoSeed20', 'falNoPrice', ...(i2v ? (['noRealFaces'] as const) : [])],
  };
}


/**
 * One fal reference-to-video endpoint (providers.md "Seedance 2.0 reference-to-video", fal: fal-js
 * endpoints.ts @381105e, 2026-08-02): `image_urls` / `video_urls` / `audio_urls` of fal storage URLs,
 * `resolution` 480p–4k on standard and 480p/720p on fast and mini, `aspect_ratio` default `auto`,
 * `duration` 4–15 as a string, prompt required. No `seed` in this schema (the 2026-04-07 types had
 * one), so the row offers none. Mini's price is not published in the sources read: no estimate.
 */
function referenceRow(tier: 'standard' | 'fast' | 'mini'): ModelEntry {
  const path = tier === 'standard' ? '' : `${tier}/`;
  const label = tier === 'standard' ? '' : ` ${tier[0]!.toUpperCase()}${tier.slice(1)}`;
  const cost = tier === 'standard' ? referenceCost(V2_COST) : tier === 'fast' ? referenceCost(V2_FAST_COST) : null;
  return {
    id: `fal/bytedance/seedance-2.0/${path}reference-to-video`,
    provider: 'fal',
    model: `bytedance/seedance-2.0/${path}reference-to-video`,
    name: `Seedance 2.0${label} · reference to video`,
    modes: ['reference-to-video'],
    sizeFamily: 'seedance-1.5+',
    params: [
      resolutionSpec(tier === 'standard' ? ['480p', '720p', '1080p', '4k'] : ['480p', '720p'], '720p'),
      aspectRatioSpec(['auto', ...SIX_RATIOS], 'auto'),
      durationSpec(4, 15, 5),
      generateAudioSpec,
    ],
    prompt: PROMPT,
    imageRules: FAL_2_IMAGE_RULES,
    cost,
    references: FAL_REFERENCE_RULES,
    notes: [
      'falReferences20',
      'falReferenceVideoSize',
      'falVideoSecondsBilled',
      'falNoSeedEndpoint',
      'noRealFacesReferences',
    ],
  };
}
