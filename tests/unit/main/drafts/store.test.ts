import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDraftStore, type DraftStore } from '../../../../src/main/drafts/store';
import { createMemoryLogger } from '../../../../src/main/logging/logger';
import { StudioError } from '../../../../src/shared/contract/result';
import { Draft } from '../../../../src/shared/drafts/draft';

const MODEL = 'novita/seedance-v1-pro-i2v';
const IMAGE = 'a'.repeat(32);

let root: string;
let dir: string;
let log: ReturnType<typeof createMemoryLogger>;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'drafts-'));
  dir = join(root, 'drafts');
  log = createMemoryLogger();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const open = (): DraftStore => createDraftStore({ dir, log, defaultModelId: () => MODEL });
const onDisk = (id: string) => Draft.parse(JSON.parse(readFileSync(join(dir, `${id}.json`), 'utf8')));

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<StudioError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StudioError);
  expect((err as StudioError).code).toBe(code);
  return err as StudioError;
}

describe('draft store', () => {
  it('starts a fresh draft with the default model and its default parameters, and finds it again after a restart', async () => {
    const draft = await open().current();
    expect(draft.modelId).toBe(MODEL);
    // Novita V1 i2v defaults (catalog: 720p, 16:9, 5 s; providers.md "V1 Pro / V1 Lite bodies").
    expect(draft.params).toMatchObject({ resolution: '720p', aspectRatio: '16:9', duration: 5, seed: -1, seedLocked: false });
    expect(onDisk(draft.id)).toEqual(draft);
    expect(await open().current()).toEqual(draft);
  });

  it('saves a draft with a new updatedAt and restores every field after a restart', async () => {
    const store = open();
    const draft = await store.current();
    const edited: Draft = {
      ...draft,
      updatedAt: 0,
      prompt: 'A nuthatch says "hello".',
      params: { ...draft.params, duration: 10, seed: 42, seedLocked: true },
      firstFrame: { imageId: IMAGE, crop: { left: 10, top: 20, width: 1600, height: 900 } },
      lastFrame: { imageId: 'b'.repeat(32) },
      variations: { count: 3, seedList: '11, 22, 33' },
    };
    const saved = await store.save(edited);
    expect(saved.updatedAt).toBeGreaterThan(0);
    expect({ ...saved, updatedAt: 0 }).toEqual(edited);
    expect(await open().current()).toEqual(saved);
  });

  it('opens a draft saved before Generate ×N was kept as one take, and keeps ×3 with its seeds once saved', async () => {
    const store = open();
    const draft = await store.current();
    const { variations: _none, ...older } = { ...draft, prompt: 'a heron at dawn' };
    writeFileSync(join(dir, `${draft.id}.json`), JSON.stringify(older));
    const reopened = await open().current();
    expect(reopened).toEqual({ ...older, variations: { count: 1, seedList: '' } });
    await open().save({ ...reopened, variations: { count: 3, seedList: '11, 22, 33' } });
    expect((await open().current()).variations).toEqual({ count: 3, seedList: '11, 22, 33' });
  });

  it('writes atomically: a reader polling the file during 40 saves never sees a partial file, and no temp file is left', async () => {
    const store = open();
    const draft = await store.current();
    const path = join(dir, `${draft.id}.json`);
    let reading = true;
    let reads = 0;
    const reader = (async () => {
      while (reading) {
        const text = await readFile(path, 'utf8');
        Draft.parse(JSON.parse(text)); // Throws on a torn or truncated file.
        reads += 1;
      }
    })();
    // Long prompts make each write take several syscalls, so a non-atomic writer would be caught.
    const saves = Array.from({ length: 40 }, (_, i) => store.save({ ...draft, prompt: `${i} `.repeat(4000) }));
    await Promise.all(saves);
    reading = false;
    await reader;
    expect(reads).toBeGreaterThan(0);
    // Operations run in order: the last save wins.
    expect(onDisk(draft.id).prompt.startsWith('39 ')).toBe(true);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('answers UNAVAILABLE in plain words when the folder cannot be written (root ignores chmod, so a file stands in its place)', async () => {
    const draft = await open().current();
    rmSync(dir, { recursive: true, force: true });
    writeFileSync(dir, 'a file where the drafts folder should be');
    const store = createDraftStore({ dir, log, defaultModelId: () => MODEL });
    const err = await rejectsWith(store.save({ ...draft, prompt: 'not lost: the window keeps it' }), 'UNAVAILABLE');
    expect(err.message).toMatch(/^The draft could not be saved \(E[A-Z]+\)\. Your text stays in the window/);
    expect(err.message).not.toContain(dir);
    expect(log.lines.some((l) => l.event === 'drafts.io_failed')).toBe(true);
  });

  it('keeps a corrupt current draft aside as .corrupt (never deleted) and starts a fresh one', async () => {
    const first = await open().current();
    const path = join(dir, `${first.id}.json`);
    writeFileSync(path, '{"id": "half a draft", "prom');
    const fresh = await open().current();
    expect(fresh.id).not.toBe(first.id);
    expect(fresh.prompt).toBe('');
    expect(existsSync(path)).toBe(false);
    expect(readFileSync(`${path}.corrupt`, 'utf8')).toBe('{"id": "half a draft", "prom');
    expect(log.lines.some((l) => l.event === 'drafts.corrupt_file_moved' && l.level === 'warn')).toBe(true);
    // A second damaged copy of the same name does not overwrite the first one kept aside.
    writeFileSync(path, 'not json either');
    await rejectsWith(open().open(first.id), 'NOT_FOUND');
    expect(readFileSync(`${path}.corrupt`, 'utf8')).toBe('{"id": "half a draft", "prom');
    expect(readdirSync(dir).filter((n) => n.startsWith(`${first.id}.json.`) && n.endsWith('.corrupt'))).toHaveLength(2);
  });

  it('treats valid JSON of the wrong shape as corrupt too (validated on every read)', async () => {
    const first = await open().current();
    const path = join(dir, `${first.id}.json`);
    writeFileSync(path, JSON.stringify({ ...first, params: { ...first.params, duration: 'five' }, firstFrame: { imageId: '../../etc/passwd' } }));
    const fresh = await open().current();
    expect(fresh.id).not.toBe(first.id);
    expect(existsSync(`${path}.corrupt`)).toBe(true);
  });

  it('keeps a corrupt pointer aside and starts fresh', async () => {
    await open().current();
    writeFileSync(join(dir, 'current.json'), '\u0000\u0000');
    const fresh = await open().current();
    expect(fresh.modelId).toBe(MODEL);
    expect(existsSync(join(dir, 'current.json.corrupt'))).toBe(true);
  });
});

describe('draft list, open and create', () => {
  it('create starts a new current draft; the previous one stays in the list, newest first; blank ones are dropped', async () => {
    let now = 1000;
    const store = createDraftStore({ dir, log, defaultModelId: () => MODEL, now: () => (now += 1000) });
    const blank = await store.current();
    const a = await store.create();
    // A blank draft that stops being current is removed: it held nothing.
    expect(existsSync(join(dir, `${blank.id}.json`))).toBe(false);
    await store.save({ ...a, prompt: 'first idea' });
    const b = await store.create();
    await store.save({ ...b, prompt: 'second idea' });
    const c = await store.create();
    expect((await store.current()).id).toBe(c.id);
    const list = await store.list();
    expect(list.map((d) => d.prompt)).toEqual(['second idea', 'first idea']);
    expect(list.some((d) => d.id === c.id)).toBe(false);
  });

  it('open makes an older draft current and keeps the one left in the list; an unknown id is NOT_FOUND', async () => {
    const store = open();
    const a = await store.save({ ...(await store.current()), prompt: 'older' });
    const b = await store.create({ prompt: 'newer' });
    const opened = await store.open(a.id);
    expect(opened.prompt).toBe('older');
    expect((await open().current()).id).toBe(a.id);
    expect((await store.list()).map((d) => d.id)).toEqual([b.id]);
    await rejectsWith(store.open('0000000000-no-such-draft'), 'NOT_FOUND');
  });

  it('create from a reused clip fits its parameters to the model and keeps its frames', async () => {
    const store = open();
    const draft = await store.create({
      modelId: 'novita/seedance-v1-pro-i2v',
      prompt: 'again',
      // Novita V1 takes 5 or 10 s and no `adaptive` ratio: both fall back to the model's defaults.
      params: { duration: 7, aspectRatio: 'adaptive', seed: 1234, seedLocked: true, resolution: '1080p' },
      firstFrame: { imageId: IMAGE },
    });
    expect(draft.params).toMatchObject({ duration: 5, aspectRatio: '16:9', seed: 1234, seedLocked: true, resolution: '1080p' });
    expect(draft.firstFrame).toEqual({ imageId: IMAGE });
    expect(onDisk(draft.id)).toEqual(draft);
  });

  it('moves a corrupt older draft aside while listing', async () => {
    const store = open();
    const a = await store.save({ ...(await store.current()), prompt: 'older' });
    await store.create();
    writeFileSync(join(dir, `${a.id}.json`), '[');
    expect(await store.list()).toEqual([]);
    expect(existsSync(join(dir, `${a.id}.json.corrupt`))).toBe(true);
  });
});
