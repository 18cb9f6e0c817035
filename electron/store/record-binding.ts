// Writes the audit entry that binds a record row, in the transaction that wrote the row: the row is
// read back as stored, so the entry vouches for exactly what is in the database. And checks one row
// against its latest entry, for a record that is about to be relied on (a dictionary version).
import { checkAgainstBinding, recordHash, recordedValues, type Binding, type RecordCheck } from '../integrity/canonical-record';
import { recordKind, type RecordKindName } from '../integrity/record-kinds';
import { appendAudit, type AuditEntry, type AuditInput } from './audit-log';
import type { Db } from './connection';
import { statement } from './statement-cache';
import { readRecordRow } from './record-rows';

export function bindRecord(db: Db, kindName: RecordKindName, key: string, input: AuditInput): AuditEntry {
  const kind = recordKind(kindName);
  const row = readRecordRow(db, kind, key);
  if (!row) throw new Error(`bindRecord: no ${kind.table} row ${key}`);
  const values = recordedValues(kind, row);
  return appendAudit(db, { ...input, details: { ...input.details, record: values } }, { kind: kind.name, key, hash: recordHash(kind, values) });
}

export function latestBinding(db: Db, kindName: RecordKindName, key: string): Binding | undefined {
  return statement(
      db,
    'SELECT seq, action, actor, at, record_hash AS hash, details FROM audit_log WHERE record_kind = ? AND record_key = ? ORDER BY seq DESC LIMIT 1')
    .get(kindName, key) as Binding | undefined;
}

/** One row against its latest binding entry; `undefined` when the row does not exist. */
export function checkRecord(db: Db, kindName: RecordKindName, key: string): RecordCheck | undefined {
  const kind = recordKind(kindName);
  const row = readRecordRow(db, kind, key);
  return row && checkAgainstBinding(kind, recordedValues(kind, row), latestBinding(db, kindName, key));
}
