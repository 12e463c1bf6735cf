import { EVOLINK_IMAGE_RULES } from './image-rules';
import { SIX_RATIOS, aspectRatioSpec, durationSpec, generateAudioSpec, resolutionSpec } from './param-specs';
import type { ModelEntry } from './types';

// EvoLink bills in credits per second; no USD list price is documented, so `cost` is null.

const RATIOS = [...SIX_RATIOS, 'adaptive'];
// "≤ 500 Chinese characters or ≤ 1000 English words": the character count is kept as a guide, not a hard cap.
const PROMPT = { maxChars: 500, hard: false, required: true };
const PROMPT_NOTE = 'Prompt limit: 500 Chinese characters or 1000 English words.';
const UNCONFIRMED_1080 = '1080p is listed on some EvoLink pages but the Seedance 2.0 page says it is not supported: unconfirmed.';

function params(standard: boolean, ratioDefault: string) {
  return [
    standard ? resolutionSpec(['480p', '720p', '1080p'], '720p', ['1080p']) : resolutionSpec(['480p', '720p'], '720p'),
    aspectRatioSpec(RATIOS, ratioDefault),
    durationSpec(4, 15, 5),
    generateAudioSpec,
  ];
}

/** EvoLink's Seedance 2.0 rows (providers.md, EvoLink "Models" and fields table). */
export const EVOLINK_MODELS: ModelEntry[] = [
  {
    id: 'evolink/seedance-2.0-text-to-video',
    provider: 'evolink',
    model: 'seedance-2.0-text-to-video',
    name: 'Seedance 2.0 · text to video',
    modes: ['text-to-video'],
    sizeFamily: 'seedance-1.5+',
    params: params(true, '16:9'),
    prompt: PROMPT,
    imageRules: null,
    cost: null,
    notes: [PROMPT_NOTE, UNCONFIRMED_1080],
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
    notes: [PROMPT_NOTE, UNCONFIRMED_1080, 'Seedance 2.x rejects real human faces in input images.'],
  },
  {
    id: 'evolink/seedance-2.0-fast-text-to-video',
    provider: 'evolink',
    model: 'seedance-2.0-fast-text-to-video',
    name: 'Seedance 2.0 Fast · text to video',
    modes: ['text-to-video'],
    sizeFamily: 'seedance-1.5+',
    params: params(false, '16:9'),
    prompt: PROMPT,
    imageRules: null,
    cost: null,
    notes: [PROMPT_NOTE],
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
    notes: [PROMPT_NOTE, 'Seedance 2.x rejects real human faces in input images.'],
  },
];
