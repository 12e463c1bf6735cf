import { describe, expect, it } from 'vitest';
import { nextIndex } from '../../../../../src/renderer/views/library/grid-keys';

// 10 clips in rows of 4: 0 1 2 3 / 4 5 6 7 / 8 9
const layout = { columns: 4, total: 10, pageRows: 2 };

describe('nextIndex', () => {
  it('moves by one card across rows and by one row vertically', () => {
    expect(nextIndex('ArrowRight', 3, layout)).toBe(4);
    expect(nextIndex('ArrowLeft', 4, layout)).toBe(3);
    expect(nextIndex('ArrowDown', 1, layout)).toBe(5);
    expect(nextIndex('ArrowUp', 5, layout)).toBe(1);
  });

  it('stays inside the grid', () => {
    expect(nextIndex('ArrowLeft', 0, layout)).toBe(0);
    expect(nextIndex('ArrowRight', 9, layout)).toBe(9);
    expect(nextIndex('ArrowUp', 2, layout)).toBe(2);
    expect(nextIndex('ArrowDown', 9, layout)).toBe(9);
  });

  it('goes down to the last clip from above the short last row', () => {
    expect(nextIndex('ArrowDown', 7, layout)).toBe(9);
    expect(nextIndex('ArrowDown', 6, layout)).toBe(9);
  });

  it('jumps to row ends, the ends of the grid, and by pages', () => {
    expect(nextIndex('Home', 6, layout)).toBe(4);
    expect(nextIndex('End', 5, layout)).toBe(7);
    expect(nextIndex('End', 8, layout)).toBe(9);
    expect(nextIndex('Home', 6, layout, true)).toBe(0);
    expect(nextIndex('End', 1, layout, true)).toBe(9);
    expect(nextIndex('PageDown', 1, layout)).toBe(9);
    expect(nextIndex('PageUp', 9, layout)).toBe(1);
  });

  it('ignores other keys and empty grids', () => {
    expect(nextIndex('a', 1, layout)).toBeNull();
    expect(nextIndex('ArrowRight', 0, { ...layout, total: 0 })).toBeNull();
  });
});
