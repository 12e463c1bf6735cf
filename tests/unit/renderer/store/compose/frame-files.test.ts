import { describe, expect, it } from 'vitest';
import type { StudioApi } from '../../../../../src/shared/contract/index';
import type { StudioFiles } from '../../../../../src/shared/contract/files';
import type { Result } from '../../../../../src/shared/contract/result';
import { createStudioClient } from '../../../../../src/renderer/api/client';
import { importImageFile } from '../../../../../src/renderer/store/compose/frame-files';

const IMPORTED = { imageId: 'c'.repeat(32), previewUrl: '/media/x', info: {} };
const TOKEN = 'a'.repeat(32);

/** A bridge whose images domain records what it was sent; `files` is the host's grant, if any. */
function bridge(files?: StudioFiles) {
  const sent: Array<{ verb: string; input: unknown }> = [];
  const answer = (verb: string) => async (input: unknown): Promise<Result<unknown>> => {
    sent.push({ verb, input });
    return { ok: true, data: IMPORTED };
  };
  const api = { images: { import: answer('import'), importBytes: answer('importBytes') } } as unknown as StudioApi;
  return { client: createStudioClient(files ? { ...api, files } : api), sent };
}

const photo = () => new File([new Uint8Array([0xff, 0xd8, 0xff])], 'sunset.jpg', { type: 'image/jpeg' });

describe('importImageFile', () => {
  it('sends a granted file by its token, never its bytes or a path', async () => {
    const granted: File[] = [];
    const { client, sent } = bridge({
      grant: async (file) => {
        granted.push(file);
        return { token: TOKEN };
      },
    });
    const file = photo();
    expect(await importImageFile(client, file)).toEqual(IMPORTED);
    expect(granted).toEqual([file]);
    expect(sent).toEqual([{ verb: 'import', input: { token: TOKEN } }]);
  });
});

describe('createStudioClient files', () => {
  it('answers null, never a rejection, when the bridge has no grant or its grant throws', async () => {
    expect(await bridge().client.files.grant(photo())).toBeNull();
    const throwing = bridge({
      grant: () => {
        throw new Error('not a File');
      },
    });
    expect(await throwing.client.files.grant(photo())).toBeNull();
  });
});
