import { GENERAL_IMAGE_RULES } from './image-rules';
import {
  SIX_RATIOS,
  aspectRatioSpec,
  cameraFixedSpec,
  durationSpec,
  generateAudioSpec,
  resolutionSpec,
  seedSpec,
  serviceTierSpec,
  watermarkSpec,
} from './param-specs';
import type { ModelEntry } from './types';

// Novita publishes no per-token price for Seedance in the docs we read, so `cost` is null
// rather than guessed (providers.md, Novita).

/** V1 Pro / V1 Lite parameters (providers.md, "V1 Pro / V1 Lite bodies"). `resolution` has no documented default. */
function v1Params(ratios: string[]) {
  return [
    resolutionSpec(['480p', '720p', '1080p'], '720p'),
    aspectRatioSpec(ratios, '16:9'),
    durationSpec(5, 10, 5, [5, 10]),
    cameraFixedSpec,
    seedSpec(2147483647),
  ];
}

/** 1.5 Pro parameters (providers.md, "1.5 Pro bodies"); the t2v page rules out 1080p. */
function v15Params(resolutions: string[]) {
  return [
    resolutionSpec(resolutions, '720p'),
    aspectRatioSpec([...SIX_RATIOS, 'adaptive'], 'adaptive'),
    durationSpec(4, 12, 5),
    seedSpec(4294967295),
    cameraFixedSpec,
    watermarkSpec,
    generateAudioSpec,
    serviceTierSpec,
  ];
}

const V1_PROMPT = { maxChars: 2000, hard: true };
const V15_PROMPT = { maxChars: 500, hard: false };

/** Novita's five Seedance rows (providers.md, Novita submit endpoints). */
export const NOVITA_MODELS: ModelEntry[] = [
  {
    id: 'novita/seedance-v1-pro-t2v',
    provider: 'novita',
    model: 'seedance-v1-pro-t2v',
    name: 'Seedance 1.0 Pro · text to video',
    modes: ['text-to-video'],
    sizeFamily: 'seedance-1.0',
    params: v1Params(SIX_RATIOS),
    prompt: { ...V1_PROMPT, required: true },
    imageRules: null,
    cost: null,
    notes: ['novitaDefaultResolution'],
  },
  {
    id: 'novita/seedance-v1-pro-i2v',
    provider: 'novita',
    model: 'seedance-v1-pro-i2v',
    name: 'Seedance 1.0 Pro · image to video',
    modes: ['image-to-video', 'first-last-frame'],
    sizeFamily: 'seedance-1.0',
    params: v1Params([...SIX_RATIOS, '9:21']),
    prompt: { ...V1_PROMPT, required: false },
    imageRules: GENERAL_IMAGE_RULES,
    cost: null,
    notes: ['novitaLastFrameCropped'],
  },
  {
    id: 'novita/seedance-v1.5-pro-i2v',
    provider: 'novita',
    model: 'seedance-v1.5-pro-i2v',
    name: 'Seedance 1.5 Pro · image to video',
    modes: ['image-to-video', 'first-last-frame'],
    sizeFamily: 'seedance-1.5+',
    params: v15Params(['480p', '720p', '1080p']),
    // The 1.5 Pro i2v page marks `prompt` required (issue 13 §2; providers.md, Novita "1.5 Pro bodies").
    prompt: { ...V15_PROMPT, required: true },
    imageRules: GENERAL_IMAGE_RULES,
    cost: null,
    notes: ['dialogueSpeech', 'novitaFlexTier'],
  },
  {
    id: 'novita/seedance-v1.5-pro-t2v',
    provider: 'novita',
    model: 'seedance-v1.5-pro-t2v',
    name: 'Seedance 1.5 Pro · text to video',
    modes: ['text-to-video'],
    sizeFamily: 'seedance-1.5+',
    params: v15Params(['480p', '720p']),
    prompt: { ...V15_PROMPT, required: true },
    imageRules: null,
    cost: null,
    notes: ['novita15T2vNo1080p', 'dialogueSpeech'],
  },
  {
    id: 'novita/seedance-v1-lite-i2v',
    provider: 'novita',
    model: 'seedance-v1-lite-i2v',
    name: 'Seedance 1.0 Lite · image to video',
    modes: ['image-to-video', 'first-last-frame'],
    sizeFamily: 'seedance-1.0',
    params: v1Params([...SIX_RATIOS, '9:21']),
    prompt: { ...V1_PROMPT, required: false },
    imageRules: GENERAL_IMAGE_RULES,
    cost: null,
    notes: [],
  },
];
