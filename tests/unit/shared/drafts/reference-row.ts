import { findModel } from '../../../../src/shared/catalog/models';
import { EVOLINK_IMAGE_RULES } from '../../../../src/shared/catalog/image-rules';
import type { ModelEntry, ReferenceRules } from '../../../../src/shared/catalog/types';

/**
 * Reference rules as EvoLink documents them for `seedance-2.0-reference-to-video` (providers.md
 * "Seedance 2.0 reference-to-video", EvoLink table), built here for the tray's tests: the
 * catalogue's own rows come with refs-core.
 */
export const EVOLINK_REFERENCE_RULES: ReferenceRules = {
  maxImages: 9,
  images: EVOLINK_IMAGE_RULES,
  imageTransport: 'upload',
  videos: {
    max: 3,
    formats: ['mp4', 'mov'],
    minSeconds: 2,
    maxSeconds: 15,
    totalMaxSeconds: 15,
    maxBytes: 50 * 1024 * 1024,
    minPixels: 409_600,
    maxPixels: 2_086_876,
    minFps: 24,
    maxFps: 60,
    transport: 'upload',
    source: 'providers.md: Seedance 2.0 reference-to-video, EvoLink table',
  },
  audios: {
    max: 3,
    formats: ['wav', 'mp3'],
    minSeconds: 2,
    maxSeconds: 15,
    totalMaxSeconds: 15,
    maxBytes: 15 * 1024 * 1024,
    transport: 'upload',
    source: 'providers.md: Seedance 2.0 reference-to-video, EvoLink table',
  },
  audioNeedsVisual: true,
  excludesFrames: true,
  source: 'providers.md: Seedance 2.0 reference-to-video',
};

/** A reference-only row shaped like EvoLink's, from the 2.0 image-to-video row's parameters. */
export function referenceRow(): ModelEntry {
  const base = findModel('evolink/seedance-2.0-image-to-video');
  if (!base) throw new Error('the catalog lost evolink/seedance-2.0-image-to-video');
  return { ...base, id: 'test/seedance-2.0-reference-to-video', name: 'Seedance 2.0 · reference to video', modes: ['reference-to-video'], references: EVOLINK_REFERENCE_RULES };
}

/** A row taking frames and references (as ModelArk 2.0 does), videos by public URL only. */
export function mixedRow(): ModelEntry {
  const base = findModel('ark/dreamina-seedance-2-0-260128') ?? findModel('evolink/seedance-2.0-image-to-video');
  if (!base) throw new Error('no 2.0 row to build on');
  return {
    ...base,
    id: 'test/mixed-2.0',
    name: 'Seedance 2.0 (test)',
    modes: ['text-to-video', 'image-to-video', 'first-last-frame', 'reference-to-video'],
    references: { ...EVOLINK_REFERENCE_RULES, videos: { ...EVOLINK_REFERENCE_RULES.videos, transport: 'public-url' } },
  };
}
