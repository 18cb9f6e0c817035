// The reviewer a database's scans must use: built from its active dictionary version (what the
// security officer maintains), plus any --dict files, and rebuilt when that version changes.
import type { Db } from '../store/connection';
import { DictionaryService } from './dictionary-service';
import { createScanKit } from '../scan/scan-kit';
import type { ScanKit } from '../scan/scan-file';

export interface ScanKitSource {
  /** The reviewer for the next scan, and the dictionary version label recorded with it. */
  current(): { readonly reviewer: ScanKit; readonly version: string };
}

export function activeDictionaryScanKits(db: Db, userDictionaries: readonly string[] = []): ScanKitSource {
  const dictionaries = new DictionaryService(db);
  let built: { number: number; reviewer: ScanKit; version: string } | undefined;
  return {
    current() {
      const number = dictionaries.activeVersionNumber();
      if (built?.number !== number) {
        const active = dictionaries.activeSet();
        const label = `词库第${active.number}版${userDictionaries.length > 0 ? '+自定义' : ''}`;
        built = { number, reviewer: createScanKit(userDictionaries, active.set), version: label };
      }
      return built;
    },
  };
}
