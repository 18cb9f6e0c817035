// The sign-off chain of each version.
import { randomUUID } from 'node:crypto';
import type { SignoffRecord } from '../../shared/records';
import { installationId, now, type Db } from './connection';

export function insertSignoff(db: Db, s: Omit<SignoffRecord, 'id' | 'signedAt'>): SignoffRecord {
  const record: SignoffRecord = { ...s, id: randomUUID(), signedAt: now() };
  db.prepare(
    `INSERT INTO signoffs (id, version_id, step, decision, user_id, user_name, role, opinion, outcome, legal_basis, scan_id, signed_at, origin)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    record.id,
    record.versionId,
    record.step,
    record.decision,
    record.userId,
    record.userName,
    record.role,
    record.opinion,
    record.outcome ?? null,
    record.legalBasis ?? null,
    record.scanId,
    record.signedAt,
    installationId(db),
  );
  return record;
}

export function listSignoffs(db: Db, versionId: string): SignoffRecord[] {
  const rows = db.prepare('SELECT * FROM signoffs WHERE version_id = ? ORDER BY signed_at, rowid').all(versionId) as Record<string, string | null>[];
  return rows.map((r) => ({
    id: r.id!,
    versionId: r.version_id!,
    step: r.step as SignoffRecord['step'],
    decision: r.decision as SignoffRecord['decision'],
    userId: r.user_id!,
    userName: r.user_name!,
    role: r.role as SignoffRecord['role'],
    opinion: r.opinion!,
    outcome: (r.outcome ?? undefined) as SignoffRecord['outcome'],
    legalBasis: r.legal_basis ?? undefined,
    scanId: r.scan_id!,
    signedAt: r.signed_at!,
  }));
}
