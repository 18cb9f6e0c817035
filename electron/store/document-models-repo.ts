// The document model a scan read from its file, kept with the scan (gzip-compressed JSON), so the
// window shows the document as the scan saw it without reading the file again.
import { gunzipSync, gzipSync } from 'node:zlib';
import type { ExtractedDocument } from '../../shared/document-model';
import { installationId, now, type Db } from './connection';
import { statement } from './statement-cache';

export function insertDocumentModel(db: Db, scanId: string, model: ExtractedDocument): void {
  const compressed = gzipSync(Buffer.from(JSON.stringify(model), 'utf8'));
  statement(db, 'INSERT INTO document_models (scan_id, format, model, created_at, origin) VALUES (?, ?, ?, ?, ?)').run(scanId, model.format, compressed, now(), installationId(db));
}

/** The stored model of a scan; undefined for a scan recorded before models were kept. */
export function readDocumentModel(db: Db, scanId: string): ExtractedDocument | undefined {
  const row = statement(db, 'SELECT model FROM document_models WHERE scan_id = ?').get(scanId) as { model: Buffer } | undefined;
  return row && (JSON.parse(gunzipSync(row.model).toString('utf8')) as ExtractedDocument);
}

/** The model the latest scan of a version kept, with that scan's id; undefined if it kept none. */
export function readLatestDocumentModel(db: Db, versionId: string): { scanId: string; model: ExtractedDocument } | undefined {
  const scanId = statement(db, 'SELECT id FROM scans WHERE version_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1').pluck().get(versionId) as string | undefined;
  const model = scanId === undefined ? undefined : readDocumentModel(db, scanId);
  return model && scanId ? { scanId, model } : undefined;
}
