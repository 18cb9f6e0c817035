// The sign-off chain of each version. Rows are written whole (with their signature) and never changed.
import type { SignoffRecord } from '../../shared/records';
import type { Db } from './connection';

/** A sign-off as stored, by column. */
export interface SignoffRow {
  readonly id: string;
  readonly version_id: string;
  readonly step: SignoffRecord['step'];
  readonly decision: SignoffRecord['decision'];
  readonly user_id: string;
  readonly user_name: string;
  readonly role: SignoffRecord['role'];
  readonly opinion: string;
  readonly outcome: SignoffRecord['outcome'] | null;
  readonly legal_basis: string | null;
  readonly scan_id: string;
  readonly signed_at: string;
  readonly origin: string;
  readonly prev_signoff_id: string | null;
  readonly key_id: string | null;
  readonly signature: string | null;
}

export function insertSignoff(db: Db, row: SignoffRow): void {
  db.prepare(
    `INSERT INTO signoffs (id, version_id, step, decision, user_id, user_name, role, opinion, outcome, legal_basis, scan_id, signed_at, origin, prev_signoff_id, key_id, signature)
     VALUES (@id, @version_id, @step, @decision, @user_id, @user_name, @role, @opinion, @outcome, @legal_basis, @scan_id, @signed_at, @origin, @prev_signoff_id, @key_id, @signature)`,
  ).run(row);
}

export function listSignoffs(db: Db, versionId: string): SignoffRecord[] {
  const rows = db.prepare('SELECT * FROM signoffs WHERE version_id = ? ORDER BY signed_at, rowid').all(versionId) as SignoffRow[];
  return rows.map((r) => ({
    id: r.id,
    versionId: r.version_id,
    step: r.step,
    decision: r.decision,
    userId: r.user_id,
    userName: r.user_name,
    role: r.role,
    opinion: r.opinion,
    outcome: r.outcome ?? undefined,
    legalBasis: r.legal_basis ?? undefined,
    scanId: r.scan_id,
    signedAt: r.signed_at,
  }));
}
