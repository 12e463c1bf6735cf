import type { Job } from '../../shared/jobs/job';
import type { ImageService } from '../images/image-service';
import type { Logger } from '../logging/logger';
import type { MediaService } from '../references/media-service';
import type { PreparedImage } from '../providers/types';
import type { NewClipInput, NewInputFile } from './file-inputs';

/** A file behind an image or media id, as main's image or media service records it (px, seconds, bytes). */
export interface SourceFile {
  /** Absolute path of the file as the user gave it (or a pasted one saved in app data). */
  path: string;
  /** File name shown to the user. */
  name: string;
  mime: string;
  bytes: number;
  /** Hex sha256, when the service already has it (the media service hashes what it probes). */
  sha256?: string;
  width?: number;
  height?: number;
  durationSec?: number;
}

/** Where a job's input ids lead: main's image service and media service. */
export interface InputSources {
  /** The original behind an image id (`ImageService.info`). Throws when the id or its file is gone. */
  image(imageId: string): Promise<SourceFile>;
  /** The file behind a reference video or audio media id; absent (those references are then not kept) where there is no media service. */
  media?: (mediaId: string) => Promise<SourceFile>;
}

/** `InputSources.image` backed by main's image service: the imported file, its name, type, size in px and bytes. */
export function imageSource(images: Pick<ImageService, 'info'>): InputSources['image'] {
  return async (imageId) => {
    const info = await images.info(imageId);
    return { path: info.path, name: info.name, mime: info.mime, bytes: info.bytes, width: info.width, height: info.height };
  };
}

/** `InputSources.media` backed by main's media service: the file behind a media id, its name, type, bytes, px and seconds. */
export function mediaSource(media: Pick<MediaService, 'info' | 'locate'>): NonNullable<InputSources['media']> {
  return async (mediaId) => {
    const { info } = await media.info(mediaId);
    const { path, name } = media.locate(mediaId);
    return {
      path,
      name,
      mime: info.mime,
      bytes: info.bytes,
      durationSec: info.durationSec,
      ...(info.video ? { width: info.video.width, height: info.video.height } : {}),
    };
  };
}

/**
 * The inputs of a finished job for its clip: first and last frame (the original with the user's
 * crop, and `prepared`, the processed copy that was sent), then each reference in
 * `params.references` order with its tag (`@image1`, `@video1`… numbered per kind). A source
 * that is gone (the user moved the photo) loses only the original, with a warning; the clip is
 * still filed.
 */
export async function jobInputs(job: Job, prepared: { first?: PreparedImage; last?: PreparedImage }, sources: InputSources, log: Logger): Promise<NewClipInput[]> {
  const out: NewClipInput[] = [];
  const original = async (lookup: (() => Promise<SourceFile>) | null, what: string): Promise<SourceFile | null> => {
    if (!lookup) {
      log.warn('library.input_source_unavailable', { jobId: job.id, what });
      return null;
    }
    try {
      return await lookup();
    } catch (err) {
      log.warn('library.input_source_missing', { jobId: job.id, what, error: err });
      return null;
    }
  };
  const asFile = (source: SourceFile): NewInputFile => {
    const { name: _name, ...file } = source;
    return file;
  };
  const frames = [
    { role: 'first' as const, id: job.params.firstFrame, crop: job.params.firstFrameCrop, sent: prepared.first },
    { role: 'last' as const, id: job.params.lastFrame, crop: job.params.lastFrameCrop, sent: prepared.last },
  ];
  for (const frame of frames) {
    if (!frame.id) continue;
    const source = await original(() => sources.image(frame.id as string), `${frame.role} frame`);
    if (!source && !frame.sent) continue;
    out.push({
      role: frame.role,
      kind: 'image',
      ...(source ? { name: source.name, original: asFile(source) } : {}),
      ...(frame.sent ? { sent: { path: frame.sent.path, sha256: frame.sent.sha256, bytes: frame.sent.bytes, mime: frame.sent.mime } } : {}),
      ...(frame.crop ? { crop: frame.crop } : {}),
    });
  }
  const counts = { image: 0, video: 0, audio: 0 };
  for (const reference of job.params.references ?? []) {
    counts[reference.kind] += 1;
    const tag = `@${reference.kind}${counts[reference.kind]}`;
    if (reference.url) {
      out.push({ role: 'reference', kind: reference.kind, tag, url: reference.url });
      continue;
    }
    const id = reference.id as string;
    const media = sources.media;
    const lookup = reference.kind === 'image' ? () => sources.image(id) : media ? () => media(id) : null;
    const source = await original(lookup, tag);
    if (source) out.push({ role: 'reference', kind: reference.kind, tag, name: source.name, original: asFile(source) });
  }
  return out;
}
