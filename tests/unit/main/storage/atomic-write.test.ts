import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEMP_MARK, writeFileAtomic } from '../../../../src/main/storage/atomic-write';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'atomic-write-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('replaces the whole file and leaves no temp file behind', async () => {
    const path = join(dir, 'job.json');
    writeFileSync(path, 'old content that is longer than the new one');
    await writeFileAtomic(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['job.json']);
  });

  it('writes owner-only (0600) by default, also over a file that was world-readable, and honours `mode`', async () => {
    const path = join(dir, 'draft.json');
    writeFileSync(path, 'old', { mode: 0o644 });
    await writeFileAtomic(path, 'secret prompt');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    await writeFileAtomic(join(dir, 'shared.txt'), 'x', { mode: 0o640 });
    expect(statSync(join(dir, 'shared.txt')).mode & 0o777).toBe(0o640 & ~process.umask());
  });

  it('keeps the old file and removes its temp file when the rename fails', async () => {
    // A non-empty folder in the target's place makes the rename fail (EISDIR/ENOTEMPTY) after the temp file was written.
    const path = join(dir, 'clip.json');
    mkdirSync(path);
    writeFileSync(join(path, 'keep'), 'old');
    await expect(writeFileAtomic(path, 'new')).rejects.toThrow();
    expect(readFileSync(join(path, 'keep'), 'utf8')).toBe('old');
    expect(readdirSync(dir).filter((n) => n.includes(TEMP_MARK))).toEqual([]);
  });

  it('rejects with the file system error when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'x.json'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
