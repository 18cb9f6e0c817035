// The one place the services are built, as houbb/sensitive-word's SensitiveWordBs assembles its
// defaults: the database, dictionary custody, the kits scans are made with (the database's active
// dictionary version, plus any --dict lists) and the review record over them. The app's service
// worker, the command line, the end-to-end harnesses and the tests all start from here.
import { besideDatabase, openRecordsDatabase } from './open-database';
import { recordBatch } from '../store/record-transaction';
import type { ScanKitOptions } from '../scan/scan-kit';
import { activeDictionaryScanKits, type ScanKitSource } from './active-scan-kits';
import { DictionaryService, type DictionaryServiceOptions } from './dictionary-service';
import { RecordsService } from './records-service';

export interface ServicesOptions {
  /** The database: a file (a missing one becomes a new database), or a department server's postgres:// URL. */
  readonly database: string;
  /** Take an existing 0-byte file as a new database (`mishen init` only: otherwise it is a lost database). */
  readonly acceptEmptyFile?: boolean;
  /** The user's --dict lists, on top of the active version, for the scans these services make and record. */
  readonly userDictionaries?: readonly string[];
  /** OCR for the scans made here. */
  readonly scan?: ScanKitOptions;
  readonly dictionary?: DictionaryServiceOptions;
}

export interface Services {
  readonly records: RecordsService;
  readonly dictionary: DictionaryService;
  /** What scans are made with: followed when the security officer activates another version. */
  readonly scanKits: ScanKitSource;
  /** Many changes as one commit and one anchor write: for bulk loads (the records benchmark). */
  batch<T>(body: () => Promise<T>): Promise<T>;
  /** Closes the database (checkpointing its log) and ends the scan kits' OCR worker. */
  close(): void;
}

export function openServices(options: ServicesOptions): Services {
  const db = openRecordsDatabase(options.database, { acceptEmptyFile: options.acceptEmptyFile });
  // The security office's signing key lives beside the database: `<database>.signing-key.pem`.
  const dictionary = new DictionaryService(db, { keyFile: besideDatabase(db, '.signing-key.pem'), ...options.dictionary });
  const scanKits = activeDictionaryScanKits(dictionary, options.userDictionaries, options.scan);
  return {
    records: new RecordsService(db, scanKits),
    dictionary,
    scanKits,
    batch: (body) => recordBatch(db, body),
    close: () => {
      db.close();
      void scanKits.close();
    },
  };
}
