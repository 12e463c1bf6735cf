import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { PreparedImage } from '../../../../src/main/providers/types';
import { FIXTURE_IMAGES } from '../../../fixtures/images';

const FIXTURES = FIXTURE_IMAGES;

/** A real photo from the shared fixtures, resized to `width` px wide and written as JPEG, as a PreparedImage. */
export async function preparedJpeg(file = 'dragonfly-4224x3168.jpg', width = 640): Promise<PreparedImage & { data: Buffer }> {
  const data = await sharp(join(FIXTURES, file)).rotate().resize({ width }).jpeg({ quality: 80 }).toBuffer();
  const dir = await mkdtemp(join(tmpdir(), 'seedance-providers-'));
  const path = join(dir, file.replace(/\.\w+$/, '.jpg'));
  await writeFile(path, data);
  return { path, mime: 'image/jpeg', bytes: data.length, sha256: createHash('sha256').update(data).digest('hex'), data };
}
