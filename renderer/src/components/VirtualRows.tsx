// A small windowed list: rows of one fixed height, only those in view (plus a margin) in the DOM, so
// a document with thousands of findings scrolls and walks as fast as one with ten. Keeps the row at
// `scrollToIndex` in view, as scrollIntoView({ block: 'nearest' }) would.
import { useLayoutEffect, useRef, useState, type HTMLAttributes, type ReactNode } from 'react';

interface Props extends HTMLAttributes<HTMLDivElement> {
  readonly rowCount: number;
  readonly rowHeight: number;
  readonly renderRow: (index: number) => ReactNode;
  readonly scrollToIndex?: number;
  /** Rows rendered beyond each edge of the view, so fast scrolling shows no blank band. */
  readonly overscan?: number;
}

/** Used before the container has a size (first render, or jsdom, which has no layout). */
const FALLBACK_VIEW_HEIGHT = 800;

export function VirtualRows({ rowCount, rowHeight, renderRow, scrollToIndex, overscan = 10, ...rest }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: FALLBACK_VIEW_HEIGHT });

  const measure = () => {
    const el = box.current;
    if (el) setView((v) => (v.top === el.scrollTop && v.height === (el.clientHeight || FALLBACK_VIEW_HEIGHT) ? v : { top: el.scrollTop, height: el.clientHeight || FALLBACK_VIEW_HEIGHT }));
  };

  useLayoutEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    measure();
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el || scrollToIndex === undefined || scrollToIndex < 0) return;
    const top = scrollToIndex * rowHeight;
    const height = el.clientHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (height > 0 && top + rowHeight > el.scrollTop + height) el.scrollTop = top + rowHeight - height;
    measure();
  }, [scrollToIndex, rowHeight]);

  const first = Math.max(0, Math.floor(view.top / rowHeight) - overscan);
  const last = Math.min(rowCount, Math.ceil((view.top + view.height) / rowHeight) + overscan);
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) rows.push(renderRow(i));

  return (
    <div {...rest} ref={box} onScroll={measure}>
      <div style={{ height: rowCount * rowHeight, position: 'relative' }}>
        <div style={{ position: 'absolute', top: first * rowHeight, left: 0, right: 0 }}>{rows}</div>
      </div>
    </div>
  );
}
