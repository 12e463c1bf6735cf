import { createHash } from 'node:crypto';
import { link, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashFile } from '../../../src/main/library/disk';
import { createLibrary, type Library } from '../../../src/main/library/library';
import { createMemoryLogger } from '../../../src/main/logging/logger';
import { SIDECAR_SCHEMA_VERSION, type ClipSidecar } from '../../../src/shared/library/sidecar';
import { makeSidecars, writeLibrary } from '../../unit/main/library/sidecar-factory';
import { makeTestMp4 } from './media';

const N = 10_000;

/** Every file under `dir` (recursively) with its sha256, so "left untouched" can be checked byte for byte. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[relative(dir, path)] = createHash('sha256').update(await readFile(path)).digest('hex');
  }
  return out;
}

describe(`library index over ${N.toLocaleString('en')} generated clips plus damaged and foreign files`, () => {
  let work: string;
  let root: string;
  let sidecars: ClipSidecar[];
  let library: Library;
  const log = createMemoryLogger();
  const bad: Record<string, string> = {};
  const before: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'lib-10k-'));
    root = join(work, 'lib');
    const mp4 = join(work, 'real.mp4');
    await makeTestMp4(mp4);
    const facts = await hashFile(mp4);
    sidecars = makeSidecars(N, 1, facts);
    const folders = await writeLibrary(root, sidecars, mp4);
    const good = JSON.stringify(sidecars[0], null, 2);
    const sample = sidecars[1] as ClipSidecar;

    // Damaged and foreign things a real library folder collects; each must be skipped and left as is.
    const addFolder = async (name: string, files: Record<string, string | Buffer | 'video'>, reason: string) => {
      await mkdir(join(root, name), { recursive: true });
      for (const [file, content] of Object.entries(files)) {
        if (content === 'video') await link(mp4, join(root, name, file));
        else await writeFile(join(root, name, file), content);
      }
      bad[name] = reason;
    };
    await addFolder('2025-01-01_corrupt_bad0000001', { 'clip.json': '{not json at all', 'clip.mp4': 'video' }, 'not_json');
    await addFolder('2025-01-01_truncated_bad0000002', { 'clip.json': good.slice(0, good.length / 2), 'clip.mp4': 'video' }, 'not_json');
    await addFolder(
      '2025-01-01_half-video_bad0000003',
      { 'clip.json': JSON.stringify({ ...sample, id: 'bad0000003' }), 'clip.mp4': (await readFile(mp4)).subarray(0, 5000) },
      'partial_video',
    );
    await addFolder('2025-01-01_no-video_bad0000004', { 'clip.json': JSON.stringify({ ...sample, id: 'bad0000004' }) }, 'no_video');
    await addFolder('2025-01-01_future_bad0000005', { 'clip.json': JSON.stringify({ ...sample, id: 'bad0000005', schemaVersion: SIDECAR_SCHEMA_VERSION + 1 }), 'clip.mp4': 'video' }, 'foreign');
    await addFolder('some-node-project', { 'clip.json': '{"name":"not-a-clip","version":"1.0.0"}', 'clip.mp4': 'video' }, 'foreign');
    await addFolder(
      '2025-01-01_escape_bad0000006',
      {
        'clip.json': JSON.stringify({ ...sample, id: 'bad0000006', inputs: [{ role: 'first', file: '../../etc/passwd', sha256: 'a'.repeat(64), bytes: 1, width: 1, height: 1 }] }),
        'clip.mp4': 'video',
      },
      'foreign',
    );
    await addFolder(
      'Holiday photos',
      { 'IMG_0001.jpg': await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3a7' } }).jpeg().toBuffer(), 'notes.txt': 'mine' },
      'no_sidecar',
    );
    await addFolder('2025-01-01_copying_bad0000007', { 'clip.mp4.part': 'half a download' }, 'no_sidecar');
    // A second copy of a generated clip under another name: the original (named after its id) wins.
    const dupFolder = 'copy of clip 5';
    await addFolder(dupFolder, { 'clip.json': JSON.stringify(sidecars[5]), 'clip.mp4': 'video' }, 'duplicate');
    await writeFile(join(root, 'README.txt'), 'loose file in the library root');
    await link(mp4, join(root, 'loose.mp4'));
    expect(folders).toHaveLength(N);

    for (const name of [...Object.keys(bad)]) before[name] = await snapshot(join(root, name));
    before['(root files)'] = { 'README.txt': await hashFile(join(root, 'README.txt')).then((h) => h.sha256), 'loose.mp4': await hashFile(join(root, 'loose.mp4')).then((h) => h.sha256) };

    library = createLibrary({ libraryDir: root, framesDir: join(work, 'frames'), log, watch: false });
    await library.ready;
  }, 300_000);

  afterAll(async () => {
    await library?.dispose();
    await rm(work, { recursive: true, force: true });
  });

  it('indexes every valid clip and nothing else', async () => {
    const all = await library.list({ limit: 1 });
    expect(all.total).toBe(N);
    for (const i of [0, 1, 2, 5, 1234, 5000, 9999]) {
      const clip = await library.get((sidecars[i] as ClipSidecar).id);
      expect(clip.sidecar).toEqual(sidecars[i]);
    }
    await expect(library.get('bad0000003')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await library.get('gen00000005')).folder).not.toBe('copy of clip 5');
  });

  it('counts per provider and rating match the generated sidecars', async () => {
    for (const provider of ['novita', 'fal', 'evolink', 'ark'] as const) {
      const expected = sidecars.filter((s) => s.provider === provider).length;
      expect((await library.list({ filters: { provider: [provider] }, limit: 1 })).total, provider).toBe(expected);
    }
    const expected = sidecars.filter((s) => s.rating >= 3 && s.tags.some((t) => t.toLowerCase().startsWith('hero'))).length;
    expect(expected).toBeGreaterThan(0);
    expect((await library.list({ query: 'Hero', filters: { minRating: 3 }, limit: 1 })).total).toBe(expected);
  });

  it('pages through the whole library in date order without gaps or repeats', async () => {
    const seen: string[] = [];
    for (let offset = 0; offset < N; offset += 500) seen.push(...(await library.list({ offset, limit: 500, sort: { by: 'date', dir: 'asc' } })).items.map((c) => c.id));
    expect(seen).toEqual([...sidecars].sort((a, b) => a.createdAt - b.createdAt).map((s) => s.id));
  });

  it('skips each damaged or foreign folder with a warning naming the reason', () => {
    const warnings = log.lines.filter((l) => l.level === 'warn');
    for (const [folder, reason] of Object.entries(bad)) {
      if (reason === 'duplicate') {
        expect(warnings.some((w) => w.event === 'library.duplicate_id' && w.skipped === folder), folder).toBe(true);
      } else {
        expect(warnings.find((w) => w.event === 'library.skipped' && w.folder === folder)?.reason, folder).toBe(reason);
      }
    }
  });

  it('leaves every skipped file byte-for-byte as it was, even after a rescan', async () => {
    await library.refresh();
    for (const name of Object.keys(bad)) expect(await snapshot(join(root, name)), name).toEqual(before[name]);
    expect((await hashFile(join(root, 'README.txt'))).sha256).toBe(before['(root files)']?.['README.txt']);
    expect((await hashFile(join(root, 'loose.mp4'))).sha256).toBe(before['(root files)']?.['loose.mp4']);
  });
});
