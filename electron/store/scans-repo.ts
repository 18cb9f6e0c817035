// Scans of a version with their findings, and the dispositions of each finding.
import { randomUUID } from 'node:crypto';
import type { Finding, Verdict } from '../../shared/findings';
import type { DispositionAction, DispositionRecord, ScanRecord, StoredFinding } from '../../shared/records';
import type { FileReport } from '../../shared/report';
import type { AllowProposalInfo } from '../../shared/dictionary-api';
import { installationId, now, type Db } from './connection';

export function insertScan(db: Db, versionId: string, report: FileReport, dictionaryVersion: string, userId: string | null): string {
  const id = randomUUID();
  const origin = installationId(db);
  db.prepare(
    `INSERT INTO scans (id, version_id, verdict, warnings_json, error_json, dictionary_version, dictionary_hash, dictionary_lists, engine_version, created_at, created_by, origin)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    versionId,
    report.verdict,
    JSON.stringify(report.warnings),
    report.error ? JSON.stringify(report.error) : null,
    dictionaryVersion,
    report.dictionaryHash ?? '',
    JSON.stringify(report.dictionaryLists ?? []),
    report.engineVersion ?? '',
    now(),
    userId,
    origin,
  );
  const insert = db.prepare('INSERT INTO findings (id, scan_id, seq, category, kind, severity, match, part, rule_id, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  report.findings.forEach((f, seq) => insert.run(randomUUID(), id, seq, f.category, f.kind ?? null, f.severity, f.match, f.part, f.ruleId, JSON.stringify(f)));
  return id;
}

interface ScanRow {
  id: string;
  version_id: string;
  verdict: Verdict;
  warnings_json: string;
  dictionary_version: string;
  dictionary_hash: string;
  dictionary_lists: string;
  engine_version: string;
  created_at: string;
}

export function latestScan(db: Db, versionId: string): ScanRecord | undefined {
  const r = db.prepare('SELECT * FROM scans WHERE version_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1').get(versionId) as ScanRow | undefined;
  return r && loadScan(db, r);
}

export function findScan(db: Db, id: string): ScanRecord | undefined {
  const r = db.prepare('SELECT * FROM scans WHERE id = ?').get(id) as ScanRow | undefined;
  return r && loadScan(db, r);
}

function loadScan(db: Db, r: ScanRow): ScanRecord {
  const rows = db.prepare('SELECT id, seq, json FROM findings WHERE scan_id = ? ORDER BY seq').all(r.id) as { id: string; seq: number; json: string }[];
  const dispositions = latestDispositions(db, r.id);
  const findings: StoredFinding[] = rows.map((f) => ({ ...(JSON.parse(f.json) as Finding), id: f.id, seq: f.seq, disposition: dispositions.get(f.id) }));
  return {
    id: r.id,
    versionId: r.version_id,
    verdict: r.verdict,
    warnings: JSON.parse(r.warnings_json),
    dictionaryVersion: r.dictionary_version,
    dictionaryHash: r.dictionary_hash,
    dictionaryLists: JSON.parse(r.dictionary_lists),
    engineVersion: r.engine_version,
    createdAt: r.created_at,
    findings,
  };
}

/** The current disposition of each finding of a scan: the latest row wins, older rows are its history. */
function latestDispositions(db: Db, scanId: string): Map<string, DispositionRecord> {
  const rows = db
    .prepare(
      `SELECT d.id, d.finding_id, d.action, d.reason, d.user_id, u.display_name AS user_name, d.created_at
       FROM dispositions d JOIN findings f ON f.id = d.finding_id JOIN users u ON u.id = d.user_id
       WHERE f.scan_id = ? ORDER BY d.created_at, d.rowid`,
    )
    .all(scanId) as { id: string; finding_id: string; action: DispositionAction; reason: string; user_id: string; user_name: string; created_at: string }[];
  const out = new Map<string, DispositionRecord>();
  for (const d of rows) {
    out.set(d.finding_id, { id: d.id, findingId: d.finding_id, action: d.action, reason: d.reason, userId: d.user_id, userName: d.user_name, createdAt: d.created_at });
  }
  return out;
}

export function findFinding(db: Db, id: string): (StoredFinding & { scanId: string }) | undefined {
  const r = db.prepare('SELECT id, seq, scan_id, json FROM findings WHERE id = ?').get(id) as { id: string; seq: number; scan_id: string; json: string } | undefined;
  return r && { ...(JSON.parse(r.json) as Finding), id: r.id, seq: r.seq, scanId: r.scan_id };
}

/** A disposition as stored, by column; written whole, with its signature, and never changed. */
export interface DispositionRow {
  readonly id: string;
  readonly finding_id: string;
  readonly action: DispositionAction;
  readonly reason: string;
  readonly user_id: string;
  readonly created_at: string;
  readonly origin: string;
  readonly prev_signoff_id: string | null;
  readonly key_id: string | null;
  readonly signature: string | null;
}

export function insertDisposition(db: Db, row: DispositionRow): void {
  db.prepare(
    `INSERT INTO dispositions (id, finding_id, action, reason, user_id, created_at, origin, prev_signoff_id, key_id, signature)
     VALUES (@id, @finding_id, @action, @reason, @user_id, @created_at, @origin, @prev_signoff_id, @key_id, @signature)`,
  ).run(row);
}

export function insertAllowProposal(db: Db, p: { findingId: string; term: string; category: string; context: string; reason: string; userId: string }): string {
  const id = randomUUID();
  db.prepare(
    'INSERT INTO allow_proposals (id, finding_id, term, category, context, reason, proposed_by, created_at, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(id, p.findingId, p.term, p.category, p.context, p.reason, p.userId, now(), installationId(db));
  return id;
}

/** An allow-list proposal, in the shape the window receives (shared/dictionary-api.ts). */
export type AllowProposal = AllowProposalInfo;

export function listAllowProposals(db: Db, status?: AllowProposal['status']): AllowProposal[] {
  const rows = db
    .prepare(
      `SELECT p.id, p.finding_id, p.term, p.category, p.context, p.reason, u.display_name AS proposed_by, p.created_at, p.status
       FROM allow_proposals p JOIN users u ON u.id = p.proposed_by ${status ? 'WHERE p.status = ?' : ''} ORDER BY p.created_at`,
    )
    .all(...(status ? [status] : [])) as Record<string, string>[];
  return rows.map((r) => ({
    id: r.id,
    findingId: r.finding_id,
    term: r.term,
    category: r.category,
    context: r.context,
    reason: r.reason,
    proposedBy: r.proposed_by,
    createdAt: r.created_at,
    status: r.status as AllowProposal['status'],
  }));
}
