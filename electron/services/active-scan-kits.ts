// What a database's scans are made with: its active dictionary version (what the security officer
// maintains), plus any --dict files, followed when that version changes. The spec (plain data, for
// scan workers) is cheap; the kit itself (the dictionary compiled) is built only when this process scans.
import type { ScanKit } from '../scan/scan-file';
import { scanKitFor, scanKitSpec, type ScanKitOptions, type ScanKitSpec } from '../scan/scan-kit';
import type { DictionaryService } from './dictionary-service';

export interface ScanKitSource {
  /** What the next scan is built from, and the dictionary version label recorded with it. */
  spec(): { readonly spec: ScanKitSpec; readonly version: string };
  /** The kit for a scan in this process, and its label. */
  current(): { readonly kit: ScanKit; readonly version: string };
  /** Ends what the kits started (their OCR worker, a thread of its own), so that the process can exit. */
  close(): Promise<void>;
}

export function activeDictionaryScanKits(dictionaries: DictionaryService, userDictionaries: readonly string[] = [], options: ScanKitOptions = {}): ScanKitSource {
  let made: { number: number; spec: ScanKitSpec; version: string; kit?: ScanKit } | undefined;
  const latest = () => {
    const number = dictionaries.activeVersionNumber();
    if (made?.number !== number) {
      // A replaced kit's OCR worker is ended.
      void made?.kit?.close?.();
      const active = dictionaries.activeSet();
      made = { number, spec: scanKitSpec(userDictionaries, active.set, options), version: `词库第${active.number}版${userDictionaries.length > 0 ? '+自定义' : ''}` };
    }
    return made;
  };
  return {
    spec: () => latest(),
    current() {
      const m = latest();
      m.kit ??= scanKitFor(m.spec);
      return { kit: m.kit, version: m.version };
    },
    async close() {
      await made?.kit?.close?.();
    },
  };
}
