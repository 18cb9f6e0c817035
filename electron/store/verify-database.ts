// Verifies a SQLite database file and its anchor: integrity/verify-records.ts over the SQLite source.
import { verifyRecords, type ChainHead, type VerifyReport } from '../integrity/verify-records';
import { anchorFileOf, readAnchor } from './anchor-file';
import { installationId, type Db } from './connection';
import { sqliteRecordSource } from './sqlite-record-source';

export interface VerifyOptions {
  readonly expect?: readonly ChainHead[];
  /** The anchor to compare with; default `<database>.anchor`. */
  readonly anchorFile?: string;
  readonly progress?: (p: { readonly stage: string; readonly done: number; readonly total: number }) => void;
}

export function verifyDatabase(db: Db, options: VerifyOptions = {}): Promise<VerifyReport> {
  const file = options.anchorFile ?? (db.memory ? undefined : anchorFileOf(db.name));
  return verifyRecords(sqliteRecordSource(db), {
    expect: options.expect,
    progress: options.progress,
    anchor: file === undefined ? undefined : { file, reading: readAnchor(file), installationId: installationId(db) },
  });
}
