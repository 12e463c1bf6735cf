import { describe, expect, it } from 'vitest';
import type { StudioApi } from '../../../../../src/shared/contract/index';
import type { Result } from '../../../../../src/shared/contract/result';
import { Draft } from '../../../../../src/shared/drafts/draft';
import { createStudioClient } from '../../../../../src/renderer/api/client';
import { addReferenceFiles, addReferenceUrl } from '../../../../../src/renderer/store/compose/reference-actions';
import type { ComposeRequests } from '../../../../../src/renderer/store/compose/slice';
import { useStudio } from '../../../../../src/renderer/store/index';
import { mixedRow, referenceRow } from '../../../shared/drafts/reference-row';
import { installFileReader } from '../../node-file-reader';

installFileReader();

const id = (n: number) => n.toString(16).padStart(32, '0');

/**
 * The real client over a bridge that answers as main's image and media services would (the media
 * service refuses a file that is not media, as ffprobe would), recording what it was sent.
 */
function connect(modelId: string) {
  const sent: string[] = [];
  let n = 0;
  const ok = (data: unknown): Result<unknown> => ({ ok: true, data });
  const api = {
    images: {
      importBytes: async ({ name }: { name: string }) => {
        sent.push(`images:importBytes ${name}`);
        return ok({ imageId: id(++n), previewUrl: 'data:,', info: { name, width: 800, height: 600, bytes: 3 } });
      },
    },
    media: {
      importBytes: async ({ name }: { name: string }) => {
        sent.push(`media:importBytes ${name}`);
        if (name.endsWith('.wav') && name.startsWith('broken')) return { ok: false, error: { code: 'BAD_INPUT', message: 'This is not a video or audio file the app can read.' } };
        const kind = name.endsWith('.wav') ? 'audio' : 'video';
        return ok({ mediaId: id(++n), previewUrl: null, info: { kind, name, format: kind === 'audio' ? 'wav' : 'mov', container: kind === 'audio' ? 'wav' : 'mp4', mime: '', bytes: 3, durationSec: 4 } });
      },
    },
  } as unknown as StudioApi;
  const client = createStudioClient(api);
  const models = [referenceRow(), mixedRow()].map((m) => ({ ...m, available: true }));
  useStudio.getState().models.setList({ demo: true, models });
  useStudio.getState().compose.setRequests({ images: client.images, media: client.media, files: client.files } as unknown as ComposeRequests);
  useStudio.getState().compose.loaded(Draft.parse({ id: 'draft-0001', updatedAt: 0, modelId, prompt: '', params: { resolution: '720p', aspectRatio: '16:9', duration: 5 } }));
  return sent;
}

const file = (name: string, type: string) => new File([new Uint8Array([1, 2, 3])], name, { type });

describe('addReferenceFiles', () => {
  it('imports several files at once — images by the images domain, video and audio by media — and adds them in tag order', async () => {
    const sent = connect(referenceRow().id);
    await addReferenceFiles(useStudio, [file('voice.wav', 'audio/wav'), file('a.jpg', 'image/jpeg'), file('walk.mp4', 'video/mp4'), file('b.png', 'image/png')]);
    expect(sent.sort()).toEqual(['images:importBytes a.jpg', 'images:importBytes b.png', 'media:importBytes voice.wav', 'media:importBytes walk.mp4']);
    const { draft, referenceImport, media, images } = useStudio.getState().compose;
    expect(draft?.references.map((r) => r.kind)).toEqual(['image', 'image', 'video', 'audio']);
    // Drop order is kept within a kind: a.jpg is @image1.
    expect(draft?.references[0]?.id && images[draft.references[0].id]?.info?.name).toBe('a.jpg');
    expect(Object.values(media).map((m) => m.info.name).sort()).toEqual(['voice.wav', 'walk.mp4']);
    expect(referenceImport).toEqual({ pending: 0, errors: [] });
  });

  it('names each file it could not take and still adds the others', async () => {
    const sent = connect(referenceRow().id);
    await addReferenceFiles(useStudio, [file('notes.txt', 'text/plain'), file('broken.wav', 'audio/wav'), file('a.jpg', 'image/jpeg')]);
    expect(sent.sort()).toEqual(['images:importBytes a.jpg', 'media:importBytes broken.wav']);
    expect(useStudio.getState().compose.draft?.references).toHaveLength(1);
    expect(useStudio.getState().compose.referenceImport.errors).toEqual([
      'notes.txt is not an image, a video or an audio file.',
      'broken.wav: This is not a video or audio file the app can read.',
    ]);
  });

  it('refuses a local video where the row takes videos only by URL, and takes the URL instead', async () => {
    const sent = connect(mixedRow().id);
    await addReferenceFiles(useStudio, [file('walk.mp4', 'video/mp4')]);
    expect(sent).toEqual([]);
    expect(useStudio.getState().compose.referenceImport.errors[0]).toMatch(/^walk\.mp4: Seedance 2\.0 \(test\) takes reference videos only by public URL/);
    expect(addReferenceUrl(useStudio, 'http://example.com/walk.mp4')).toBe('Give a public https:// address the service can fetch.');
    expect(addReferenceUrl(useStudio, ' https://example.com/walk.mp4 ')).toBeNull();
    expect(useStudio.getState().compose.draft?.references).toEqual([{ kind: 'video', url: 'https://example.com/walk.mp4' }]);
  });
});
