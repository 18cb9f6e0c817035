// The rows a review package carries, and how they enter another installation's record. A row is
// carried exactly as stored (ids, times, origin, signature), so that its author's signature verifies
// wherever it goes; what is secret stays home (password hashes, encrypted private keys). At the
// receiving end every signed row is checked against its signer's public key before anything is
// written, a row already there must be the same row, and each new row is bound to this
// installation's audit chain in the import's transaction.
import { createHash } from 'node:crypto';
import { recordHash, recordedValues, type Row, type RowValue } from '../integrity/canonical-record';
import { recordKind, storedColumns, type RecordKindName } from '../integrity/record-kinds';
import { signaturePayload, verifyPayload } from '../integrity/record-signature';
import { keyFingerprint, parsePublicKeyPem } from '../dictionary/signing-key';
import type { Db } from '../store/connection';
import { bindRecord } from '../store/record-binding';
import { readRecordRow } from '../store/record-rows';
import { ReviewPackageRefusal, type PackageRecords, type PackageRow, type ReviewPackage } from './review-package';

interface TableSpec {
  readonly list: keyof PackageRecords;
  readonly table: string;
  /** The record kind its rows are bound as; findings are bound with their scan. */
  readonly kind?: RecordKindName;
  readonly columns: readonly string[];
  /** What a row is called in a refusal. */
  readonly label: string;
}

const columnsOf = (kind: RecordKindName, ...secret: string[]) => storedColumns(recordKind(kind)).filter((c) => !secret.includes(c));
const FINDING_COLUMNS = ['id', 'scan_id', 'seq', 'category', 'kind', 'severity', 'match', 'part', 'rule_id', 'json'];

/** In the order their references need. */
const TABLES: readonly TableSpec[] = [
  { list: 'users', table: 'users', kind: 'user', columns: columnsOf('user', 'password_hash', 'disabled'), label: '用户' },
  { list: 'userKeys', table: 'user_keys', kind: 'user-key', columns: columnsOf('user-key', 'encrypted_private_key'), label: '签名公钥' },
  { list: 'documents', table: 'documents', kind: 'document', columns: columnsOf('document'), label: '文稿' },
  { list: 'versions', table: 'versions', kind: 'version', columns: columnsOf('version'), label: '版本' },
  { list: 'scans', table: 'scans', kind: 'scan', columns: columnsOf('scan'), label: '扫描结果' },
  { list: 'findings', table: 'findings', columns: FINDING_COLUMNS, label: '审查发现' },
  { list: 'dispositions', table: 'dispositions', kind: 'disposition', columns: columnsOf('disposition'), label: '处置' },
  { list: 'signoffs', table: 'signoffs', kind: 'signoff', columns: columnsOf('signoff'), label: '签批' },
];
const PUBLICATION_COLUMNS = ['publication_mode', 'channel', 'scope', 'publish_time'];
const SPEC = new Map(TABLES.map((t) => [t.list, t]));
/** Rows that change after they are written (a document's publication fields; a user's role): the receiver keeps its own. */
const KEPT_AS_THEY_ARE = new Set<keyof PackageRecords>(['users', 'documents']);

const cell = (v: RowValue): string | number | null =>
  v === null || v === undefined ? null : v instanceof Uint8Array ? Buffer.from(v).toString('base64') : typeof v === 'bigint' || typeof v === 'boolean' ? Number(v) : v;

// ---- export -------------------------------------------------------------------------------------

/**
 * The record of one version: with its document, file and scans (a review package), or only the
 * dispositions and sign-offs (a decision package); with the users and public keys they name.
 */
export function collectRecords(db: Db, versionId: string, withFile: boolean): PackageRecords {
  const select = (spec: TableSpec, from: string, params: unknown[], alias = '') =>
    (db.prepare(`SELECT ${spec.columns.map((c) => `${alias}${c}`).join(', ')} FROM ${from}`).all(...params) as Row[]).map((r) =>
      Object.fromEntries(spec.columns.map((c) => [c, cell(r[c])])),
    );
  const ofVersion = 'JOIN scans s ON s.id = f.scan_id WHERE s.version_id = ?';
  const versions = withFile ? select(SPEC.get('versions')!, 'versions WHERE id = ?', [versionId]) : [];
  const documents = withFile ? select(SPEC.get('documents')!, 'documents WHERE id = ?', [versions[0]?.document_id]) : [];
  const scans = withFile ? select(SPEC.get('scans')!, 'scans WHERE version_id = ? ORDER BY created_at, rowid', [versionId]) : [];
  const findings = withFile ? select(SPEC.get('findings')!, `findings f ${ofVersion} ORDER BY f.scan_id, f.seq`, [versionId], 'f.') : [];
  const dispositions = select(SPEC.get('dispositions')!, `dispositions d JOIN findings f ON f.id = d.finding_id ${ofVersion} ORDER BY d.created_at, d.rowid`, [versionId], 'd.');
  const signoffs = select(SPEC.get('signoffs')!, 'signoffs WHERE version_id = ? ORDER BY signed_at, rowid', [versionId]);
  const userIds = new Set([...documents.map((d) => d.drafter_id), ...versions.map((v) => v.created_by), ...scans.map((s) => s.created_by), ...dispositions.map((d) => d.user_id), ...signoffs.map((s) => s.user_id)]);
  const keyIds = new Set([...dispositions, ...signoffs].map((r) => r.key_id));
  const byIds = (list: keyof PackageRecords, ids: Set<string | number | null>) =>
    [...ids].filter((id) => id !== null).flatMap((id) => select(SPEC.get(list)!, `${SPEC.get(list)!.table} WHERE id = ?`, [id]));
  return { users: byIds('users', userIds), userKeys: byIds('userKeys', keyIds), documents, versions, scans, findings, dispositions, signoffs };
}

// ---- import -------------------------------------------------------------------------------------

/** Every row has the columns its table needs, with plain values, and belongs to the package's version. */
export function checkShape(p: ReviewPackage): void {
  const bad = (why: string): never => {
    throw new ReviewPackageRefusal('tampered', why);
  };
  for (const spec of TABLES) {
    for (const row of p.records[spec.list]) {
      for (const c of spec.columns) {
        const v = row[c];
        if (!(c in row) || !(v === null || typeof v === 'string' || typeof v === 'number')) bad(`包内${spec.label}记录的字段「${c}」缺失或有误`);
      }
    }
  }
  const { versions, documents, scans, findings, signoffs } = p.records;
  for (const v of versions) {
    if (v.id !== p.versionId || v.document_id !== p.documentId || v.sha256 !== p.sha256) bad('包内版本与包所声明的版本不符');
    const bytes = Buffer.from(String(v.content), 'base64');
    if (createHash('sha256').update(bytes).digest('hex') !== p.sha256 || bytes.length !== Number(v.size)) bad('包内文件内容与其 SHA-256 不符（文件被替换或损坏）');
  }
  if (documents.some((d) => d.id !== p.documentId)) bad('包内文稿与包所声明的文稿不符');
  if (scans.some((s) => s.version_id !== p.versionId)) bad('包内扫描结果不属于包所声明的版本');
  const scanIds = new Set(scans.map((s) => s.id));
  if (findings.some((f) => !scanIds.has(f.scan_id))) bad('包内审查发现不属于包内的扫描结果');
  if (signoffs.some((s) => s.version_id !== p.versionId)) bad('包内签批不属于包所声明的版本');
}

/**
 * Each disposition and sign-off was signed by its author, with the key the package (or this
 * installation) has for them, over this version's file and the sign-off before it; otherwise
 * 'unknown-signer' (no such key, or not theirs) or 'tampered' (the signature does not match).
 */
export function checkSignatures(db: Db, p: ReviewPackage): void {
  const local = (kind: RecordKindName, id: string) => readRecordRow(db, recordKind(kind), id);
  const find = (list: keyof PackageRecords, kind: RecordKindName, id: unknown) => p.records[list].find((r) => r.id === id) ?? local(kind, String(id));
  const signoffKind = recordKind('signoff');
  for (const [list, kindName] of [['dispositions', 'disposition'], ['signoffs', 'signoff']] as const) {
    const kind = recordKind(kindName);
    for (const row of p.records[list]) {
      const who = `「${kindName === 'signoff' ? String(row.user_name) : String(row.user_id).slice(0, 8)}」的${kind.label}（${String(row.id).slice(0, 8)}…）`;
      if (row.signature === null || row.key_id === null) throw new ReviewPackageRefusal('tampered', `${who}没有电子签名`);
      const key = find('userKeys', 'user-key', row.key_id);
      if (!key) throw new ReviewPackageRefusal('unknown-signer', `${who}所用的签名公钥不在包中，也不在本机`);
      let fingerprint: string | undefined;
      try {
        fingerprint = keyFingerprint(parsePublicKeyPem(String(key.public_key)));
      } catch {
        fingerprint = undefined;
      }
      const at = String(kindName === 'signoff' ? row.signed_at : row.created_at);
      if (key.user_id !== row.user_id || fingerprint !== key.fingerprint || String(key.created_at) > at) {
        throw new ReviewPackageRefusal('unknown-signer', `${who}所用的签名公钥不属于签名人`);
      }
      const versionId = kindName === 'signoff' ? row.version_id : findingVersion(db, p, String(row.finding_id));
      if (versionId !== p.versionId) throw new ReviewPackageRefusal('tampered', `${who}不属于包所声明的版本`);
      let prevHash: string | null = null;
      if (row.prev_signoff_id !== null) {
        const prev = find('signoffs', 'signoff', row.prev_signoff_id);
        if (!prev) throw new ReviewPackageRefusal('tampered', `${who}所接续的上一份签批不在包中`);
        prevHash = recordHash(signoffKind, recordedValues(signoffKind, prev));
      }
      const payload = signaturePayload(kind, recordedValues(kind, row), p.sha256, prevHash);
      if (!verifyPayload(String(key.public_key), payload, String(row.signature))) throw new ReviewPackageRefusal('tampered', `${who}的电子签名无效：内容与签名不符`);
    }
  }
}

function findingVersion(db: Db, p: ReviewPackage, findingId: string): unknown {
  const finding = p.records.findings.find((f) => f.id === findingId);
  const scanId = finding?.scan_id ?? (db.prepare('SELECT scan_id FROM findings WHERE id = ?').get(findingId) as { scan_id: string } | undefined)?.scan_id;
  return p.records.scans.find((s) => s.id === scanId)?.version_id ?? (db.prepare('SELECT version_id FROM scans WHERE id = ?').get(scanId) as { version_id: string } | undefined)?.version_id;
}

/** A row as it goes into this database: the file's bytes decoded, the secrets that stayed home left blank. */
function stored(spec: TableSpec, row: PackageRow): Record<string, unknown> {
  const values: Record<string, unknown> = Object.fromEntries(spec.columns.map((c) => [c, row[c]]));
  if (spec.list === 'versions') values.content = Buffer.from(String(row.content), 'base64');
  if (spec.list === 'users') {
    // A person of another installation: named for the record, never signing in here.
    Object.assign(values, { username: `${String(row.username)}@${String(row.origin).slice(0, 8)}`, password_hash: '!', disabled: 1 });
  }
  if (spec.list === 'userKeys') values.encrypted_private_key = '';
  return values;
}

/**
 * Writes the rows this installation does not have yet and binds each to the audit chain; a row it
 * has must be the same (documents and users excepted: they are the receiver's own to change).
 * Call inside the import's transaction, after checkShape and checkSignatures. Returns how many rows were new.
 */
export function writeRecords(db: Db, p: ReviewPackage, actor: string): number {
  const bound: [RecordKindName, string][] = [];
  const publication: string[] = [];
  for (const spec of TABLES) {
    for (const row of p.records[spec.list]) {
      const id = String(row.id);
      const existing = db.prepare(`SELECT ${spec.columns.join(', ')} FROM ${spec.table} WHERE id = ?`).get(id) as Row | undefined;
      const differs = (columns: readonly string[]) => existing !== undefined && columns.some((c) => String(cell(existing[c])) !== String(row[c]));
      if (existing && spec.list === 'documents' && differs(PUBLICATION_COLUMNS)) {
        // The division changed its proposal (拟公开方式…) since it last sent this document.
        db.prepare('UPDATE documents SET publication_mode = @publication_mode, channel = @channel, scope = @scope, publish_time = @publish_time WHERE id = @id').run(Object.fromEntries(['id', ...PUBLICATION_COLUMNS].map((c) => [c, row[c]])));
        publication.push(id);
      }
      if (existing) {
        if (!KEPT_AS_THEY_ARE.has(spec.list) && differs(spec.columns)) throw new ReviewPackageRefusal('tampered', `包内${spec.label}（${id.slice(0, 8)}…）与本机已有的同一记录不符`);
        continue;
      }
      insert(db, spec, row);
      if (spec.kind) bound.push([spec.kind, id]);
    }
  }
  // After every insert: a scan's record covers its findings.
  for (const [kind, id] of bound) {
    bindRecord(db, kind, id, { actor, action: 'package.record', subject: id, details: { packageId: p.id, kind: p.kind, from: p.sender } });
  }
  for (const id of publication) bindRecord(db, 'document', id, { actor, action: 'document.publication', subject: id, details: { packageId: p.id, from: p.sender } });
  return bound.length;
}

/** A row the package brings; one this database's constraints refuse was not written by Mishen. */
function insert(db: Db, spec: TableSpec, row: PackageRow): void {
  const values = stored(spec, row);
  const columns = Object.keys(values);
  try {
    db.prepare(`INSERT INTO ${spec.table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(values);
  } catch (e) {
    const code = String((e as { code?: unknown }).code ?? '');
    // SQLite's constraint codes, PostgreSQL's class 23 (integrity constraint violation).
    if (!/^SQLITE_CONSTRAINT|^23/.test(code)) throw e;
    throw new ReviewPackageRefusal('tampered', `包内${spec.label}（${String(row.id).slice(0, 8)}…）不符合本机记录的约束：${(e as Error).message}`);
  }
}
