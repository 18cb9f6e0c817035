// Moves a whole record from one database to another (`mishen --db SRC migrate-to DST`): a desktop's
// SQLite file into a department's PostgreSQL server, or back. Every row is copied as it is — the
// installation id, the records, their audit entries with their hashes — so the audit chain and every
// binding and signature verify on the copy exactly as on the original (`audit verify` on both sides).
// The destination is a new, empty schema (opened as a copy target); the copy is one transaction.
import { anchorOf, startAnchor } from './anchor-file';
import type { Db } from './connection';

/** The tables in the order their references need, each with the columns that keep its rows' order. */
const TABLES: ReadonlyArray<readonly [table: string, order: string]> = [
  ['meta', 'key'],
  ['users', 'created_at, id'],
  ['user_keys', 'rowid'],
  ['documents', 'created_at, id'],
  ['versions', 'created_at, id'],
  ['scans', 'rowid'],
  ['document_models', 'created_at, scan_id'],
  ['findings', 'scan_id, seq'],
  ['dispositions', 'rowid'],
  ['allow_proposals', 'created_at, id'],
  ['signoffs', 'rowid'],
  ['dictionary_versions', 'number'],
  ['trusted_keys', 'added_at, fingerprint'],
  ['review_packages', 'recorded_at, id'],
  ['trusted_installations', 'added_at, fingerprint'],
  ['audit_log', 'seq'],
];

/** Columns an engine adds of its own (PostgreSQL's identity `rowid`); the other side makes its own. */
const ENGINE_COLUMNS = new Set(['rowid']);
/** Settings that describe the database's schema, not its records: each side keeps its own. */
const SCHEMA_SETTINGS = new Set(['schema_version']);

export class CopyTargetNotEmptyError extends Error {
  constructor(where: string) {
    super(`目标数据库「${where}」中已有记录，不能迁入：请指定一个新的、空的数据库。`);
    this.name = 'CopyTargetNotEmptyError';
  }
}

export interface CopyProgress {
  readonly table: string;
  readonly rows: number;
}

export function copyRecords(source: Db, target: Db, where: string, progress?: (p: CopyProgress) => void): Record<string, number> {
  const count = (db: Db, table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  if (count(target, 'audit_log') > 0 || count(target, 'users') > 0) throw new CopyTargetNotEmptyError(where);
  const copied: Record<string, number> = {};
  target
    .transaction(() => {
      for (const [table, order] of TABLES) {
        let rows = 0;
        let insert: ((row: Record<string, unknown>) => void) | undefined;
        for (const row of source.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).iterate() as Iterable<Record<string, unknown>>) {
          if (table === 'meta' && SCHEMA_SETTINGS.has(String(row.key))) continue;
          insert ??= inserter(target, table, Object.keys(row).filter((c) => !ENGINE_COLUMNS.has(c)));
          insert(row);
          rows++;
        }
        copied[table] = rows;
        progress?.({ table, rows });
      }
    })
    .immediate();
  if (anchorOf(target)) startAnchor(target);
  return copied;
}

function inserter(db: Db, table: string, columns: readonly string[]): (row: Record<string, unknown>) => void {
  const statement = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
  return (row) => statement.run(Object.fromEntries(columns.map((c) => [c, row[c]])));
}
