import type { ModelEntry } from '../../shared/catalog/types';
import { StudioError } from '../../shared/contract/result';
import type { Job } from '../../shared/jobs/job';
import { ImageError, UnknownImageError } from '../images/errors';
import type { ImageService } from '../images/image-service';
import type { ReferenceFiles } from '../jobs/protocol';
import { UnknownMediaError } from './errors';
import { referenceImageSize } from './image-size';
import type { MediaService } from './media-service';
import { saidOf } from '../../shared/messages/error-said';
import { said } from '../../shared/messages/phrase';

/**
 * Main's side of the engine's `referenceFiles` call: for each of the job's references, in order,
 * an image fixed by the row's reference image rules (`references.images`, providers.md "Input
 * image rules": upright, a format the row takes, sides and ratio inside the bounds, under the byte
 * limit — its own picture, not cropped to the output like a first frame; cached by content, so a
 * retry does not redo it), a media id's file and name (the engine probes and hashes it), or the
 * URL as given. Throws `StudioError('BAD_INPUT')` for an unknown id or an image that cannot be
 * read, so the job fails before anything is sent.
 */
export function referenceFilesWith(deps: { images: ImageService; media: MediaService; catalog: (modelId: string) => ModelEntry | undefined }): (job: Job) => Promise<ReferenceFiles> {
  return async (job) => {
    const entry = deps.catalog(job.params.modelId);
    const rules = entry?.references;
    if (!entry || !rules) throw new StudioError('BAD_INPUT', said('media.noReferences'));
    const { resolution, aspectRatio } = job.params;
    const items: ReferenceFiles['items'] = [];
    try {
      for (const ref of job.params.references ?? []) {
        if (ref.url) items.push({ as: 'url', url: ref.url });
        else if (ref.kind === 'image') {
          const info = await deps.images.info(ref.id!);
          const size = referenceImageSize(info, rules.images);
          const fixed = await deps.images.fix({ imageId: ref.id!, entry: { ...entry, imageRules: rules.images }, resolution, aspectRatio, role: 'first', size });
          items.push({ as: 'image', file: fixed.prepared });
        } else items.push({ as: 'media', ...deps.media.locate(ref.id!) });
      }
    } catch (err) {
      if (err instanceof ImageError || err instanceof UnknownImageError || err instanceof UnknownMediaError) throw new StudioError('BAD_INPUT', saidOf(err));
      throw err;
    }
    return { items };
  };
}
