import { GENERAL_IMAGE_RULES } from './image-rules';
import { ARK_25_REFERENCE_RULES } from './reference-rules-2-5';
import { SIX_RATIOS, aspectRatioSpec, autoDurationSpec, generateAudioSpec, resolutionSpec, seedSpec, watermarkSpec } from './param-specs';
import { ARK_25_DRAFT } from './draft';
import type { ModelEntry } from './types';

/**
 * BytePlus ModelArk's Seedance 2.5 (`dreamina-seedance-2-5-260628`, seedance-2.5.md §1, §2), one row
 * for every mode: text, first frame (+ last frame), and reference media with the task types
 * reference / edit / extend sent as `omni_reference_task_type` (§2.1, §2.2).
 * - resolution 480p/720p/1080p, default 720p (§2.1; 4k from 2026-11-13 is UNCONFIRMED, so not offered);
 * - ratio: the six fixed ratios and `adaptive`; `adaptive` is forced with a first frame, for edit and
 *   for extend (§2.2). The provider's default when omitted is UNCONFIRMED; the app always sends one,
 *   16:9 by default as ComfyUI's widget does (§6 [C1]);
 * - duration 4–30 s or Auto (`-1`); edit accepts only Auto (§2.1, §2.2);
 * - seed 0…2³¹−1 as ComfyUI sends it (§2.1: whether it is honoured is UNCONFIRMED);
 * - no `service_tier` (flex is rejected on 2.5), no `camera_fixed` (§2.1);
 * - price USD per million output tokens (§2.7): $10.7 at 480p/720p, $11.7 at 1080p; with a video
 *   input $6.4 / $7.0, the input video's seconds billed as tokens too.
 */
export const ARK_25_MODELS: ModelEntry[] = [
  {
    id: 'ark/dreamina-seedance-2-5-260628',
    provider: 'ark',
    model: 'dreamina-seedance-2-5-260628',
    name: 'Seedance 2.5',
    modes: ['text-to-video', 'image-to-video', 'first-last-frame', 'reference-to-video'],
    sizeFamily: 'seedance-2.5',
    params: [
      resolutionSpec(['480p', '720p', '1080p'], '720p'),
      aspectRatioSpec([...SIX_RATIOS, 'adaptive'], '16:9'),
      autoDurationSpec(4, 30, 5),
      seedSpec(2147483647),
      watermarkSpec,
      generateAudioSpec,
    ],
    // ModelArk documents no hard prompt cap; 2000 characters is a guide (as for its 2.0 rows).
    prompt: { maxChars: 2000, hard: false, required: false },
    imageRules: GENERAL_IMAGE_RULES,
    cost: {
      kind: 'tokens',
      usdPerMillionTokens: 10.7,
      usdPerMillionTokensByResolution: { '1080p': 11.7 },
      usdPerMillionTokensWithVideo: { '480p': 6.4, '720p': 6.4, '1080p': 7.0 },
      billsInputVideo: true,
      fps: 24,
      asOf: '2026-10-09',
    },
    references: ARK_25_REFERENCE_RULES,
    tasks: ['reference', 'edit', 'extend'],
    draft: ARK_25_DRAFT,
    notes: [
      'ark25References',
      'ark25EditExtend',
      'ark25KeepsRatio',
      'arkReferenceVideoUrl',
      'ark25Hevc',
      'ark25NoRealFaces',
      'ark25Seed',
      'ark25Price',
    ],
    status: { state: 'active', source: 'seedance-2.5.md §0–§1: live on BytePlus ModelArk since 2026-08-07 (third-party sources [T1][E1][C3]; BytePlus pages read only through summaries)' },
  },
];
