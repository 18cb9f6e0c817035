// Reads record rows (integrity/record-kinds.ts) from SQLite, one at a time: what a binding entry is
// computed from when a row is written, and what verification compares with its entry. Plain SQL.
import { findingsDigest, type FindingRow, type Row } from '../integrity/canonical-record';
import { storedColumns, type RecordKind } from '../integrity/record-kinds';
import type { Db } from './connection';
import { statement } from './statement-cache';

function selectSql(kind: RecordKind, columns = storedColumns(kind).join(', ')): string {
  const only = kind.onlyKeys ? ` WHERE ${kind.key} IN (${kind.onlyKeys.map((k) => `'${k}'`).join(', ')})` : '';
  return `SELECT ${columns} FROM ${kind.table}${only}`;
}

/** Adds what is computed rather than stored: a scan's findings, as a digest and a count. */
function complete(db: Db, kind: RecordKind, row: Row): Row {
  if (kind.name !== 'scan') return row;
  const findings = statement(db, 'SELECT id, seq, category, kind, severity, match, part, rule_id, json FROM findings WHERE scan_id = ? ORDER BY seq');
  return { ...row, ...findingsDigest(findings.iterate(row.id) as Iterable<FindingRow>) };
}

export function readRecordRow(db: Db, kind: RecordKind, key: string): Row | undefined {
  const sql = `${selectSql(kind)}${kind.onlyKeys ? ' AND' : ' WHERE'} ${kind.key} = ?`;
  const row = statement(db, sql).get(key) as Row | undefined;
  return row && complete(db, kind, row);
}

/** Every row of the kind, streamed. */
export function* readRecordRows(db: Db, kind: RecordKind): Generator<Row> {
  for (const row of statement(db, selectSql(kind)).iterate() as Iterable<Row>) yield complete(db, kind, row);
}

/** The keys of every row of the kind (for writing while reading: an open iterator blocks writes). */
export function readRecordKeys(db: Db, kind: RecordKind): string[] {
  return statement(db, selectSql(kind, kind.key)).pluck().all() as string[];
}
