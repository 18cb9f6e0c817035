// The audit log: append-only (triggers refuse UPDATE and DELETE), each entry hash-chained to the
// one before, so that a row changed behind the application's back (with the sqlite3 shell, say)
// is found by verifyAuditLog, which names the first entry that no longer fits.
import { createHash, randomUUID } from 'node:crypto';
import { installationId, now, type Db } from './connection';

export interface AuditInput {
  /** Who did it: a user name, or 'system'. */
  readonly actor: string;
  /** e.g. 'scan', 'dispose', 'sign', 'user.create', 'dictionary.change' */
  readonly action: string;
  /** What it was done to: a document, version, finding or user id. */
  readonly subject: string;
  readonly details: Readonly<Record<string, unknown>>;
}

export interface AuditEntry extends AuditInput {
  readonly seq: number;
  readonly id: string;
  readonly at: string;
  readonly prevHash: string;
  readonly hash: string;
  readonly origin: string;
}

const GENESIS = '0'.repeat(64);

function entryHash(prevHash: string, e: { id: string; at: string; actor: string; action: string; subject: string; details: string; origin: string }): string {
  // Fixed field order: the hash must not depend on how an object happened to be built.
  const canonical = JSON.stringify([e.id, e.at, e.actor, e.action, e.subject, e.details, e.origin]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

/** Appends one entry. Call inside the transaction of the change it records. */
export function appendAudit(db: Db, input: AuditInput): AuditEntry {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const row = {
    id: randomUUID(),
    at: now(),
    actor: input.actor,
    action: input.action,
    subject: input.subject,
    details: JSON.stringify(input.details),
    origin: installationId(db),
  };
  const prevHash = last?.hash ?? GENESIS;
  const hash = entryHash(prevHash, row);
  const seq = (last?.seq ?? 0) + 1;
  db.prepare(
    'INSERT INTO audit_log (seq, id, at, actor, action, subject, details, prev_hash, hash, origin) VALUES (@seq, @id, @at, @actor, @action, @subject, @details, @prevHash, @hash, @origin)',
  ).run({ ...row, seq, prevHash, hash });
  return { ...input, seq, id: row.id, at: row.at, prevHash, hash, origin: row.origin };
}

export type AuditVerification =
  | { readonly ok: true; readonly entries: number }
  | { readonly ok: false; readonly entries: number; readonly brokenSeq: number; readonly brokenId: string; readonly reason: string };

export function verifyAuditLog(db: Db): AuditVerification {
  const rows = db.prepare('SELECT seq, id, at, actor, action, subject, details, prev_hash, hash, origin FROM audit_log ORDER BY seq').iterate() as Iterable<{
    seq: number; id: string; at: string; actor: string; action: string; subject: string; details: string; prev_hash: string; hash: string; origin: string;
  }>;
  let prev = GENESIS;
  let expectedSeq = 1;
  let count = 0;
  for (const r of rows) {
    count++;
    const broken = (reason: string): AuditVerification => ({ ok: false, entries: count, brokenSeq: r.seq, brokenId: r.id, reason });
    if (r.seq !== expectedSeq) return broken(`序号不连续：应为 ${expectedSeq}，实为 ${r.seq}（有记录被删除或插入）`);
    if (r.prev_hash !== prev) return broken('与前一条记录的链接不符（前一条被改动、删除，或本条被替换）');
    if (entryHash(prev, r) !== r.hash) return broken('内容与哈希不符（本条记录被改动）');
    prev = r.hash;
    expectedSeq++;
  }
  return { ok: true, entries: count };
}

export function listAudit(db: Db, limit = 200): AuditEntry[] {
  return (db.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?').all(limit) as Array<Record<string, unknown>>).map((r) => ({
    seq: r.seq as number,
    id: r.id as string,
    at: r.at as string,
    actor: r.actor as string,
    action: r.action as string,
    subject: r.subject as string,
    details: JSON.parse(r.details as string),
    prevHash: r.prev_hash as string,
    hash: r.hash as string,
    origin: r.origin as string,
  }));
}
