import { describe, expect, it } from 'vitest';
import { shortcutLabel, viewForShortcut } from '../../../../src/renderer/shell/shortcuts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('viewForShortcut', () => {
  it.each([
    [key('1', { ctrlKey: true }), 'compose'],
    [key('2', { ctrlKey: true }), 'queue'],
    [key('3', { metaKey: true }), 'library'],
    [key('4', { metaKey: true }), 'spend'],
    [key('5', { ctrlKey: true }), 'settings'],
    [key('6', { ctrlKey: true }), null],
    [key('0', { ctrlKey: true }), null],
    [key('1'), null],
    [key('1', { ctrlKey: true, shiftKey: true }), null],
    [key('1', { ctrlKey: true, altKey: true }), null],
    [key('a', { ctrlKey: true }), null],
  ])('%j → %s', (event, expected) => {
    expect(viewForShortcut(event)).toBe(expected);
  });
});

describe('shortcutLabel', () => {
  it('uses ⌘ on macOS and Ctrl elsewhere', () => {
    expect(shortcutLabel('compose', true)).toBe('⌘1');
    expect(shortcutLabel('spend', false)).toBe('Ctrl+4');
    expect(shortcutLabel('settings', false)).toBe('Ctrl+5');
  });
});
