/**
 * The scrolling body of a virtualised table (the ledger, the event browser): only the visible
 * rows exist in the DOM (TanStack Virtual), each a CSS grid row under the table's header; rows
 * whose page has not arrived say "Loading…". Tells `request` which rows are in view.
 */
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import Box from '@mui/material/Box';
import type { SxProps, Theme } from '@mui/material/styles';
import { useVirtualizer } from '@tanstack/react-virtual';

export const ROW_H = 30;

export interface VirtualRowsProps<T> {
  count: number;
  row: (index: number) => T | undefined;
  request: (start: number, end: number) => void;
  /** The grid's `grid-template-columns`, the same as the header's. */
  grid: string;
  /** The least height (px); a tall window gives the rows the rest of it, down to its bottom edge. */
  height: number;
  testId: string;
  children: (row: T) => ReactNode;
  rowSx?: (row: T) => SxProps<Theme>;
  onRowClick?: (row: T) => void;
}

export function VirtualRows<T>({ count, row, request, grid, height, testId, children, rowSx, onRowClick }: VirtualRowsProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const filled = useFillHeight(scroller, height);
  const v = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => ROW_H, overscan: 12 });
  const items = v.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => request(first, last), [first, last, request]);
  return (
    <Box ref={scroller} data-testid={testId} sx={{ height: filled, overflowY: 'auto', overflowX: 'hidden', contain: 'strict' }}>
      <Box role="rowgroup" sx={{ height: v.getTotalSize(), position: 'relative' }}>
        {items.map((it) => {
          const r = row(it.index);
          return (
            <Box
              role="row"
              aria-rowindex={it.index + 2}
              key={it.key}
              onClick={r !== undefined && onRowClick ? () => onRowClick(r) : undefined}
              sx={[
                {
                  position: 'absolute', top: 0, left: 0, right: 0, height: ROW_H, transform: `translateY(${it.start}px)`,
                  display: 'grid', gridTemplateColumns: grid, alignItems: 'center', fontSize: 13, borderBottom: 1, borderColor: 'divider',
                },
                ...(r !== undefined && rowSx ? [rowSx(r)] : []),
              ] as SxProps<Theme>}
            >
              {r !== undefined ? (
                children(r)
              ) : (
                <Box role="cell" sx={{ gridColumn: '1 / -1', px: 1, color: 'text.disabled' }}>
                  Loading…
                </Box>
              )}
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}

/** Room below the rows: the card's padding and a margin, so the table ends above the window's edge. */
const BOTTOM_GAP = 40;

/**
 * `min`, or the window's height below the element when that is more: at 1920×1080 the ledger
 * fills the window instead of stopping at 440 px over empty space. Measured when the table
 * appears and when the window is resized (not on scroll, so the table does not jump).
 */
function useFillHeight(el: RefObject<HTMLElement | null>, min: number): number {
  const [height, setHeight] = useState(min);
  useEffect(() => {
    const measure = (): void => {
      const top = el.current?.getBoundingClientRect().top;
      setHeight(top === undefined ? min : Math.max(min, Math.floor(window.innerHeight - top - BOTTOM_GAP)));
    };
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [el, min]);
  return height;
}
