import type { ImportedImage } from '../../../shared/contract/images';
import type { StudioClient } from '../../api/client';

/** The one function the preload (and the harness bridge) add beside the contract. */
interface FilesBridge {
  pathForDroppedFile(file: File): string;
}

/**
 * The full path of a file the user dropped or picked, from the preload's
 * `studio.files.pathForDroppedFile` (Electron's `webUtils.getPathForFile`); '' when there is none
 * — in the browser harness, or for a pasted image.
 */
export function pathForDroppedFile(file: File): string {
  const bridge = (window.studio as unknown as { files?: Partial<FilesBridge> }).files;
  if (typeof bridge?.pathForDroppedFile !== 'function') return '';
  try {
    return bridge.pathForDroppedFile(file);
  } catch {
    return ''; // Not a file from disk: the bytes path below handles it.
  }
}

/** Base64 of a blob's bytes, without the `data:` prefix (FileReader does the encoding natively). */
export function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(blob);
  });
}

/**
 * Registers a dropped, picked or pasted image with main and answers its opaque id: by path when
 * the host can tell it (Electron: nothing is copied), else by bytes (`images:importBytes`). Rejects
 * with main's `StudioClientError` (e.g. `BAD_INPUT` "… is not an image this app can read").
 */
export async function importImageFile(images: Pick<StudioClient['images'], 'import' | 'importBytes'>, file: File): Promise<ImportedImage> {
  const path = pathForDroppedFile(file);
  if (path) return images.import({ path });
  return images.importBytes({ bytes: await blobToBase64(file), name: file.name || 'Pasted image' });
}

/** The first image file in a drop or paste, or null (text, a link, or a non-image file). */
export function imageFileFrom(data: DataTransfer | null): File | null {
  if (!data) return null;
  for (const item of Array.from(data.items)) {
    if (item.kind !== 'file') continue;
    const file = item.getAsFile();
    if (file && (file.type.startsWith('image/') || file.type === '')) return file;
  }
  return data.files[0] ?? null;
}
