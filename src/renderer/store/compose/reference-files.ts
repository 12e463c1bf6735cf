import type { ReferenceKind } from '../../../shared/catalog/types';
import type { ImportedImage } from '../../../shared/contract/images';
import type { ImportedMedia } from '../../../shared/contract/media';
import type { StudioClient } from '../../api/client';
import { blobToBase64, importImageFile } from './frame-files';
import { i18n } from '../../i18n/index';

const EXTENSIONS: Record<ReferenceKind, readonly string[]> = {
  image: ['jpg', 'jpeg', 'png', 'webp', 'bmp', 'tif', 'tiff', 'gif', 'heic', 'heif', 'avif'],
  video: ['mp4', 'mov', 'm4v', 'webm', 'mkv', 'avi'],
  audio: ['wav', 'mp3', 'm4a', 'aac', 'ogg', 'flac'],
};

/** What the tray's picker offers: every image, video and audio file, by MIME and extension. */
export const REFERENCE_ACCEPT = ['image/*', 'video/*', 'audio/*', ...Object.values(EXTENSIONS).flat().map((e) => `.${e}`)].join(',');

/**
 * The kind of reference a file is, from its MIME type, else its extension; null when it is none of
 * image, video or audio (main still judges the bytes: a `.mp4` that is not a video is refused there).
 */
export function referenceKindOf(file: Pick<File, 'name' | 'type'>): ReferenceKind | null {
  const major = file.type.split('/')[0];
  if (major === 'image' || major === 'video' || major === 'audio') return major;
  const ext = file.name.toLowerCase().split('.').pop() ?? '';
  for (const kind of ['image', 'video', 'audio'] as const) if (EXTENSIONS[kind].includes(ext)) return kind;
  return null;
}

/** Every file in a drop or paste, in order (the tray takes several at once). */
export function filesFrom(data: DataTransfer | null): File[] {
  if (!data) return [];
  const files = Array.from(data.items)
    .filter((item) => item.kind === 'file')
    .map((item) => item.getAsFile())
    .filter((f): f is File => f !== null);
  return files.length ? files : Array.from(data.files);
}

/** The verbs importing a reference needs. */
export type ReferenceImportRequests = {
  images: Pick<StudioClient['images'], 'import' | 'importBytes'>;
  media: Pick<StudioClient['media'], 'import' | 'importBytes'>;
  files: StudioClient['files'];
};

/** An imported reference: an image (images domain, `ImageId`) or a video/audio file (media domain, `MediaId`). */
export type ImportedReference = { kind: 'image'; image: ImportedImage } | { kind: 'video' | 'audio'; media: ImportedMedia };

/**
 * Registers one reference file with main. Images go through the images domain exactly as frames
 * do (`importImageFile`); videos and audio through the media domain, by grant when the host can see
 * the file on disk, else by bytes (`media:importBytes`, the browser harness). Main decides the
 * kind of a video or audio file from its bytes (ffprobe); the answer's `info.kind` wins over the
 * guess. Rejects with main's `StudioClientError`.
 */
export async function importReferenceFile(requests: ReferenceImportRequests, file: File, kind: ReferenceKind): Promise<ImportedReference> {
  if (kind === 'image') return { kind, image: await importImageFile(requests, file) };
  const grant = await requests.files.grant(file);
  const media = grant
    ? await requests.media.import({ token: grant.token })
    : await requests.media.importBytes({ bytes: await blobToBase64(file), name: file.name || i18n.t(`media:file.pasted.${kind}`) });
  return { kind: media.info.kind, media };
}
