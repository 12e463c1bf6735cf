import { describe, expect, it } from 'vitest';
import type { ReferenceItem } from '../../../../src/shared/catalog/types';
import {
  addToTray,
  findPromptTags,
  insertTag,
  moveInTray,
  promptTagReport,
  referenceTags,
  removeFromTray,
  renumberPrompt,
} from '../../../../src/shared/drafts/reference-tags';

const id = (c: string) => c.repeat(32);
const img = (c: string): ReferenceItem => ({ kind: 'image', id: id(c) });
const vid = (c: string): ReferenceItem => ({ kind: 'video', id: id(c) });
const aud = (c: string): ReferenceItem => ({ kind: 'audio', id: id(c) });

describe('tags', () => {
  it('are 1-based per kind in array order', () => {
    expect(referenceTags([img('a'), img('b'), vid('c'), aud('d'), aud('e')])).toEqual(['@image1', '@image2', '@video1', '@audio1', '@audio2']);
  });

  it('are found in a prompt whatever their case, but not inside words, e-mail addresses or longer names', () => {
    const prompt = '@Image1 walks past @video2, mail me@image1.com; @imagery @image12x @audio? and @image10.';
    expect(findPromptTags(prompt).map((t) => [t.text, t.kind, t.n])).toEqual([
      ['@Image1', 'image', 1],
      ['@video2', 'video', 2],
      ['@audio?', 'audio', null],
      ['@image10', 'image', 10],
    ]);
  });

  it('report which tags the prompt uses, which have no file, and mentions of removed files', () => {
    const refs = [img('a'), img('b'), vid('c')];
    expect(promptTagReport('@video1 then @image2, again @image2; @image3 and @audio1 and @image? too', refs)).toEqual({
      used: ['@image2', '@video1'],
      missing: ['@image3', '@audio1'],
      removed: ['@image?'],
    });
    expect(promptTagReport('@image0 is never a tag of a file', refs).missing).toEqual(['@image0']);
  });
});

describe('tray edits and the prompt', () => {
  it('adds files at the end of their kind, so no existing tag moves', () => {
    const tray = addToTray([img('a'), vid('b')], [aud('c'), img('d'), vid('e')]);
    expect(tray).toEqual([img('a'), img('d'), vid('b'), vid('e'), aud('c')]);
  });

  it('moves within a kind only, skipping other kinds, and the two tags trade places in the prompt', () => {
    const tray = [img('a'), vid('v'), img('b')]; // Not grouped: the move still finds the next image.
    const edit = moveInTray(tray, 0, 1);
    expect(edit?.references).toEqual([img('b'), vid('v'), img('a')]);
    const prompt = '@image1 (the fox) chases @Image2 (the hare) past @video1';
    const moved = renumberPrompt(prompt, edit?.renumbering ?? {});
    expect(moved).toBe('@image2 (the fox) chases @Image1 (the hare) past @video1');
    // Lossless: moving back restores the exact prompt.
    const back = moveInTray(edit?.references ?? [], 2, -1);
    expect(renumberPrompt(moved, back?.renumbering ?? {})).toBe(prompt);
    expect(moveInTray(tray, 0, -1)).toBeNull();
    expect(moveInTray(tray, 1, 1)).toBeNull(); // The only video.
  });

  it('removes a file: later tags of its kind move up, its own mentions become @image?, other kinds and dangling tags stay', () => {
    const tray = [img('a'), img('b'), img('c'), vid('v')];
    const edit = removeFromTray(tray, 0);
    expect(edit?.references).toEqual([img('b'), img('c'), vid('v')]);
    const prompt = '@image1 hands @image2 a cup; @image3 watches; @video1 plays; @image4 was never there.';
    expect(renumberPrompt(prompt, edit?.renumbering ?? {})).toBe('@image? hands @image1 a cup; @image2 watches; @video1 plays; @image4 was never there.');
    expect(removeFromTray(tray, 9)).toBeNull();
  });

  it('leaves a prompt without tags untouched', () => {
    const prompt = 'A quiet harbour at dawn.';
    expect(renumberPrompt(prompt, removeFromTray([img('a')], 0)?.renumbering ?? {})).toBe(prompt);
  });
});

describe('insertTag', () => {
  it.each([
    ['', 0, 0, '@image1 ', 8],
    ['A fox', 5, 5, 'A fox @image1 ', 14],
    ['A  runs', 2, 2, 'A @image1 runs', 9],
    ['See (x)', 5, 6, 'See (@image1)', 12],
    ['walks to the door.', 13, 17, 'walks to the @image1.', 20],
  ])('%j at %i…%i → %j', (prompt, start, end, out, caret) => {
    expect(insertTag(prompt, start, end, '@image1')).toEqual({ prompt: out, caret });
  });
});
