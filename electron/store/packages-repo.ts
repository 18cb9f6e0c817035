// The review packages this installation sent and took (one row each, never changed), and the other
// installations whose packages it takes.
import { randomUUID } from 'node:crypto';
import type { PackageKind } from '../packages/review-package';
import { installationId, now, type Db } from './connection';

export interface PackageRecord {
  readonly id: string;
  readonly packageId: string;
  readonly kind: PackageKind;
  readonly direction: 'sent' | 'received';
  readonly documentId: string;
  readonly versionId: string;
  readonly sha256: string;
  readonly replyTo: string | null;
  readonly sender: string;
  readonly keyFingerprint: string;
  readonly fileSha256: string;
  readonly createdAt: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

const COLUMNS = `id, package_id AS "packageId", kind, direction, document_id AS "documentId", version_id AS "versionId", sha256, reply_to AS "replyTo",
  sender, key_fingerprint AS "keyFingerprint", file_sha256 AS "fileSha256", created_at AS "createdAt", recorded_by AS "recordedBy", recorded_at AS "recordedAt"`;

export function insertPackage(db: Db, p: Omit<PackageRecord, 'id' | 'recordedAt'>): PackageRecord {
  const row = { ...p, id: randomUUID(), recordedAt: now() };
  db.prepare(
    `INSERT INTO review_packages (id, package_id, kind, direction, document_id, version_id, sha256, reply_to, sender, key_fingerprint, file_sha256, created_at, recorded_by, recorded_at, origin)
     VALUES (@id, @packageId, @kind, @direction, @documentId, @versionId, @sha256, @replyTo, @sender, @keyFingerprint, @fileSha256, @createdAt, @recordedBy, @recordedAt, @origin)`,
  ).run({ ...row, origin: installationId(db) });
  return row;
}

export function findPackage(db: Db, packageId: string, direction: PackageRecord['direction']): PackageRecord | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM review_packages WHERE package_id = ? AND direction = ?`).get(packageId, direction) as PackageRecord | undefined;
}

/** The decision this installation took in answer to its review package `packageId`, if any. */
export function findAnswer(db: Db, packageId: string): PackageRecord | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM review_packages WHERE reply_to = ? AND direction = 'received'`).get(packageId) as PackageRecord | undefined;
}

/** The review package this installation took for a version (the one a decision answers). */
export function receivedReview(db: Db, versionId: string): PackageRecord | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM review_packages WHERE version_id = ? AND kind = 'review' AND direction = 'received'`).get(versionId) as PackageRecord | undefined;
}

export function listPackages(db: Db, documentId?: string): PackageRecord[] {
  const where = documentId ? 'WHERE document_id = ?' : '';
  return db.prepare(`SELECT ${COLUMNS} FROM review_packages ${where} ORDER BY recorded_at, id`).all(...(documentId ? [documentId] : [])) as PackageRecord[];
}

// ---- trusted installations -----------------------------------------------------------------------

export interface TrustedInstallation {
  readonly fingerprint: string;
  readonly pem: string | null;
  readonly label: string;
  readonly addedBy: string;
  readonly addedAt: string;
}

export function insertTrustedInstallation(db: Db, t: Omit<TrustedInstallation, 'addedAt'>): TrustedInstallation {
  const row = { ...t, addedAt: now() };
  db.prepare('INSERT INTO trusted_installations (fingerprint, pem, label, added_by, added_at, origin) VALUES (?, ?, ?, ?, ?, ?)').run(
    row.fingerprint,
    row.pem,
    row.label,
    row.addedBy,
    row.addedAt,
    installationId(db),
  );
  return row;
}

export function listTrustedInstallations(db: Db): TrustedInstallation[] {
  return db.prepare('SELECT fingerprint, pem, label, added_by AS "addedBy", added_at AS "addedAt" FROM trusted_installations ORDER BY added_at').all() as TrustedInstallation[];
}
