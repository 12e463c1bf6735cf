import { FAL_2_IMAGE_RULES } from './image-rules';
import { FAL_25_REFERENCE_RULES } from './reference-rules-2-5';
import { SIX_RATIOS, aspectRatioSpec, autoDurationSpec, generateAudioSpec, resolutionSpec, seedSpec } from './param-specs';
import { FAL_25_DRAFT } from './draft';
import type { CostModel, ModelEntry, ParamSpec } from './types';

/*
 * fal's Seedance 2.5 endpoints (seedance-2.5.md §1, §3): `bytedance/seedance-2.5/{text,image,reference}-to-video`.
 * Field names come from an integrator's contract of 2026-10-09 [F2] (fal's schema pages were not read
 * directly: UNCONFIRMED); the resolution enum is confirmed by fal's OpenAPI (TanStack #1146 [F3]).
 * There is no edit or extend endpoint: both are reference-to-video with `task` editing / extension.
 * The `/us/` variants (`bytedance/seedance-2.5/us/…`) cost 20 % more and are not offered as rows.
 */

/**
 * USD per million tokens (§3): $21.40 at 480p/720p, $23.40 at 1080p (global endpoints), × 0.6 when
 * reference videos are given, whose seconds are billed as tokens too.
 */
const COST: Extract<CostModel, { kind: 'tokens' }> = {
  kind: 'tokens',
  usdPerMillionTokens: 21.4,
  usdPerMillionTokensByResolution: { '1080p': 23.4 },
  fps: 24,
  asOf: '2026-10-09',
};
const REFERENCE_COST: CostModel = { ...COST, billsInputVideo: true, withVideoFactor: 0.6 };

// fal does not document a prompt limit; 2000 characters is a guide only.
const PROMPT = { maxChars: 2000, hard: false, required: true };
const STATUS: ModelEntry['status'] = { state: 'active', source: 'seedance-2.5.md §0–§1: live on fal since 2026-08-07 (fal endpoint names [F1][F2]; 1080p since 2026-08-19 [F3])' };

/**
 * fal 2.5 inputs (§3): `resolution` 480p/720p/1080p (default 720p), `aspect_ratio` the six ratios or
 * `auto` (`ratioDefault`: `auto` on image-to-video, which follows the image), `duration` "4"…"30" or
 * "auto" (sent as a string), `generate_audio`, `seed`. No `watermark`.
 */
function params(ratioDefault: string): ParamSpec[] {
  return [
    resolutionSpec(['480p', '720p', '1080p'], '720p'),
    aspectRatioSpec(['auto', ...SIX_RATIOS], ratioDefault),
    autoDurationSpec(4, 30, 5),
    generateAudioSpec,
    seedSpec(2147483647),
  ];
}

/** fal's three Seedance 2.5 endpoints; `model` is the endpoint id. */
export const FAL_25_MODELS: ModelEntry[] = [
  {
    id: 'fal/bytedance/seedance-2.5/text-to-video',
    provider: 'fal',
    model: 'bytedance/seedance-2.5/text-to-video',
    name: 'Seedance 2.5 · text to video',
    modes: ['text-to-video'],
    sizeFamily: 'seedance-2.5',
    params: params('16:9'),
    prompt: PROMPT,
    imageRules: null,
    cost: COST,
    notes: ['fal25Price', 'fal25UsEndpoints'],
    status: STATUS,
    draft: FAL_25_DRAFT,
  },
  {
    id: 'fal/bytedance/seedance-2.5/image-to-video',
    provider: 'fal',
    model: 'bytedance/seedance-2.5/image-to-video',
    name: 'Seedance 2.5 · image to video',
    modes: ['image-to-video', 'first-last-frame'],
    sizeFamily: 'seedance-2.5',
    params: params('auto'),
    // seedance-2.5.md §3 lists `prompt` without saying; every other fal image-to-video schema requires it
    // (fal-js @381105e), so the app asks for one rather than send a request fal may refuse.
    prompt: PROMPT,
    imageRules: FAL_2_IMAGE_RULES,
    cost: COST,
    notes: [
      'fal25KeepsRatio',
      'noRealFaces',
      'fal25Price',
      'fal25UsEndpoints',
    ],
    status: STATUS,
    draft: FAL_25_DRAFT,
  },
  {
    id: 'fal/bytedance/seedance-2.5/reference-to-video',
    provider: 'fal',
    model: 'bytedance/seedance-2.5/reference-to-video',
    name: 'Seedance 2.5 · reference to video',
    modes: ['reference-to-video'],
    sizeFamily: 'seedance-2.5',
    params: params('16:9'),
    prompt: PROMPT,
    imageRules: FAL_2_IMAGE_RULES,
    cost: REFERENCE_COST,
    references: FAL_25_REFERENCE_RULES,
    tasks: ['reference', 'edit', 'extend'],
    notes: [
      'fal25References',
      'fal25EditExtend',
      'falVideoSecondsBilled',
      'noRealFacesReferences',
      'fal25Price',
      'fal25UsEndpoints',
    ],
    status: STATUS,
    draft: FAL_25_DRAFT,
  },
];
