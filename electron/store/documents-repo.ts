// Documents (review items) and their versions: each version is a file by SHA-256, with its bytes.
import { randomUUID } from 'node:crypto';
import type { PublicationMode, VersionInfo } from '../../shared/records';
import { installationId, now, type Db } from './connection';

export interface DocumentRow {
  id: string;
  title: string;
  doc_number: string;
  division: string;
  drafter_id: string;
  channel: string;
  scope: string;
  publish_time: string;
  publication_mode: PublicationMode;
  created_at: string;
}

interface VersionRow {
  id: string;
  document_id: string;
  number: number;
  sha256: string;
  file_name: string;
  size: number;
  created_at: string;
}

const toVersion = (r: VersionRow): VersionInfo => ({
  id: r.id,
  documentId: r.document_id,
  number: r.number,
  sha256: r.sha256,
  fileName: r.file_name,
  size: r.size,
  createdAt: r.created_at,
});

export interface NewDocument {
  readonly title: string;
  readonly docNumber: string;
  readonly division: string;
  readonly drafterId: string;
  readonly publicationMode: PublicationMode;
  readonly channel: string;
  readonly scope: string;
  readonly publishTime: string;
}

export function insertDocument(db: Db, d: NewDocument): string {
  const id = randomUUID();
  db.prepare(
    `INSERT INTO documents (id, title, doc_number, division, drafter_id, channel, scope, publish_time, publication_mode, created_at, origin)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, d.title, d.docNumber, d.division, d.drafterId, d.channel, d.scope, d.publishTime, d.publicationMode, now(), installationId(db));
  return id;
}

export function updatePublication(db: Db, id: string, p: Pick<NewDocument, 'publicationMode' | 'channel' | 'scope' | 'publishTime'>): void {
  db.prepare('UPDATE documents SET publication_mode = ?, channel = ?, scope = ?, publish_time = ? WHERE id = ?').run(
    p.publicationMode,
    p.channel,
    p.scope,
    p.publishTime,
    id,
  );
}

export function findDocument(db: Db, id: string): DocumentRow | undefined {
  return db.prepare('SELECT * FROM documents WHERE id = ?').get(id) as DocumentRow | undefined;
}

export function listDocuments(db: Db): DocumentRow[] {
  return db.prepare('SELECT * FROM documents ORDER BY created_at DESC').all() as DocumentRow[];
}

export function insertVersion(db: Db, documentId: string, file: { sha256: string; fileName: string; content: Buffer }, userId: string): VersionInfo {
  const number = ((db.prepare('SELECT MAX(number) AS n FROM versions WHERE document_id = ?').get(documentId) as { n: number | null }).n ?? 0) + 1;
  const id = randomUUID();
  const createdAt = now();
  db.prepare(
    'INSERT INTO versions (id, document_id, number, sha256, file_name, size, content, created_at, created_by, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(id, documentId, number, file.sha256, file.fileName, file.content.length, file.content, createdAt, userId, installationId(db));
  return { id, documentId, number, sha256: file.sha256, fileName: file.fileName, size: file.content.length, createdAt };
}

export function findVersionBySha(db: Db, documentId: string, sha256: string): VersionInfo | undefined {
  const r = db.prepare('SELECT id, document_id, number, sha256, file_name, size, created_at FROM versions WHERE document_id = ? AND sha256 = ?').get(documentId, sha256) as VersionRow | undefined;
  return r && toVersion(r);
}

export function findVersion(db: Db, id: string): VersionInfo | undefined {
  const r = db.prepare('SELECT id, document_id, number, sha256, file_name, size, created_at FROM versions WHERE id = ?').get(id) as VersionRow | undefined;
  return r && toVersion(r);
}

export function listVersions(db: Db, documentId: string): VersionInfo[] {
  return (db.prepare('SELECT id, document_id, number, sha256, file_name, size, created_at FROM versions WHERE document_id = ? ORDER BY number').all(documentId) as VersionRow[]).map(toVersion);
}

export function latestVersion(db: Db, documentId: string): VersionInfo | undefined {
  const r = db.prepare('SELECT id, document_id, number, sha256, file_name, size, created_at FROM versions WHERE document_id = ? ORDER BY number DESC LIMIT 1').get(documentId) as VersionRow | undefined;
  return r && toVersion(r);
}

export function versionContent(db: Db, id: string): Buffer {
  return (db.prepare('SELECT content FROM versions WHERE id = ?').get(id) as { content: Buffer }).content;
}
