import { EVOLINK_IMAGE_RULES, FAL_2_IMAGE_RULES, GENERAL_IMAGE_RULES } from './image-rules';
import type { MediaLimits, ReferenceRules } from './types';

const MB = 1024 * 1024;

/*
 * What each provider's Seedance 2.0 reference-to-video takes (providers.md "Seedance 2.0
 * reference-to-video"). The limits differ by provider and changed over 2026; each constant names the
 * page and date it follows. Common to all three: audio only beside an image or a video, and never
 * mixed with first/last frames.
 */

const EVOLINK_SOURCE =
  'providers.md: Seedance 2.0 reference-to-video, EvoLink (docs.evolink.ai seedance-2.0-{,fast-,mini-}reference-to-video, mirror @a301c93 read 2026-08-21, last changed 2026-08-02)';

/**
 * EvoLink `video_urls`: 0–3 mp4/mov, each 2–15 s and ≤ 15 s together, ratio 0.4–2.5, sides 300–6000 px,
 * 409,600–2,086,876 px per frame (the 2026-05-06 widening; before it ≤ 927,408), ≤ 50 MB each, 24–60 fps.
 * Sent as files-API URLs: video upload is not in the files API pages (2026-01-20) but EvoLink's own MCP
 * server does it, so the adapter tries it and says so plainly when it is refused.
 */
const EVOLINK_VIDEOS: MediaLimits = {
  max: 3,
  formats: ['mp4', 'mov'],
  minSeconds: 2,
  maxSeconds: 15,
  totalMaxSeconds: 15,
  maxBytes: 50 * MB,
  minPixels: 409_600,
  maxPixels: 2_086_876,
  minSide: 300,
  maxSide: 6000,
  minRatio: 0.4,
  maxRatio: 2.5,
  minFps: 24,
  maxFps: 60,
  transport: 'upload',
  source: `${EVOLINK_SOURCE}; video_urls`,
};

/** EvoLink `audio_urls`: 0–3 wav/mp3, each 2–15 s and ≤ 15 s together, ≤ 15 MB each. */
const EVOLINK_AUDIOS: MediaLimits = {
  max: 3,
  formats: ['wav', 'mp3'],
  minSeconds: 2,
  maxSeconds: 15,
  totalMaxSeconds: 15,
  maxBytes: 15 * MB,
  transport: 'upload',
  source: `${EVOLINK_SOURCE}; audio_urls`,
};

/**
 * EvoLink 2.0 reference models (standard, fast and mini take the same inputs): up to 9 images by the
 * EvoLink image rules, 3 videos, 3 audio clips; no overall file limit is documented (so none here).
 */
export const EVOLINK_REFERENCE_RULES: ReferenceRules = {
  maxImages: 9,
  images: EVOLINK_IMAGE_RULES,
  imageTransport: 'upload',
  videos: EVOLINK_VIDEOS,
  audios: EVOLINK_AUDIOS,
  audioNeedsVisual: true,
  excludesFrames: true,
  source: EVOLINK_SOURCE,
};

const FAL_SOURCE =
  'providers.md: Seedance 2.0 reference-to-video, fal (fal-js endpoints.ts @381105e, 2026-08-02, Seedance2R2V{,Fast,Mini}Input; fal model page llms.txt)';

/**
 * fal videos: ≤ 3 mp4/mov, 2–15 s all together, under 50 MB all together, each "between ~480p (640×640)
 * and ~720p (834×1112)" — 409,600–927,408 px, stricter than EvoLink and ModelArk; fal gives the bounds
 * as approximate, so they are the safe reading (unconfirmed where exactly fal cuts off).
 */
const FAL_VIDEOS: MediaLimits = {
  max: 3,
  formats: ['mp4', 'mov'],
  totalMinSeconds: 2,
  totalMaxSeconds: 15,
  totalMaxBytes: 50 * MB,
  minPixels: 409_600,
  maxPixels: 927_408,
  transport: 'upload',
  source: `${FAL_SOURCE}; video_urls`,
};

/** fal audio: ≤ 3 mp3/wav, ≤ 15 s together, ≤ 15 MB each. */
const FAL_AUDIOS: MediaLimits = {
  max: 3,
  formats: ['mp3', 'wav'],
  totalMaxSeconds: 15,
  maxBytes: 15 * MB,
  transport: 'upload',
  source: `${FAL_SOURCE}; audio_urls`,
};

/** fal 2.0 reference endpoints (standard, fast, mini): ≤ 9 images (JPEG/PNG/WebP, ≤ 30 MB), all files together ≤ 12. */
export const FAL_REFERENCE_RULES: ReferenceRules = {
  maxImages: 9,
  images: FAL_2_IMAGE_RULES,
  imageTransport: 'upload',
  videos: FAL_VIDEOS,
  audios: FAL_AUDIOS,
  maxFiles: 12,
  audioNeedsVisual: true,
  excludesFrames: true,
  source: FAL_SOURCE,
};

const ARK_SOURCE =
  'providers.md: Seedance 2.0 reference-to-video, BytePlus ModelArk (docs.byteplus.com ModelArk/1520757 and Volcengine 82379/1520757, newest text after Seedance 2.5, 2026-08-28)';

/**
 * ModelArk `reference_video`: 0–3 mp4/mov with H.264/H.265 video, each 2–15 s and ≤ 15 s together,
 * ratio [0.4, 2.5], sides [300, 6000], 24–60 fps. Where the versions disagree this follows the newest doc
 * (2026-08-28): 407,696–8,295,044 px per frame and ≤ 200 MB (mid-2026 text: 409,600–2,086,876 px,
 * ≤ 50 MB). Only by public URL: ModelArk takes no base64 video and has no upload API for it.
 */
const ARK_VIDEOS: MediaLimits = {
  max: 3,
  formats: ['mp4', 'mov'],
  codecs: ['h264', 'hevc'],
  minSeconds: 2,
  maxSeconds: 15,
  totalMaxSeconds: 15,
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

/** ModelArk `reference_audio`: 0–3 wav/mp3, each 2–15 s and ≤ 15 s together, ≤ 15 MB; inline as a data URL. */
const ARK_AUDIOS: MediaLimits = {
  max: 3,
  formats: ['wav', 'mp3'],
  minSeconds: 2,
  maxSeconds: 15,
  totalMaxSeconds: 15,
  maxBytes: 15 * MB,
  transport: 'inline',
  source: `${ARK_SOURCE}; reference_audio`,
};

/**
 * ModelArk 2.0 models (standard, fast, mini): ≤ 9 `reference_image` by the general image rules, inline
 * as data URLs; mixing first/last frames with reference media fails at submit (providers.md: "first/last
 * frame content cannot be mixed with reference media content").
 */
export const ARK_REFERENCE_RULES: ReferenceRules = {
  maxImages: 9,
  images: { ...GENERAL_IMAGE_RULES, source: `${ARK_SOURCE}; reference_image` },
  imageTransport: 'inline',
  videos: ARK_VIDEOS,
  audios: ARK_AUDIOS,
  audioNeedsVisual: true,
  excludesFrames: true,
  source: ARK_SOURCE,
};
