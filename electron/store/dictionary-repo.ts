// Dictionary versions, the active-version pointer, trusted public keys, and the decisions on
// allow-list proposals. Versions are immutable rows (triggers refuse UPDATE and DELETE); a
// rollback is a new version with old content.
import { randomUUID } from 'node:crypto';
import type { DictionaryVersionInfo } from '../../shared/dictionary-api';
import { installationId, now, type Db } from './connection';

/** A stored version as the window sees it (shared/dictionary-api.ts), less the `active` flag. */
export type DictionaryVersionRecord = Omit<DictionaryVersionInfo, 'active'>;

interface VersionRow {
  id: string;
  number: number;
  hash: string;
  note: string;
  created_by: string;
  created_at: string;
  origin: string;
  issuer: string | null;
  package_created_at: string | null;
  key_fingerprint: string | null;
}

const COLUMNS = 'id, number, hash, note, created_by, created_at, origin, issuer, package_created_at, key_fingerprint';

const toRecord = (r: VersionRow): DictionaryVersionRecord => ({
  id: r.id,
  number: r.number,
  hash: r.hash,
  note: r.note,
  createdBy: r.created_by,
  createdAt: r.created_at,
  origin: r.origin,
  issuer: r.issuer ?? undefined,
  packageCreatedAt: r.package_created_at ?? undefined,
  keyFingerprint: r.key_fingerprint ?? undefined,
});

export interface NewDictionaryVersion {
  /** Defaults to one more than the highest number so far. */
  readonly number?: number;
  readonly hash: string;
  readonly content: string;
  readonly note: string;
  readonly createdBy: string;
  readonly issuer?: string;
  readonly packageCreatedAt?: string;
  readonly keyFingerprint?: string;
}

export function maxVersionNumber(db: Db): number {
  return (db.prepare('SELECT MAX(number) AS n FROM dictionary_versions').get() as { n: number | null }).n ?? 0;
}

export function insertDictionaryVersion(db: Db, v: NewDictionaryVersion): DictionaryVersionRecord {
  const row: VersionRow = {
    id: randomUUID(),
    number: v.number ?? maxVersionNumber(db) + 1,
    hash: v.hash,
    note: v.note,
    created_by: v.createdBy,
    created_at: now(),
    origin: installationId(db),
    issuer: v.issuer ?? null,
    package_created_at: v.packageCreatedAt ?? null,
    key_fingerprint: v.keyFingerprint ?? null,
  };
  db.prepare(
    `INSERT INTO dictionary_versions (${COLUMNS}, content) VALUES (@id, @number, @hash, @note, @created_by, @created_at, @origin, @issuer, @package_created_at, @key_fingerprint, @content)`,
  ).run({ ...row, content: v.content });
  return toRecord(row);
}

export function listDictionaryVersions(db: Db): DictionaryVersionRecord[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM dictionary_versions ORDER BY number`).all() as VersionRow[]).map(toRecord);
}

export function findDictionaryVersion(db: Db, number: number): (DictionaryVersionRecord & { content: string }) | undefined {
  const r = db.prepare(`SELECT ${COLUMNS}, content FROM dictionary_versions WHERE number = ?`).get(number) as (VersionRow & { content: string }) | undefined;
  return r && { ...toRecord(r), content: r.content };
}

const ACTIVE_KEY = 'active_dictionary_version';

export function activeVersionNumber(db: Db): number | undefined {
  const r = db.prepare('SELECT value FROM meta WHERE key = ?').get(ACTIVE_KEY) as { value: string } | undefined;
  return r ? Number(r.value) : undefined;
}

export function setActiveVersionNumber(db: Db, number: number): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(ACTIVE_KEY, String(number));
}

export function getMeta(db: Db, key: string): string | undefined {
  return (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

// ---- trusted keys ---------------------------------------------------------------------------

export interface TrustedKey {
  readonly fingerprint: string;
  readonly pem: string;
  readonly label: string;
  readonly addedBy: string;
  readonly addedAt: string;
}

export function insertTrustedKey(db: Db, k: Omit<TrustedKey, 'addedAt'>): TrustedKey {
  const addedAt = now();
  db.prepare('INSERT INTO trusted_keys (fingerprint, pem, label, added_by, added_at, origin) VALUES (?, ?, ?, ?, ?, ?)').run(
    k.fingerprint,
    k.pem,
    k.label,
    k.addedBy,
    addedAt,
    installationId(db),
  );
  return { ...k, addedAt };
}

export function listTrustedKeys(db: Db): TrustedKey[] {
  return (db.prepare('SELECT fingerprint, pem, label, added_by, added_at FROM trusted_keys ORDER BY added_at').all() as Record<string, string>[]).map((r) => ({
    fingerprint: r.fingerprint,
    pem: r.pem,
    label: r.label,
    addedBy: r.added_by,
    addedAt: r.added_at,
  }));
}

// ---- allow-list proposals (the queue itself is written by the review service) ----------------

export interface ProposalRow {
  readonly id: string;
  readonly term: string;
  readonly category: string;
  readonly status: 'pending' | 'accepted' | 'rejected';
}

export function findProposal(db: Db, id: string): ProposalRow | undefined {
  return db.prepare('SELECT id, term, category, status FROM allow_proposals WHERE id = ?').get(id) as ProposalRow | undefined;
}

export function decideProposal(db: Db, id: string, d: { status: 'accepted' | 'rejected'; userId: string; note: string; version?: number }): void {
  db.prepare('UPDATE allow_proposals SET status = ?, decided_by = ?, decided_at = ?, decision_note = ?, dictionary_version = ? WHERE id = ?').run(
    d.status,
    d.userId,
    now(),
    d.note,
    d.version ?? null,
    id,
  );
}
