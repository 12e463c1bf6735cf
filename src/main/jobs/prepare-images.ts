import type { ModelEntry } from '../../shared/catalog/types';
import { StudioError } from '../../shared/contract/result';
import type { Job } from '../../shared/jobs/job';
import { ImageError, UnknownImageError } from '../images/errors';
import type { ImageService } from '../images/image-service';
import type { PreparedImage } from '../providers/types';
import type { PrepareImages } from './submitter';
import { saidOf } from '../../shared/messages/error-said';

/**
 * The engine's `prepareImages`, backed by main's image service: fixes the job's first/last frame
 * (by image id) for its model, resolution and aspect ratio — cached by content hash, so a retry
 * never reprocesses. An image the app no longer knows or cannot use becomes
 * `StudioError('BAD_INPUT')` with the image service's plain message (the job fails before any POST).
 */
export function prepareImagesWith(images: ImageService, catalog: (modelId: string) => ModelEntry | undefined): PrepareImages {
  return async (job: Job) => {
    const entry = catalog(job.params.modelId);
    const { firstFrame, lastFrame, firstFrameCrop, lastFrameCrop, resolution, aspectRatio } = job.params;
    if (!entry || (!firstFrame && !lastFrame)) return {};
    const out: { first?: PreparedImage; last?: PreparedImage } = {};
    try {
      if (firstFrame) {
        const crop = firstFrameCrop ? { crop: { kind: 'rect' as const, rect: firstFrameCrop } } : {};
        out.first = (await images.fix({ imageId: firstFrame, entry, resolution, aspectRatio, role: 'first', ...crop })).prepared;
      }
      if (lastFrame) {
        const req = {
          imageId: lastFrame,
          entry,
          resolution,
          aspectRatio,
          role: 'last' as const,
          ...(firstFrame ? { firstImageId: firstFrame } : {}),
          ...(lastFrameCrop ? { crop: { kind: 'rect' as const, rect: lastFrameCrop } } : {}),
        };
        out.last = (await images.fix(req)).prepared;
      }
    } catch (err) {
      if (err instanceof ImageError || err instanceof UnknownImageError) throw new StudioError('BAD_INPUT', saidOf(err));
      throw err;
    }
    return out;
  };
}
