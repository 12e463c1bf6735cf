import { EVOLINK_IMAGE_RULES, FAL_2_IMAGE_RULES, GENERAL_IMAGE_RULES } from './image-rules';
import type { MediaLimits, ReferenceRules } from './types';

const MB = 1024 * 1024;

/*
 * What Seedance 2.5's reference, edit and extend jobs take (seedance-2.5.md §2.4, §3, §4): up to 30
 * images, 10 videos and 10 audio clips, videos and audio ≤ 30 s each and together, audio alone
 * allowed (unlike 2.0), never beside a first/last frame (§2.2: "mutually exclusive"). The edit/extend
 * source-length rules (edit 4–30 s, extend 2–30 s, §2.3) depend on the task and are checked where the
 * video's length is known (media check), not here. HEIC/HEIF images (§2.4, ModelArk) are not offered:
 * the app's image service does not decode them.
 */

const ARK_SOURCE = 'seedance-2.5.md §2.4 Input limits (BytePlus ModelArk 2.5, [P1][C5][A1]; totals and audio-only [C1])';

/**
 * ModelArk `reference_video`: ≤ 10 mp4/mov, H.264/H.265, each 2–30 s and ≤ 30 s together, ≤ 200 MB,
 * 24–60 fps, sides 300–6000 px, ratio 0.4–2.5, 407,696–8,295,044 px per frame; by public URL (or
 * `asset://`) only, no base64 (§2.4).
 */
const ARK_VIDEOS: MediaLimits = {
  max: 10,
  formats: ['mp4', 'mov'],
  codecs: ['h264', 'hevc'],
  minSeconds: 2,
  maxSeconds: 30,
  totalMaxSeconds: 30,
  maxBytes: 200 * MB,
  minPixels: 407_696,
  maxPixels: 8_295_044,
  minSide: 300,
  maxSide: 6000,
  minRatio: 0.4,
  maxRatio: 2.5,
  minFps: 24,
  maxFps: 60,
  transport: 'public-url',
  source: `${ARK_SOURCE}; reference_video`,
};

/** ModelArk `reference_audio`: ≤ 10 wav/mp3, each 2–30 s and ≤ 30 s together, ≤ 15 MB; inline as a data URL (§2.4). */
const ARK_AUDIOS: MediaLimits = {
  max: 10,
  formats: ['wav', 'mp3'],
  minSeconds: 2,
  maxSeconds: 30,
  totalMaxSeconds: 30,
  maxBytes: 15 * MB,
  transport: 'inline',
  source: `${ARK_SOURCE}; reference_audio`,
};

/** ModelArk 2.5: ≤ 30 `reference_image` (inline data URLs), ≤ 50 references in all (§2.4). */
export const ARK_25_REFERENCE_RULES: ReferenceRules = {
  maxImages: 30,
  images: { ...GENERAL_IMAGE_RULES, source: `${ARK_SOURCE}; reference_image` },
  imageTransport: 'inline',
  videos: ARK_VIDEOS,
  audios: ARK_AUDIOS,
  maxFiles: 50,
  audioNeedsVisual: false,
  excludesFrames: true,
  source: ARK_SOURCE,
};

const FAL_SOURCE = 'seedance-2.5.md §3 fal (integrator contract of 2026-10-09 [F2]; fal schema pages not read directly: UNCONFIRMED) and §2.4 for the model\'s own video limits';

/**
 * fal `video_urls`: ≤ 10, each 1.8–30.2 s and ≤ 30.2 s together, 24–60 fps (§3). fal publishes no
 * pixel or size limits for 2.5 in the sources read, so the model's own (§2.4: 407,696–8,295,044 px,
 * ≤ 200 MB, mp4/mov) are applied.
 */
const FAL_VIDEOS: MediaLimits = {
  max: 10,
  formats: ['mp4', 'mov'],
  minSeconds: 1.8,
  maxSeconds: 30.2,
  totalMaxSeconds: 30.2,
  maxBytes: 200 * MB,
  minPixels: 407_696,
  maxPixels: 8_295_044,
  minFps: 24,
  maxFps: 60,
  transport: 'upload',
  source: `${FAL_SOURCE}; video_urls`,
};

/** fal `audio_urls`: ≤ 10 mp3/wav, each 1.8–30.2 s and ≤ 30.2 s together (§3), ≤ 15 MB (the model's limit, §2.4). */
const FAL_AUDIOS: MediaLimits = {
  max: 10,
  formats: ['mp3', 'wav'],
  minSeconds: 1.8,
  maxSeconds: 30.2,
  totalMaxSeconds: 30.2,
  maxBytes: 15 * MB,
  transport: 'upload',
  source: `${FAL_SOURCE}; audio_urls`,
};

/** fal 2.5 reference-to-video: `image_urls` ≤ 30, ≤ 50 files in all, uploaded to fal storage (§3). */
export const FAL_25_REFERENCE_RULES: ReferenceRules = {
  maxImages: 30,
  images: FAL_2_IMAGE_RULES,
  imageTransport: 'upload',
  videos: FAL_VIDEOS,
  audios: FAL_AUDIOS,
  maxFiles: 50,
  audioNeedsVisual: false,
  excludesFrames: true,
  source: FAL_SOURCE,
};

const EVOLINK_SOURCE = 'seedance-2.5.md §4 EvoLink (docs mirror Pharmacist9527/mintlify-docs@a301c93a, 2026-08-21 [E1]) with §2.4';

/** EvoLink `video_urls`: ≤ 10, limits as §2.4 but ≥ 409,600 px per frame; no base64 (§4). */
const EVOLINK_VIDEOS: MediaLimits = {
  ...ARK_VIDEOS,
  minPixels: 409_600,
  transport: 'upload',
  source: `${EVOLINK_SOURCE}; video_urls`,
};

/** EvoLink `audio_urls`: ≤ 10 wav/mp3, 2–30 s, ≤ 30 s together, ≤ 15 MB; no base64 (§4). */
const EVOLINK_AUDIOS: MediaLimits = { ...ARK_AUDIOS, transport: 'upload', source: `${EVOLINK_SOURCE}; audio_urls` };

/** EvoLink 2.5 reference / video-edit / video-extend: `image_urls` ≤ 30 (jpeg/png/webp), uploaded to the files API (§4). */
export const EVOLINK_25_REFERENCE_RULES: ReferenceRules = {
  maxImages: 30,
  images: EVOLINK_IMAGE_RULES,
  imageTransport: 'upload',
  videos: EVOLINK_VIDEOS,
  audios: EVOLINK_AUDIOS,
  audioNeedsVisual: false,
  excludesFrames: true,
  source: EVOLINK_SOURCE,
};
