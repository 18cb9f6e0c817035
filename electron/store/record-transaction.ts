// A change to the record and its audit entries, as one write transaction; once it has committed,
// the new entries are appended to the anchor file. Every service write goes through here.
import { anchorNewEntries, anchorOf } from './anchor-file';
import type { Db } from './connection';
import { PgDatabase } from './pg/pg-database';

export function recordTransaction<T>(db: Db, body: () => T): T {
  // Inside another transaction: that one commits, and anchors, for both.
  if (db.inTransaction) return body();
  const result = db.transaction(body).immediate();
  try {
    anchorNewEntries(db);
  } catch (e) {
    // The change is committed and stays; the anchor catches up at the next commit. Until then
    // `audit verify` reports the entries that are not in it.
    process.stderr.write(`警告：锚定文件「${anchorOf(db)}」未能写入（${(e as Error).message}）；记录已保存，下次保存时补写。\n`);
  }
  return result;
}

/**
 * Many changes as one write transaction (a bulk load: the records benchmark builds 10,000
 * documents so), committed and anchored once. The services' own transactions nest in it. The body
 * may await (a scan) because nothing else writes on this connection meanwhile.
 */
export async function recordBatch<T>(db: Db, body: () => Promise<T>): Promise<T> {
  const write = explicitWrite(db);
  write.begin();
  let result: T;
  try {
    result = await body();
  } catch (e) {
    write.rollback();
    throw e;
  }
  write.commit();
  anchorNewEntries(db);
  return result;
}

interface ExplicitWrite {
  begin(): void;
  commit(): void;
  rollback(): void;
}

/** A transaction begun and ended by hand: SQLite's statements, or the server connection's own (it counts its depth). */
function explicitWrite(db: Db): ExplicitWrite {
  const server: unknown = db;
  if (server instanceof PgDatabase) return { begin: () => server.beginWrite(), commit: () => server.commitWrite(), rollback: () => server.rollbackWrite() };
  return { begin: () => db.exec('BEGIN IMMEDIATE'), commit: () => db.exec('COMMIT'), rollback: () => db.exec('ROLLBACK') };
}
