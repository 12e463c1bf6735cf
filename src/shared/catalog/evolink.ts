import { EVOLINK_IMAGE_RULES } from './image-rules';
import { EVOLINK_REFERENCE_RULES } from './reference-rules';
import { SIX_RATIOS, aspectRatioSpec, durationSpec, generateAudioSpec, resolutionSpec } from './param-specs';
import type { ModelEntry } from './types';

// EvoLink bills in credits per second; no USD list price is documented, so `cost` is null.

const RATIOS = [...SIX_RATIOS, 'adaptive'];
// "≤ 500 Chinese characters or ≤ 1000 English words": the character count is kept as a guide, not a hard cap.
const PROMPT = { maxChars: 500, hard: false, required: true };

/**
 * `quality` per the per-model pages (providers.md, EvoLink fields table): standard 480p–4k (1080p opened
 * 2026-04-17, 4k added 2026-06-23; the older "1080p not supported" text is gone — the overview page still
 * lists only up to 1080p, the model pages are followed), fast and mini 480p/720p; default 720p.
 * `aspect_ratio` default `adaptive` since 2026-08-02.
 */
function params(standard: boolean, ratioDefault: string) {
  return [
    standard ? resolutionSpec(['480p', '720p', '1080p', '4k'], '720p') : resolutionSpec(['480p', '720p'], '720p'),
    aspectRatioSpec(RATIOS, ratioDefault),
    durationSpec(4, 15, 5),
    generateAudioSpec,
  ];
}

/**
 * EvoLink's Seedance 2.0 rows (providers.md, EvoLink "Models" and fields table): the nine models of
 * the overview page (mirror Pharmacist9527/mintlify-docs @a301c93, 2026-08-21) — standard, Fast and
 * Mini, each text-, image- and reference-to-video. EvoLink documents no Seedance 1.0 model, so there
 * is no 1.0 Pro Fast row here.
 */
export const EVOLINK_MODELS: ModelEntry[] = [
  {
    id: 'evolink/seedance-2.0-text-to-video',
    provider: 'evolink',
    model: 'seedance-2.0-text-to-video',
    name: 'Seedance 2.0 · text to video',
    modes: ['text-to-video'],
    sizeFamily: 'seedance-1.5+',
    params: params(true, 'adaptive'),
    prompt: PROMPT,
    imageRules: null,
    cost: null,
    notes: ['evolinkPromptLimit'],
  },
  {
    id: 'evolink/seedance-2.0-image-to-video',
    provider: 'evolink',
    model: 'seedance-2.0-image-to-video',
    name: 'Seedance 2.0 · image to video',
    modes: ['image-to-video', 'first-last-frame'],
    sizeFamily: 'seedance-1.5+',
    params: params(true, 'adaptive'),
    prompt: PROMPT,
    imageRules: EVOLINK_IMAGE_RULES,
    cost: null,
    notes: ['evolinkPromptLimit', 'noRealFaces'],
  },
  {
    id: 'evolink/seedance-2.0-fast-text-to-video',
    provider: 'evolink',
    model: 'seedance-2.0-fast-text-to-video',
    name: 'Seedance 2.0 Fast · text to video',
    modes: ['text-to-video'],
    sizeFamily: 'seedance-1.5+',
    params: params(false, 'adaptive'),
    prompt: PROMPT,
    imageRules: null,
    cost: null,
    notes: ['evolinkPromptLimit'],
  },
  {
    id: 'evolink/seedance-2.0-fast-image-to-video',
    provider: 'evolink',
    model: 'seedance-2.0-fast-image-to-video',
    name: 'Seedance 2.0 Fast · image to video',
    modes: ['image-to-video', 'first-last-frame'],
    sizeFamily: 'seedance-1.5+',
    params: params(false, 'adaptive'),
    prompt: PROMPT,
    imageRules: EVOLINK_IMAGE_RULES,
    cost: null,
    notes: ['evolinkPromptLimit', 'noRealFaces'],
  },
  {
    id: 'evolink/seedance-2.0-mini-text-to-video',
    provider: 'evolink',
    model: 'seedance-2.0-mini-text-to-video',
    name: 'Seedance 2.0 Mini · text to video',
    modes: ['text-to-video'],
    sizeFamily: 'seedance-1.5+',
    params: params(false, 'adaptive'),
    prompt: PROMPT,
    imageRules: null,
    cost: null,
    notes: ['evolinkPromptLimit'],
  },
  {
    id: 'evolink/seedance-2.0-mini-image-to-video',
    provider: 'evolink',
    model: 'seedance-2.0-mini-image-to-video',
    name: 'Seedance 2.0 Mini · image to video',
    modes: ['image-to-video', 'first-last-frame'],
    sizeFamily: 'seedance-1.5+',
    params: params(false, 'adaptive'),
    prompt: PROMPT,
    imageRules: EVOLINK_IMAGE_RULES,
    cost: null,
    notes: ['evolinkPromptLimit', 'noRealFaces'],
  },
  ...(['standard', 'fast', 'mini'] as const).map(referenceRow),
];

/**
 * One reference-to-video row (providers.md "Seedance 2.0 reference-to-video", EvoLink table, pages last
 * changed 2026-08-02): `image_urls` / `video_urls` / `audio_urls` cited as `@image1` …; standard
 * `quality` 480p–4k, fast and mini 480p/720p, default 720p; `aspect_ratio` default `adaptive`; the
 * prompt is required and limited to 10,000 tokens (a guide: tokens are not characters).
 */
function referenceRow(tier: 'standard' | 'fast' | 'mini'): ModelEntry {
  const infix = tier === 'standard' ? '' : `${tier}-`;
  const label = tier === 'standard' ? '' : ` ${tier[0]!.toUpperCase()}${tier.slice(1)}`;
  return {
    id: `evolink/seedance-2.0-${infix}reference-to-video`,
    provider: 'evolink',
    model: `seedance-2.0-${infix}reference-to-video`,
    name: `Seedance 2.0${label} · reference to video`,
    modes: ['reference-to-video'],
    sizeFamily: 'seedance-1.5+',
    params: [
      resolutionSpec(tier === 'standard' ? ['480p', '720p', '1080p', '4k'] : ['480p', '720p'], '720p'),
      aspectRatioSpec(RATIOS, 'adaptive'),
      durationSpec(4, 15, 5),
      generateAudioSpec,
    ],
    prompt: { maxChars: 10_000, hard: false, required: true },
    imageRules: EVOLINK_IMAGE_RULES,
    cost: null,
    references: EVOLINK_REFERENCE_RULES,
    notes: [
      'evolinkReferences20',
      'evolinkUploadsImagesOnly',
      'noRealFacesReferences',
    ],
  };
}
