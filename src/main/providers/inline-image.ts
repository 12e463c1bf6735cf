import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { PreparedImage } from './types';

/**
 * The image as `data:<mime>;base64,…`, the inline form Novita and ModelArk accept in place of a
 * URL (providers.md, "local images"). Reads the whole file: images are ≤ 30 MB by the rules.
 */
export async function imageDataUrl(image: PreparedImage): Promise<string> {
  const bytes = await readFile(image.path);
  return `data:${image.mime};base64,${bytes.toString('base64')}`;
}

/** A file name for uploads (fal storage, EvoLink files): the processed file's own name. */
export function uploadName(image: PreparedImage): string {
  return basename(image.path);
}
