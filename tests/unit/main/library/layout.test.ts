import { describe, expect, it } from 'vitest';
import { clipFolderName, clipPaths, isClipFolderName, newClipId, slugOfPrompt } from '../../../../src/main/library/layout';
import { ClipId } from '../../../../src/shared/library/sidecar';

describe('library layout', () => {
  it('slugs a prompt to lowercase ASCII words cut at a word boundary', () => {
    expect(slugOfPrompt('A Dragonfly lands — slowly — on the REED, at dawn!')).toBe('a-dragonfly-lands-slowly-on-the-reed-at');
    expect(slugOfPrompt('Café crème brûlée')).toBe('cafe-creme-brulee');
    expect(slugOfPrompt('x'.repeat(100))).toBe('x'.repeat(40));
  });

  it('falls back to "clip" when nothing portable is left', () => {
    expect(slugOfPrompt('東京の夜景')).toBe('clip');
    expect(slugOfPrompt('   ')).toBe('clip');
  });

  it('names folders <yyyy-mm-dd>_<slug>_<id> with the local date', () => {
    const t = new Date(2025, 2, 7, 15, 30).getTime();
    expect(clipFolderName(t, 'Ocean waves at night', 'abc123def0')).toBe('2025-03-07_ocean-waves-at-night_abc123def0');
  });

  it('makes distinct ids that pass the sidecar id rule', () => {
    const ids = new Set(Array.from({ length: 2000 }, newClipId));
    expect(ids.size).toBe(2000);
    for (const id of ids) expect(ClipId.safeParse(id).success).toBe(true);
  });

  it('treats hidden folders and temp names as not clips', () => {
    expect(isClipFolderName('.trash')).toBe(false);
    expect(isClipFolderName('.staging')).toBe(false);
    expect(isClipFolderName('clip.json.1234.tmp')).toBe(false);
    expect(isClipFolderName('2025-03-07_ocean_abc123def0')).toBe(true);
  });

  it('builds input paths from the sidecar: v1 copies in the clip folder, v2 files in the library\'s store', () => {
    const sha = 'a'.repeat(64);
    const paths = clipPaths(
      '/lib/f',
      '/lib',
      {
        inputs: [
          { role: 'first', kind: 'image', sent: { file: 'inputs/first.png', sha256: sha, bytes: 1 } },
          { role: 'reference', kind: 'video', tag: '@video1', original: { file: `.inputs/aa/${sha}.mp4`, sha256: sha, bytes: 1 } },
        ],
      },
      false,
    );
    expect(paths.poster).toBeNull();
    expect(paths.inputs[0]?.sent?.replaceAll('\\', '/')).toBe('/lib/f/inputs/first.png');
    expect(paths.inputs[0]?.original).toBeNull();
    expect(paths.inputs[1]?.original?.replaceAll('\\', '/')).toBe(`/lib/.inputs/aa/${sha}.mp4`);
  });
});
