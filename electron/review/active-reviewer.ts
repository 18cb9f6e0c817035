// The reviewer a database's scans must use: built from its active dictionary version (what the
// security officer maintains), plus any --dict files, and rebuilt when that version changes.
import type { Db } from '../store/connection';
import { DictionaryService } from './dictionary-service';
import { createReviewer, type ReviewerOptions } from './reviewer';
import type { Reviewer } from './scan-file';

export interface ReviewerSource {
  /** The reviewer for the next scan, and the dictionary version label recorded with it. */
  current(): { readonly reviewer: Reviewer; readonly version: string };
}

/** `options`: OCR for the window's scans (a reviewer rebuilt for a new version ends the old one's OCR worker). */
export function activeDictionaryReviewer(db: Db, userDictionaries: readonly string[] = [], options: ReviewerOptions = {}): ReviewerSource {
  const dictionaries = new DictionaryService(db);
  let built: { number: number; reviewer: Reviewer; version: string } | undefined;
  return {
    current() {
      const number = dictionaries.activeVersionNumber();
      if (built?.number !== number) {
        const active = dictionaries.activeSet();
        const label = `词库第${active.number}版${userDictionaries.length > 0 ? '+自定义' : ''}`;
        void built?.reviewer.close?.();
        built = { number, reviewer: createReviewer(userDictionaries, active.set, options), version: label };
      }
      return built;
    },
  };
}
