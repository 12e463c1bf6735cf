import type { ImageRules } from './types';

const MB = 1024 * 1024;

/**
 * The general rules every provider documents for first/last frames (providers.md, "Input image
 * rules"; Novita V1 i2v page): JPEG/PNG/WebP/BMP/TIFF/GIF, < 30 MB, sides in (300, 6000) px,
 * width/height in 0.4 … 2.5.
 */
export const GENERAL_IMAGE_RULES: ImageRules = {
  formats: ['jpeg', 'png', 'webp', 'bmp', 'tiff', 'gif'],
  maxBytes: 30 * MB,
  minSideExclusive: 300,
  maxSideExclusive: 6000,
  minRatio: 0.4,
  maxRatio: 2.5,
  source: 'providers.md: Input image rules (Novita / ModelArk image fields)',
};

/** EvoLink: JPEG/PNG/WebP only, ratio 0.4–2.5, 300–6000 px, ≤ 30 MB (providers.md, EvoLink `image_urls`). */
export const EVOLINK_IMAGE_RULES: ImageRules = {
  ...GENERAL_IMAGE_RULES,
  formats: ['jpeg', 'png', 'webp'],
  source: 'providers.md: EvoLink image_urls; Input image rules',
};

/** fal Seedance 2.0: `image_url` JPEG/PNG/WebP, ≤ 30 MB (providers.md, fal endpoints table). */
export const FAL_2_IMAGE_RULES: ImageRules = {
  ...GENERAL_IMAGE_RULES,
  formats: ['jpeg', 'png', 'webp'],
  source: 'providers.md: fal bytedance/seedance-2.0/image-to-video image_url; Input image rules',
};

/** fal Seedance 1.x: fal publishes no own limits; the model's general rules apply. */
export const FAL_1_IMAGE_RULES: ImageRules = {
  ...GENERAL_IMAGE_RULES,
  source: 'providers.md: Input image rules (fal publishes no separate limits for Seedance 1.x)',
};
