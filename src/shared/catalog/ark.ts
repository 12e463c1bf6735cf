import { GENERAL_IMAGE_RULES } from './image-rules';
import { ARK_REFERENCE_RULES } from './reference-rules';
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

/*
 * Cost: tokens = width × height × fps × seconds / 1024 (providers.md, ModelArk "Cost"); BytePlus
 * list prices per million tokens as published for ModelArk: 1.0 Pro $2.5, 1.5 Pro $2.4 with audio
 * and $1.2 silent. No first-party USD price for 2.0 was found, so its cost is null.
 */
const ASOF = '2026-11';
const RATIOS = [...SIX_RATIOS, 'adaptive'];
// ModelArk documents no hard prompt cap in providers.md; 2000 characters (Novita's limit for the same model) is a guide.
const PROMPT = { maxChars: 2000, hard: false, required: false };
const SEED_MAX = 4294967295;
const ALL_MODES: ModelEntry['modes'] = ['text-to-video', 'image-to-video', 'first-last-frame'];
/**
 * The 2.0 series also takes reference media in `content[]` (providers.md "Seedance 2.0
 * reference-to-video", ModelArk: "other models take no video/audio"), never mixed with frames.
 * Mini (`dreamina-seedance-2-0-mini-260615`) is left out: its id is unconfirmed in BytePlus's doc text.
 */
const V2_MODES: ModelEntry['modes'] = [...ALL_MODES, 'reference-to-video'];
/**
 * 1.0 Pro Fast (`seedance-1-0-pro-fast-251015`, providers.md ModelArk "Models"): text to video and a
 * first frame only — the Create-task page lists it under "[Image to video - first frame] [Text to
 * video]" (read through a verbatim reseller copy, docs.powertokens.ai, 2026); providers.md gives its
 * duration with 1.0 Pro, [2, 12].
 */
const V10_FAST_MODES: ModelEntry['modes'] = ['text-to-video', 'image-to-video'];

/**
 * BytePlus ModelArk (first party) rows (providers.md, BytePlus ModelArk "Models"); 1.0 Pro, 1.5 Pro
 * and 2.0 do text, first frame and first + last frame, 1.0 Pro Fast text and first frame, 1.0 Lite
 * t2v text only; the 2.0 series also reference media. 1.0 Lite i2v and 2.0 Mini have no row (Mini's
 * id is unconfirmed in BytePlus's doc text).
 */
export const ARK_MODELS: ModelEntry[] = [
  {
    id: 'ark/seedance-1-0-pro-250528',
    provider: 'ark',
    model: 'seedance-1-0-pro-250528',
    name: 'Seedance 1.0 Pro',
    modes: ALL_MODES,
    sizeFamily: 'seedance-1.0',
    params: [
      resolutionSpec(['480p', '720p', '1080p'], '1080p'),
      aspectRatioSpec(RATIOS, '16:9'),
      durationSpec(2, 12, 5),
      seedSpec(SEED_MAX),
      cameraFixedSpec,
      watermarkSpec,
    ],
    prompt: PROMPT,
    imageRules: GENERAL_IMAGE_RULES,
    cost: { kind: 'tokens', usdPerMillionTokens: 2.5, fps: 24, asOf: ASOF },
    notes: ['arkLimits'],
  },
  {
    id: 'ark/seedance-1-0-pro-fast-251015',
    provider: 'ark',
    model: 'seedance-1-0-pro-fast-251015',
    name: 'Seedance 1.0 Pro Fast',
    modes: V10_FAST_MODES,
    sizeFamily: 'seedance-1.0',
    params: [
      resolutionSpec(['480p', '720p', '1080p'], '1080p'),
      aspectRatioSpec(RATIOS, '16:9'),
      durationSpec(2, 12, 5),
      seedSpec(SEED_MAX),
      cameraFixedSpec,
      watermarkSpec,
    ],
    prompt: PROMPT,
    imageRules: GENERAL_IMAGE_RULES,
    cost: null,
    notes: ['arkFastFirstFrameOnly', 'arkNoPrice'],
  },
  {
    id: 'ark/seedance-1-0-lite-t2v-250428',
    provider: 'ark',
    model: 'seedance-1-0-lite-t2v-250428',
    name: 'Seedance 1.0 Lite · text to video',
    modes: ['text-to-video'],
    sizeFamily: 'seedance-1.0',
    params: [
      resolutionSpec(['480p', '720p', '1080p'], '720p'),
      aspectRatioSpec(SIX_RATIOS, '16:9'),
      durationSpec(2, 12, 5),
      seedSpec(SEED_MAX),
      cameraFixedSpec,
      watermarkSpec,
    ],
    prompt: { ...PROMPT, required: true },
    imageRules: null,
    cost: null,
    notes: ['arkLiteT2vOnly', 'arkNoPrice'],
  },
  {
    id: 'ark/seedance-1-5-pro-251215',
    provider: 'ark',
    model: 'seedance-1-5-pro-251215',
    name: 'Seedance 1.5 Pro',
    modes: ALL_MODES,
    sizeFamily: 'seedance-1.5+',
    params: [
      resolutionSpec(['480p', '720p', '1080p'], '720p'),
      aspectRatioSpec(RATIOS, 'adaptive'),
      durationSpec(4, 12, 5),
      seedSpec(SEED_MAX),
      cameraFixedSpec,
      watermarkSpec,
      generateAudioSpec,
      serviceTierSpec,
    ],
    prompt: PROMPT,
    imageRules: GENERAL_IMAGE_RULES,
    cost: { kind: 'tokens', usdPerMillionTokens: 2.4, usdPerMillionTokensSilent: 1.2, fps: 24, asOf: ASOF },
    notes: ['arkAudioModeration'],
    // BytePlus suggests dreamina-seedance-2-0-mini, which this catalogue has no row for; 2.0 is the nearest row it offers.
    status: {
      state: 'retired',
      date: '2026-11-11',
      source:
        'third-party: byteplus-sa/ComfyUI-BytePlus-ModelArk models_config (seedance-2.5.md §0, §5 [B1]): deprecated 2026-09-15, shut down 2026-11-11, replacement dreamina-seedance-2-0-mini; not confirmed in BytePlus docs (providers.md, ModelArk)',
      replacement: 'ark/dreamina-seedance-2-0-260128',
    },
  },
  {
    id: 'ark/dreamina-seedance-2-0-260128',
    provider: 'ark',
    model: 'dreamina-seedance-2-0-260128',
    name: 'Seedance 2.0',
    modes: V2_MODES,
    sizeFamily: 'seedance-1.5+',
    params: [
      resolutionSpec(['480p', '720p', '1080p'], '720p'),
      aspectRatioSpec(RATIOS, 'adaptive'),
      durationSpec(4, 15, 5),
      watermarkSpec,
      generateAudioSpec,
    ],
    prompt: PROMPT,
    imageRules: GENERAL_IMAGE_RULES,
    cost: null,
    references: ARK_REFERENCE_RULES,
    notes: [
      'arkNoRealFaces',
      'arkNoSeed20',
      'arkNoPrice',
      'arkReferences20',
      'arkReferenceVideoUrl',
    ],
  },
  {
    id: 'ark/dreamina-seedance-2-0-fast-260128',
    provider: 'ark',
    model: 'dreamina-seedance-2-0-fast-260128',
    name: 'Seedance 2.0 Fast',
    modes: V2_MODES,
    sizeFamily: 'seedance-1.5+',
    params: [
      resolutionSpec(['480p', '720p'], '720p'),
      aspectRatioSpec(RATIOS, 'adaptive'),
      durationSpec(4, 15, 5),
      watermarkSpec,
      generateAudioSpec,
    ],
    prompt: PROMPT,
    imageRules: GENERAL_IMAGE_RULES,
    cost: null,
    references: ARK_REFERENCE_RULES,
    notes: [
      'arkNoRealFaces',
      'arkNoSeed20Fast',
      'arkNoPrice',
      'arkReferences20',
      'arkReferenceVideoUrl',
    ],
  },
];
