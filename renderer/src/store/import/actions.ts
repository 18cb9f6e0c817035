import { call, errorMessage } from '../../api';
import type { SliceActions } from '../types';
import type { ImportItem, ImportRequest } from './initialState';

export interface ImportAction {
  /** Queues the files and reviews them one at a time (one scan at a time keeps the machine responsive). */
  importFiles: (requests: readonly ImportRequest[]) => Promise<void>;
  clearFinishedImports: () => void;
}

let sequence = 0;
/** How often the window asks how far a running scan has got. */
const POLL_MS = 300;

export const createImportActions: SliceActions<ImportAction> = (set, get) => {
  const update = (key: string, change: Partial<ImportItem>) =>
    set({ importItems: get().importItems.map((item) => (item.key === key ? { ...item, ...change } : item)) });

  const run = async (queue: readonly { key: string; request: ImportRequest }[]) => {
    for (const { key, request } of queue) {
      update(key, { status: 'reviewing' });
      const progressToken = `${key}-${Date.now()}`;
      const poll = setInterval(() => {
        void call('documents/import-progress', progressToken).then(
          (progress) => progress && get().importItems.some((i) => i.key === key && i.status === 'reviewing') && update(key, { progress }),
          () => undefined,
        );
      }, POLL_MS);
      try {
        const bytes = new Uint8Array(await request.file.arrayBuffer());
        const result = await call('documents/import', { name: request.file.name, bytes }, { ...request.options, progressToken });
        if (result.ok) {
          update(key, { status: 'done', progress: undefined, verdict: result.document.verdict, documentId: result.document.id });
        } else {
          update(key, { status: 'failed', progress: undefined, message: result.message });
        }
      } catch (error) {
        update(key, { status: 'failed', progress: undefined, message: errorMessage(error) });
      } finally {
        clearInterval(poll);
      }
    }
  };

  return {
    importFiles: async (requests) => {
      const queue = requests.map((request) => ({ key: `import-${++sequence}`, request }));
      set({
        importItems: [
          ...get().importItems,
          ...queue.map(({ key, request }) => ({ key, name: request.file.name, size: request.file.size, title: request.options.title ?? request.file.name, status: 'waiting' as const })),
        ],
      });
      // A second batch while one runs only joins the list; the running loop is not restarted.
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

const pendingQueue: { key: string; request: ImportRequest }[] = [];
