// The selected finding's outline, as one style rule rather than a prop: moving the selection with
// j / k then changes one <style> element, not the thousands of marks of a long document.
import { findingSelector } from './highlight';

export function SelectedStyle({ selectedId }: { selectedId?: string }) {
  if (!selectedId) return null;
  const is = findingSelector('data-finding-ids', selectedId, true);
  return (
    <style>{`
mark${is} { outline: 3px solid #1f4e9c; outline-offset: 1px; box-shadow: 0 0 0 5px rgba(31, 78, 156, 0.18); }
.page-box${is} { outline: 3px solid #1f4e9c; outline-offset: 2px; box-shadow: 0 0 0 6px rgba(31, 78, 156, 0.25); z-index: 3; }
.aggregate-outline${is} { border-color: #cf1322; border-style: solid; background: rgba(207, 19, 34, 0.04); }
.aggregate-outline.table${is} { outline: 3px solid #cf1322; outline-offset: 3px; }
`}</style>
  );
}
