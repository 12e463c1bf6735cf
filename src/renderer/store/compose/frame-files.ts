import type { ImportedImage } from '../../../shared/contract/images';
import type { StudioClient } from '../../api/client';
import { i18n } from '../../i18n/index';

/** Base64 of a blob's bytes, without the `data:` prefix (FileReader does the encoding natively). */
export function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error(i18n.t('media:file.unreadable')));
    reader.readAsDataURL(blob);
  });
}

/**
 * Registers a dropped, picked or pasted image with main and answers its opaque id. A file the user
 * gave from disk goes by grant (`files.grant`, then `images:import` with the token: nothing is
 * copied, and the page never learns the path); a file with no grant — a paste, or any file in the
 * browser harness — goes by its bytes (`images:importBytes`). Rejects with main's
 * `StudioClientError` (e.g. `BAD_INPUT` "… is not an image this app can read").
 */
export async function importImageFile(
  requests: { images: Pick<StudioClient['images'], 'import' | 'importBytes'>; files: StudioClient['files'] },
  file: File,
): Promise<ImportedImage> {
  const grant = await requests.files.grant(file);
  if (grant) return requests.images.import({ token: grant.token });
  return requests.images.importBytes({ bytes: await blobToBase64(file), name: file.name || i18n.t('media:file.pasted.image') });
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
