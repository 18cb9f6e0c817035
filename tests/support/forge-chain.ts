// The attacker who knows how the record is protected (the source is no secret): after changing a
// row behind the application's back, they make its audit entry vouch for the new content and
// recompute every entry hash after it, so the hash chain checks out again — optionally the anchor
// file too. They compute with the published algorithm (this project's own functions) and write
// with the sqlite3 shell, triggers dropped first.
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { anchorHeader, anchorLine, headerLineHash } from '../../electron/integrity/anchor-lines';
import { GENESIS_HASH, entryHash, type StoredAuditRow } from '../../electron/integrity/audit-chain';
import { recordHash, recordedValues } from '../../electron/integrity/canonical-record';
import { recordKind, type RecordKindName } from '../../electron/integrity/record-kinds';
import { readRecordRow } from '../../electron/store/record-rows';

const quote = (v: string | number | null) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`);

export const sqlite = (db: string, sql: string): string => execFileSync('sqlite3', [db], { input: sql, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });

/**
 * Rebinds row `key` of `kindName` as it now is (a new entry at the end when it has none) and
 * rechains the whole log. With `anchor`, rewrites `<db>.anchor` to match.
 */
export function rebindAndRechain(dbFile: string, kindName: RecordKindName, key: string, options: { anchor?: boolean; actor?: string; action?: string } = {}): void {
  const kind = recordKind(kindName);
  const db = new Database(dbFile, { readonly: true });
  let sql = 'DROP TRIGGER IF EXISTS audit_log_no_update;\n';
  const lines: { seq: number; hash: string }[] = [];
  try {
    const row = readRecordRow(db, kind, key);
    if (!row) throw new Error(`no ${kind.table} row ${key}`);
    const values = recordedValues(kind, row);
    const newHash = recordHash(kind, values);
    const entries = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as StoredAuditRow[];
    const target = [...entries].reverse().find((e) => e.record_kind === kind.name && e.record_key === key);
    const installation = (db.prepare("SELECT value FROM meta WHERE key = 'installation_id'").get() as { value: string }).value;
    if (!target) {
      const seq = entries.length + 1;
      entries.push({
        seq,
        id: randomUUID(),
        at: new Date().toISOString(),
        actor: options.actor ?? 'system',
        action: options.action ?? (kind.name === 'signoff' ? 'sign' : kind.name),
        subject: key,
        details: JSON.stringify({ record: values }),
        prev_hash: '',
        hash: '',
        origin: installation,
        record_kind: kind.name,
        record_key: key,
        record_hash: newHash,
      });
      const e = entries[entries.length - 1];
      sql += `INSERT INTO audit_log (seq, id, at, actor, action, subject, details, prev_hash, hash, origin, record_kind, record_key, record_hash) VALUES (${seq}, ${quote(e.id)}, ${quote(e.at)}, ${quote(e.actor)}, ${quote(e.action)}, ${quote(e.subject)}, ${quote(e.details)}, '', '', ${quote(installation)}, ${quote(kind.name)}, ${quote(key)}, ${quote(newHash)});\n`;
    }
    let prev = GENESIS_HASH;
    for (const original of entries) {
      let e = original;
      if (e === target) {
        const details = { ...(JSON.parse(e.details) as object), record: values };
        e = { ...e, details: JSON.stringify(details), record_hash: newHash };
      }
      const hash = entryHash(prev, e);
      if (e !== original || e.prev_hash !== prev || e.hash !== hash) {
        sql += `UPDATE audit_log SET details = ${quote(e.details)}, record_hash = ${quote(e.record_hash ?? null)}, prev_hash = ${quote(prev)}, hash = ${quote(hash)} WHERE seq = ${e.seq};\n`;
      }
      lines.push({ seq: e.seq, hash });
      prev = hash;
    }
    if (options.anchor) {
      const header = anchorHeader(installation);
      let lineHash = headerLineHash(header);
      const text = [header];
      for (const l of lines) {
        const line = anchorLine(lineHash, l.seq, l.hash);
        lineHash = line.lineHash;
        text.push(line.text);
      }
      writeFileSync(`${dbFile}.anchor`, text.join('\n') + '\n');
    }
  } finally {
    db.close();
  }
  sqlite(dbFile, sql);
}
