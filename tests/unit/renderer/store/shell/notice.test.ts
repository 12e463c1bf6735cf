import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import type { StudioState } from '../../../../../src/renderer/store/index';
import { createShellSlice, NOTICE_MS } from '../../../../../src/renderer/store/shell/slice';

const store = () => create<StudioState>()((...a) => ({ ...createShellSlice(...a) }) as unknown as StudioState);

describe('status-line notices expire (issue 14 "Also")', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('a notice clears itself after NOTICE_MS; a newer one gets its own full time', () => {
    const s = store();
    s.getState().shell.announce('Moved in the queue.');
    vi.advanceTimersByTime(NOTICE_MS - 1);
    expect(s.getState().shell.notice).toBe('Moved in the queue.');
    s.getState().shell.announce('Sent again, as a new job.');
    vi.advanceTimersByTime(NOTICE_MS - 1);
    // The first notice's timer must not clear the second.
    expect(s.getState().shell.notice).toBe('Sent again, as a new job.');
    vi.advanceTimersByTime(1);
    expect(s.getState().shell.notice).toBeNull();
  });

  it('the same words said again start the time again', () => {
    const s = store();
    s.getState().shell.announce('Saved.');
    vi.advanceTimersByTime(NOTICE_MS / 2);
    s.getState().shell.announce('Saved.');
    vi.advanceTimersByTime(NOTICE_MS - 1);
    expect(s.getState().shell.notice).toBe('Saved.');
    vi.advanceTimersByTime(1);
    expect(s.getState().shell.notice).toBeNull();
  });
});
