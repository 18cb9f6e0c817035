// Verifies a records database and its anchor: integrity/verify-records.ts over the database's rows
// (SQLite, or a department's PostgreSQL server through pg-database.ts: the same SQL).
import { verifyRecords, type ChainHead, type VerifyReport } from '../integrity/verify-records';
import { anchorFileOf, anchorNewEntries, readAnchor } from './anchor-file';
import { installationId, type Db } from './connection';
import { sqliteRecordSource } from './sqlite-record-source';

export interface VerifyOptions {
  readonly expect?: readonly ChainHead[];
  /** The anchor to compare with; default `<database>.anchor`. */
  readonly anchorFile?: string;
  readonly progress?: (p: { readonly stage: string; readonly done: number; readonly total: number }) => void;
}

export async function verifyDatabase(db: Db, options: VerifyOptions = {}): Promise<VerifyReport> {
  const file = options.anchorFile ?? (db.memory ? undefined : anchorFileOf(db.name));
  // A department's server (pg-database.ts) is written by every desktop: entries after this one's
  // anchor are the others'. They are checked like all the rest and then anchored here too.
  const shared = (db as { shared?: boolean }).shared === true;
  const report = await verifyRecords(sqliteRecordSource(db), {
    expect: options.expect,
    progress: options.progress,
    anchor: file === undefined ? undefined : { file, reading: readAnchor(file), installationId: installationId(db), shared },
  });
  if (shared && report.ok && options.anchorFile === undefined) anchorNewEntries(db);
  return report;
}
