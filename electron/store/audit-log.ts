// The audit log: append-only (triggers refuse UPDATE and DELETE), each entry hash-chained to the
// one before (integrity/audit-chain.ts), so that a row changed behind the application's back
// (with the sqlite3 shell, say) is found. An entry may bind one record row (record-binding.ts):
// its kind, key and canonical hash are then part of the entry's hash.
import { randomUUID } from 'node:crypto';
import { GENESIS_HASH, chainBreak, entryHash, type StoredAuditRow } from '../integrity/audit-chain';
import { installationId, now, type Db } from './connection';

export interface AuditInput {
  /** Who did it: a user name, or 'system'. */
  readonly actor: string;
  /** e.g. 'scan', 'dispose', 'sign', 'user.create', 'dictionary.edit' */
  readonly action: string;
  /** What it was done to: a document, version, finding or user id. */
  readonly subject: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/** The record row an entry vouches for. */
export interface RecordBinding {
  readonly kind: string;
  readonly key: string;
  readonly hash: string;
}

export interface AuditEntry extends AuditInput {
  readonly seq: number;
  readonly id: string;
  readonly at: string;
  readonly prevHash: string;
  readonly hash: string;
  readonly origin: string;
  readonly record?: RecordBinding;
}

/** Appends one entry. Call inside the transaction of the change it records. */
export function appendAudit(db: Db, input: AuditInput, record?: RecordBinding): AuditEntry {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const row = {
    id: randomUUID(),
    at: now(),
    actor: input.actor,
    action: input.action,
    subject: input.subject,
    details: JSON.stringify(input.details),
    origin: installationId(db),
    record_kind: record?.kind ?? null,
    record_key: record?.key ?? null,
    record_hash: record?.hash ?? null,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = entryHash(prevHash, row);
  const seq = (last?.seq ?? 0) + 1;
  db.prepare(
    `INSERT INTO audit_log (seq, id, at, actor, action, subject, details, prev_hash, hash, origin, record_kind, record_key, record_hash)
     VALUES (@seq, @id, @at, @actor, @action, @subject, @details, @prevHash, @hash, @origin, @record_kind, @record_key, @record_hash)`,
  ).run({ ...row, seq, prevHash, hash });
  return { ...input, seq, id: row.id, at: row.at, prevHash, hash, origin: row.origin, record };
}

export type AuditVerification =
  | { readonly ok: true; readonly entries: number }
  | { readonly ok: false; readonly entries: number; readonly brokenSeq: number; readonly brokenId: string; readonly reason: string };

/** The hash chain alone (no records, no anchor): what a backup of any database version is checked with. */
export function verifyAuditLog(db: Db): AuditVerification {
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as Iterable<StoredAuditRow>;
  let prev = GENESIS_HASH;
  let count = 0;
  for (const r of rows) {
    count++;
    const reason = chainBreak(r, count, prev);
    if (reason) return { ok: false, entries: count, brokenSeq: r.seq, brokenId: r.id, reason };
    prev = r.hash;
  }
  return { ok: true, entries: count };
}

/** The newest entry's number and hash: what the 审查单 prints and the anchor file keeps. */
export function chainHead(db: Db): { seq: number; hash: string } | undefined {
  return db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
}

export function listAudit(db: Db, limit = 200): AuditEntry[] {
  return (db.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?').all(limit) as StoredAuditRow[]).map((r) => ({
    seq: r.seq,
    id: r.id,
    at: r.at,
    actor: r.actor,
    action: r.action,
    subject: r.subject,
    details: JSON.parse(r.details),
    prevHash: r.prev_hash,
    hash: r.hash,
    origin: r.origin,
    record: r.record_kind ? { kind: r.record_kind, key: r.record_key!, hash: r.record_hash! } : undefined,
  }));
}
