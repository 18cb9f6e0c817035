// The RecordSource (integrity/verify-records.ts) over a SQLite database: plain SQL reads, rows
// streamed with better-sqlite3's iterators. The PostgreSQL store provides the same reads.
import type { Binding, Row } from '../integrity/canonical-record';
import type { StoredAuditRow } from '../integrity/audit-chain';
import type { RecordKind } from '../integrity/record-kinds';
import type { RecordSource } from '../integrity/verify-records';
import type { Db } from './connection';
import { statement } from './statement-cache';
import { latestBinding } from './record-binding';
import { readRecordRow, readRecordRows } from './record-rows';

const BINDING_COLUMNS = 'a.seq, a.action, a.actor, a.at, a.record_hash AS hash, a.details';

export function sqliteRecordSource(db: Db): RecordSource {
  const get = <T>(sql: string, ...params: unknown[]) => statement(db, sql).get(...params) as T | undefined;
  return {
    auditEntries: () => statement(db, 'SELECT * FROM audit_log ORDER BY seq').iterate() as Iterable<StoredAuditRow>,
    auditCount: () => get<{ n: number }>('SELECT COUNT(*) AS n FROM audit_log')!.n,
    rowCount: (kind) => get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${kind.table}`)!.n,
    rows: (kind) => readRecordRows(db, kind),
    row: (kind, key) => readRecordRow(db, kind, key),
    latestBinding: (kind, key) => latestBinding(db, kind.name, key),
    bindingsWithoutRow: (kind: RecordKind) => {
      const rows = statement(
          db,
        
          `SELECT ${BINDING_COLUMNS}, a.record_key AS key FROM audit_log a
           WHERE a.record_kind = ? AND NOT EXISTS (SELECT 1 FROM ${kind.table} t WHERE t.${kind.key} = a.record_key)
             AND a.seq = (SELECT MAX(b.seq) FROM audit_log b WHERE b.record_kind = a.record_kind AND b.record_key = a.record_key)
           ORDER BY a.seq`,
        )
        .iterate(kind.name) as Iterable<Binding & { key: string }>;
      return (function* () {
        for (const { key, ...binding } of rows) yield { key, binding };
      })();
    },
    orphanFindings: () =>
      statement(db, 'SELECT f.id, f.match FROM findings f WHERE NOT EXISTS (SELECT 1 FROM scans s WHERE s.id = f.scan_id)').iterate() as Iterable<{ id: string; match: string }>,
    signedFileSha256: (kind, row: Row) =>
      kind.name === 'signoff'
        ? get<{ sha256: string }>('SELECT sha256 FROM versions WHERE id = ?', row.version_id)?.sha256
        : get<{ sha256: string }>(
            'SELECT v.sha256 FROM findings f JOIN scans s ON s.id = f.scan_id JOIN versions v ON v.id = s.version_id WHERE f.id = ?',
            row.finding_id,
          )?.sha256,
    userKey: (keyId) => {
      const k = get<{ user_id: string; public_key: string; created_at: string }>('SELECT user_id, public_key, created_at FROM user_keys WHERE id = ?', keyId);
      return k && { userId: k.user_id, publicKey: k.public_key, createdAt: k.created_at };
    },
    keyReplacedBetween: (userId, after, upTo) =>
      get('SELECT 1 FROM user_keys WHERE user_id = ? AND created_at > ? AND created_at <= ?', userId, after, upTo) !== undefined,
    usersWithoutKey: () =>
      statement(
          db,
        
          `SELECT username, display_name AS displayName FROM users u
           WHERE disabled = 0 AND NOT EXISTS (SELECT 1 FROM user_keys k WHERE k.user_id = u.id) ORDER BY created_at`,
        )
        .iterate() as Iterable<{ username: string; displayName: string }>,

    versionOf: (versionId) => {
      const v = get<{ number: number; title: string | null }>(
        'SELECT v.number, d.title FROM versions v LEFT JOIN documents d ON d.id = v.document_id WHERE v.id = ?',
        versionId,
      );
      return v && { number: v.number, documentTitle: v.title ?? undefined };
    },
    userNameOf: (userId) => get<{ display_name: string }>('SELECT display_name FROM users WHERE id = ?', userId)?.display_name,
    findingOf: (findingId) => {
      const f = get<{ match: string; version_id: string | null }>(
        'SELECT f.match, s.version_id FROM findings f LEFT JOIN scans s ON s.id = f.scan_id WHERE f.id = ?',
        findingId,
      );
      return f && { match: f.match, versionId: f.version_id ?? undefined };
    },
    scanVersionOf: (scanId) => get<{ version_id: string }>('SELECT version_id FROM scans WHERE id = ?', scanId)?.version_id,
    documentTitleOf: (documentId) => get<{ title: string }>('SELECT title FROM documents WHERE id = ?', documentId)?.title,
  };
}
