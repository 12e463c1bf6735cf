import { observeElementOffset, useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStudio } from '../../store/index';
import { clipAt } from '../../store/library/paging';
import { ClipCard, ClipCardPlaceholder } from './ClipCard';
import { holdPosters } from './Poster';
import { nextIndex } from './grid-keys';
import { MAX_COMPARE } from '../../store/compare/slice';

/** Smallest card width in px; the grid fits as many columns as the width allows. */
const MIN_CARD = 224;
/** Space between cards, px. */
const GAP = 16;
/** Caption under the poster (two lines of 13–14 px text and padding), px. */
const CAPTION = 62;
/**
 * Rows beyond those in view whose pages are asked for ahead (both ways): at a brisk scroll
 * (~13 rows a second) the next page of clips arrives before its rows come into view, so the grid
 * does not show loading cards.
 */
const PREFETCH_ROWS = 24;
/** Rows rendered beyond those in view, each way, so a scroll finds the next row already made. */
const OVERSCAN_ROWS = 1;
/**
 * ms without a new search before the rows beyond the view are rendered again: while the user types,
 * each keystroke's frame makes only the rows in view (a typist's next key comes within this).
 */
const OVERSCAN_AFTER_MS = 250;

/** Columns, card width and row height (px) for a grid `width` px wide. */
function layoutFor(width: number): { columns: number; rowHeight: number } {
  const columns = Math.max(1, Math.floor((width + GAP) / (MIN_CARD + GAP)));
  const card = (width - GAP * (columns - 1)) / columns;
  return { columns, rowHeight: Math.round((card * 9) / 16 + CAPTION + GAP) };
}

/**
 * The virtualized poster grid (`@tanstack/react-virtual`): rows of as many cards as fit, only the
 * rows in view (plus a few) in the DOM, so 10,000 clips scroll smoothly. It reports the visible
 * clip range, widened by `PREFETCH_ROWS`, to the store, which fetches those pages. Keyboard: one tab stop; arrows, Home/End,
 * PageUp/PageDown move between cards, Enter or Space opens one, 0–5 rate the focused clip, X picks it
 * for Compare (as Ctrl/Cmd+click does; the grid is multi-selectable, a picked card `aria-selected`).
 */
export function ClipGrid({ total }: { total: number }) {
  const pages = useStudio((s) => s.library.pages);
  const open = useStudio((s) => s.library.open);
  const rate = useStudio((s) => s.library.rate);
  const setRange = useStudio((s) => s.library.setRange);
  const picked = useStudio((s) => s.compare.picked);
  const togglePick = useStudio((s) => s.compare.toggle);
  const announce = useStudio((s) => s.shell.announce);
  const { t } = useTranslation('library');
  const scroller = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [focusIndex, setFocusIndex] = useState(0);
  const pendingFocus = useRef<number | null>(null);
  /** Tells the virtualizer the grid's scroll offset now, px (its own listener hears of a scroll only in a later task). */
  const reportOffset = useRef<(offset: number) => void>(() => undefined);
  /** `OVERSCAN_ROWS`, or 0 while a search is being typed (see the filter subscription below). */
  const [overscan, setOverscan] = useState(OVERSCAN_ROWS);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    setWidth(el.clientWidth);
    return () => observer.disconnect();
  }, []);

  const { columns, rowHeight } = layoutFor(width);
  const rowCount = Math.ceil(total / columns);
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan,
    // Render scroll updates in React's normal batch, not synchronously inside each scroll event.
    useFlushSync: false,
    observeElementOffset: (instance, onOffset) => {
      reportOffset.current = (offset) => onOffset(offset, false);
      return observeElementOffset(instance, onOffset);
    },
  });
  // Row height follows the width; the virtualizer keeps estimates until told.
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);

  const rows = virtualizer.getVirtualItems();
  const firstRow = rows[0]?.index ?? 0;
  const lastRow = rows[rows.length - 1]?.index ?? -1;
  const wantFrom = Math.max(0, firstRow - PREFETCH_ROWS) * columns;
  const wantTo = Math.min(total, (lastRow + 1 + PREFETCH_ROWS) * columns) - 1;
  const shown = rows.length * columns;
  useEffect(() => setRange(wantFrom, wantTo, shown), [setRange, wantFrom, wantTo, shown]);

  // A new search or filter shows its first matches: back to the top (`connectLibrary` asks for
  // just the cards shown there first). Told by the store, not by rendering the grid again: a
  // keystroke's render would show the old matches once more, delaying the new ones. Already at
  // the top (every keystroke after the first), nothing is scrolled: scrolling reads the grid's
  // size, which would lay out the page inside the keystroke, before its request is even sent. The
  // virtualizer is told of the new offset at once, so the keystroke's render shows the top rows
  // (its scroll listener would hear of it a task later: one frame of the old rows as loading cards).
  // While the user types, the grid makes only the rows in view; the row below them follows once
  // typing pauses (a quarter of the cards at 1280×800: that much less to render, lay out and paint
  // before each keystroke's narrowed grid shows), and the posters of the new cards start loading
  // only after the frame that shows them (`holdPosters`).
  useLayoutEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = useStudio.subscribe((state, previous) => {
      if (state.library.filters === previous.library.filters) return;
      holdPosters();
      setOverscan(0);
      clearTimeout(timer);
      timer = setTimeout(() => setOverscan(OVERSCAN_ROWS), OVERSCAN_AFTER_MS);
      if (virtualizer.scrollOffset === 0) return;
      virtualizer.scrollToOffset(0);
      reportOffset.current(0);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [virtualizer]);

  // Keep the tab stop on a card that exists: after a new query, or when it scrolled out of the DOM.
  const active = Math.min(focusIndex, Math.max(0, total - 1));
  const activeRendered = active >= firstRow * columns && active < (lastRow + 1) * columns;
  const tabStop = activeRendered ? active : firstRow * columns;

  useEffect(() => {
    if (pendingFocus.current === null) return;
    const el = scroller.current?.querySelector<HTMLElement>(`[data-index="${pendingFocus.current}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      pendingFocus.current = null;
    }
  });

  /** Picks or unpicks a clip for Compare; a fifth is refused, said in the status line. */
  const onPick = useCallback(
    (id: string) => {
      if (!togglePick(id)) announce(t('grid.compareFull', { max: MAX_COMPARE }));
    },
    [togglePick, announce, t],
  );

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      const cell = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
      if (!cell || e.altKey) return;
      const index = Number(cell.dataset.index);
      const clip = clipAt(pages, index);
      if ((e.key === 'Enter' || e.key === ' ') && clip) {
        e.preventDefault();
        void open(clip.id); // The detail shows its own loading and failure.
        return;
      }
      if ((e.key === 'x' || e.key === 'X') && clip && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        onPick(clip.id);
        return;
      }
      if (/^[0-5]$/.test(e.key) && clip && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        void rate(clip.id, Number(e.key)); // Failures come back as a toast.
        return;
      }
      const pageRows = Math.max(1, Math.floor((scroller.current?.clientHeight ?? rowHeight) / rowHeight));
      const next = nextIndex(e.key, index, { columns, total, pageRows }, e.ctrlKey || e.metaKey);
      if (next === null) return;
      e.preventDefault();
      setFocusIndex(next);
      pendingFocus.current = next;
      virtualizer.scrollToIndex(Math.floor(next / columns), { align: 'auto' });
    },
    [pages, open, rate, onPick, columns, total, rowHeight, virtualizer],
  );

  const onOpen = useCallback((id: string) => void open(id), [open]);

  return (
    <div
      ref={scroller}
      className="clip-grid"
      role="grid"
      aria-label={t('grid.label')}
      aria-multiselectable="true"
      aria-rowcount={rowCount}
      aria-colcount={columns}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup" className="clip-grid-sizer" style={{ height: virtualizer.getTotalSize() }}>
        {rows.map((row) => (
          <div
            key={row.key}
            role="row"
            aria-rowindex={row.index + 1}
            className="clip-row"
            style={{ transform: `translateY(${row.start}px)`, height: rowHeight - GAP, gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}
          >
            {Array.from({ length: Math.min(columns, total - row.index * columns) }, (_, col) => {
              const index = row.index * columns + col;
              const clip = clipAt(pages, index);
              // Keyed by column, not by clip: a new search reuses the cards on screen (see `ClipCard`).
              return clip ? (
                <ClipCard
                  key={col}
                  clip={clip}
                  index={index}
                  tabbable={index === tabStop}
                  picked={picked.includes(clip.id)}
                  onOpen={onOpen}
                  onPick={onPick}
                  onFocusIndex={setFocusIndex}
                  t={t}
                />
              ) : (
                <ClipCardPlaceholder key={`i${index}`} index={index} tabbable={index === tabStop} t={t} />
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
