// The reviewer a database's scans must use: built from its active dictionary version (what the
// security officer maintains), plus any --dict files, and rebuilt when that version changes.
import type { Db } from '../store/connection';
import { DictionaryService } from './dictionary-service';
import { createReviewer } from './reviewer';
import type { Reviewer } from './scan-file';

export interface ReviewerSource {
  /** The reviewer for the next scan, and the dictionary version label recorded with it. */
  current(): { readonly reviewer: Reviewer; readonly version: string };
  /** Ends what the reviewers started (their OCR worker), so that the process can exit. */
  close?(): Promise<void>;
}

export function activeDictionaryReviewer(db: Db, userDictionaries: readonly string[] = []): ReviewerSource {
  const dictionaries = new DictionaryService(db);
  let built: { number: number; reviewer: Reviewer; version: string } | undefined;
  return {
    current() {
      const number = dictionaries.activeVersionNumber();
      if (built?.number !== number) {
        const active = dictionaries.activeSet();
        const label = `词库第${active.number}版${userDictionaries.length > 0 ? '+自定义' : ''}`;
        // The desktop app reads scanned pages and pictures by OCR too; a replaced reviewer's OCR worker is ended.
        void built?.reviewer.close?.();
        built = { number, reviewer: createReviewer(userDictionaries, active.set, { ocr: true }), version: label };
      }
      return built;
    },
    async close() {
      await built?.reviewer.close?.();
    },
  };
}
