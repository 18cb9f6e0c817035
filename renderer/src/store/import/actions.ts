import { call, errorMessage } from '../../api';
import type { SliceActions } from '../types';
import type { ImportItem } from './initialState';

export interface ImportAction {
  /** Queues the files and reviews them one at a time (one scan at a time keeps the machine responsive). */
  importFiles: (files: readonly File[]) => Promise<void>;
  clearFinishedImports: () => void;
}

let sequence = 0;

export const createImportActions: SliceActions<ImportAction> = (set, get) => {
  const update = (key: string, change: Partial<ImportItem>) =>
    set({ importItems: get().importItems.map((item) => (item.key === key ? { ...item, ...change } : item)) });

  const run = async (queue: readonly { key: string; file: File }[]) => {
    for (const { key, file } of queue) {
      update(key, { status: 'reviewing' });
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const result = await call('documents/import', { name: file.name, bytes }, {});
        if (result.ok) {
          update(key, { status: 'done', verdict: result.document.verdict, documentId: result.document.id });
        } else {
          update(key, { status: 'failed', message: result.message });
        }
      } catch (error) {
        update(key, { status: 'failed', message: errorMessage(error) });
      }
    }
  };

  return {
    importFiles: async (files) => {
      const queue = files.map((file) => ({ key: `import-${++sequence}`, file }));
      set({
        importItems: [...get().importItems, ...queue.map(({ key, file }) => ({ key, name: file.name, size: file.size, status: 'waiting' as const }))],
      });
      // A second drop while a batch runs only joins the list; the running loop is not restarted.
      if (get().importing) {
        pendingQueue.push(...queue);
        return;
      }
      set({ importing: true });
      try {
        await run(queue);
        while (pendingQueue.length > 0) await run(pendingQueue.splice(0));
      } finally {
        set({ importing: false });
      }
    },
    clearFinishedImports: () => set({ importItems: get().importItems.filter((i) => i.status === 'waiting' || i.status === 'reviewing') }),
  };
};

const pendingQueue: { key: string; file: File }[] = [];
