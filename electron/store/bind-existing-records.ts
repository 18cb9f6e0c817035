// Migration 3's code: the records a database already holds get the binding entries they never had,
// each noted in the audit log as written by the migration (action 'migration.bind'), after one entry
// that says the upgrade happened. Then the anchor file is started for the whole chain. A new,
// empty database instead records its own creation (its installation id).
import { RECORD_KINDS } from '../integrity/record-kinds';
import { startAnchor } from './anchor-file';
import { appendAudit } from './audit-log';
import type { Db } from './connection';
import { bindRecord } from './record-binding';
import { readRecordKeys } from './record-rows';

export function bindExistingRecords(db: Db): void {
  const installation = (db.prepare("SELECT value FROM meta WHERE key = 'installation_id'").get() as { value: string }).value;
  const entries = (db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
  if (entries === 0) {
    bindRecord(db, 'setting', 'installation_id', { actor: 'system', action: 'database.create', subject: installation, details: {} });
  } else {
    // Keys first: an open iterator would block the inserts. Keys only, never whole rows. Kinds whose
    // table a later migration creates have no table yet.
    const keys = RECORD_KINDS.filter((kind) => (kind.since ?? 3) <= 3).map((kind) => ({ kind, keys: readRecordKeys(db, kind) }));
    appendAudit(db, {
      actor: 'system',
      action: 'migration',
      subject: installation,
      details: {
        fromVersion: 2,
        toVersion: 3,
        note: '升级：已有记录补记审计绑定（此前的签批与处置没有电子签名）',
        records: Object.fromEntries(keys.map((k) => [k.kind.name, k.keys.length])),
      },
    });
    for (const { kind, keys: list } of keys) {
      for (const key of list) bindRecord(db, kind.name, key, { actor: 'system', action: 'migration.bind', subject: key, details: {} });
    }
  }
  startAnchor(db);
}
