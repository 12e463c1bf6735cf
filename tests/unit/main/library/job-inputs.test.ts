import { describe, expect, it } from 'vitest';
import { jobInputs, type SourceFile } from '../../../../src/main/library/job-inputs';
import { createMemoryLogger } from '../../../../src/main/logging/logger';
import type { Job } from '../../../../src/shared/jobs/job';

const id = (c: string) => c.repeat(32);
const file = (name: string, kind: 'image' | 'video' | 'audio'): SourceFile => ({ path: `/src/${name}`, name, mime: kind === 'image' ? 'image/jpeg' : kind === 'video' ? 'video/mp4' : 'audio/wav', bytes: 10 });
const files: Record<string, SourceFile> = { [id('1')]: file('a.jpg', 'image'), [id('2')]: file('b.jpg', 'image'), [id('3')]: file('c.mp4', 'video'), [id('4')]: file('d.wav', 'audio') };
const lookup = async (key: string) => {
  const found = files[key];
  if (!found) throw new Error('unknown id');
  return found;
};

/** A job as the deliver hook sees it; `jobInputs` reads only its id and params. */
const job = (params: Partial<Job['params']>) => ({ id: 'job-1', params: { modelId: 'm', prompt: 'p', resolution: '720p', aspectRatio: '16:9', duration: 5, ...params } }) as Job;

describe('jobInputs', () => {
  it('numbers references per kind in tag order, keeps URLs as they are, and puts frames first with their crops', async () => {
    const inputs = await jobInputs(
      job({
        firstFrame: id('1'),
        firstFrameCrop: { left: 1, top: 2, width: 30, height: 40 },
        references: [{ kind: 'image', id: id('2') }, { kind: 'video', url: 'https://example.com/v.mp4' }, { kind: 'video', id: id('3') }, { kind: 'audio', id: id('4') }, { kind: 'image', id: id('1') }],
      }),
      { first: { path: '/cache/sent.jpg', mime: 'image/jpeg', bytes: 5, sha256: 'f'.repeat(64) } },
      { image: lookup, media: lookup },
      createMemoryLogger(),
    );
    expect(inputs.map((i) => [i.role, i.tag, i.name ?? i.url])).toEqual([
      ['first', undefined, 'a.jpg'],
      ['reference', '@image1', 'b.jpg'],
      ['reference', '@video1', 'https://example.com/v.mp4'],
      ['reference', '@video2', 'c.mp4'],
      ['reference', '@audio1', 'd.wav'],
      ['reference', '@image2', 'a.jpg'],
    ]);
    expect(inputs[0]).toMatchObject({ crop: { left: 1, top: 2, width: 30, height: 40 }, original: { path: '/src/a.jpg' }, sent: { path: '/cache/sent.jpg', sha256: 'f'.repeat(64) } });
    expect(inputs[0]?.original).not.toHaveProperty('name');
  });

  it('keeps the sent frame when its original is gone, and leaves out what has nothing to keep', async () => {
    const log = createMemoryLogger();
    const inputs = await jobInputs(
      job({ firstFrame: id('9'), lastFrame: id('8'), references: [{ kind: 'video', id: id('3') }] }),
      { first: { path: '/cache/sent.jpg', mime: 'image/jpeg', bytes: 5, sha256: 'f'.repeat(64) } },
      { image: lookup }, // no media service: the video reference is not kept
      log,
    );
    expect(inputs).toEqual([{ role: 'first', kind: 'image', sent: { path: '/cache/sent.jpg', sha256: 'f'.repeat(64), bytes: 5, mime: 'image/jpeg' } }]);
  });
});
