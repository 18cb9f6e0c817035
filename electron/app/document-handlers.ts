// The channels the window reads and submits documents through: import (with progress the window can
// ask for while the scan runs), the document model the scan kept, and the file's bytes or a picture
// in it. Plain Node, like api-handlers.ts, which merges these into the contract.
import type { ImportProgress, ImportResult, MishenApi } from '../../shared/api-contract';
import { ServiceError, type UserInfo } from '../../shared/records';
import type { RecordsService } from '../services/records-service';
import { safeFileName } from './safe-file-name';

export type DocumentChannel = 'documents/import' | 'documents/import-progress' | 'documents/model' | 'documents/content';

export function createDocumentHandlers(service: RecordsService, requireUser: () => UserInfo): Pick<MishenApi, DocumentChannel> {
  // Imports under way, by the token the window gave; an entry lives as long as its import.
  const progress = new Map<string, ImportProgress>();

  return {
    'documents/import': async (file, options): Promise<ImportResult> => {
      const user = requireUser();
      const name = safeFileName(file.name);
      const { progressToken, ...submit } = options;
      const report = (p: ImportProgress) => progressToken && progress.set(progressToken, p);
      report({ stage: 'reading' });
      try {
        const document = await service.submitFile(user, { name, bytes: file.bytes }, {
          ...submit,
          onProgress: (p) => report(p.stage === 'reviewing' ? { stage: 'reviewing' } : { stage: p.stage, done: p.done, total: p.total }),
        });
        const { versions: _v, scan: _s, signoffs: _g, ...summary } = document;
        return { ok: true, name, document: summary };
      } catch (error) {
        // An unreadable file is an answer, not a failure: the window lists it with its reason.
        if (error instanceof ServiceError && error.code === 'unreadable-file') return { ok: false, name, code: error.code, message: error.message };
        throw error;
      } finally {
        if (progressToken) progress.delete(progressToken);
      }
    },
    'documents/import-progress': async (token) => {
      requireUser();
      return progress.get(token) ?? null;
    },
    'documents/model': async (versionId) => service.documentModel(requireUser(), versionId),
    'documents/content': async (versionId, source) => service.documentContent(requireUser(), versionId, source),
  };
}
