// Brings the selected finding's mark or box into view in a pane whenever it, or what the pane
// shows (`deps`), changes. `scope` narrows the search: the visible tab of a tabbed pane.
import { useEffect, useRef } from 'react';
import { findingSelector } from './highlight';

export function useScrollToSelected<T extends HTMLElement>(selectedId: string | undefined, deps: readonly unknown[], scope = '') {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (!selectedId || !ref.current) return;
    const mark = ref.current.querySelector<HTMLElement>(`${scope}${findingSelector('data-finding-ids', selectedId, true)}`);
    mark?.scrollIntoView?.({ block: 'center', behavior: 'smooth' });
    // The caller names what the pane shows; the hook cannot know it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId, scope, ...deps]);
  return ref;
}
