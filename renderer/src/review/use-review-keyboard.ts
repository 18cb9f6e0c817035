// Every finding is one keystroke from the next: j / ↓ next, k / ↑ previous, n the next one nobody
// has disposed of, 1–4 dispositions.
// Keys typed into a field, or while a dialog is open, belong to that field or dialog.
import { useEffect } from 'react';
import type { DispositionAction } from '../../../shared/records';
import { useMishenStore } from '../store';

const DISPOSITION_BY_KEY: Readonly<Record<string, DispositionAction>> = { '1': 'fixed', '2': 'false-positive', '3': 'keep', '4': 'must-fix' };

function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('[role="dialog"]') !== null;
}

export function useReviewKeyboard(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.altKey || e.metaKey || typingInField(e.target)) return;
      const store = useMishenStore.getState();
      if (e.key === 'j' || e.key === 'ArrowDown') {
        e.preventDefault();
        store.selectNextFinding();
      } else if (e.key === 'k' || e.key === 'ArrowUp') {
        e.preventDefault();
        store.selectPreviousFinding();
      } else if (e.key === 'n') {
        e.preventDefault();
        store.selectNextUndisposed();
      } else if (DISPOSITION_BY_KEY[e.key]) {
        if (!store.selectedFindingId) return;
        e.preventDefault();
        void store.chooseDisposition(DISPOSITION_BY_KEY[e.key]);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}
