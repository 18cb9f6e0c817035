// The review service over the local database: submit drafts, record scans, dispose of findings,
// sign off (一事一审), read the record and the audit log. Every call names its actor, and who may do
// what is decided by shared/permissions.ts; every change is one transaction together with the audit
// entries that bind its rows (store/record-binding.ts), so a crash leaves either both or neither.
// Sign-offs and dispositions are signed with the actor's own key, unlocked by their password at
// sign-in and held only in memory for the session. Built by open-services.ts.
import { createHash, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { mayAddVersion, mayChangeUser, mayDispose, mayDo, maySee, maySetPublication, maySign } from '../../shared/permissions';
import {
  CLI_SCAN_USER,
  DEFAULT_PUBLICATION_MODE,
  DISPOSITIONS_NEEDING_REASON,
  DISPOSITION_LABELS,
  PUBLICATION_MODES,
  ROLES,
  ServiceError,
  UNSPECIFIED_DIVISION,
  chainState,
  officeOutcome,
  type DispositionAction,
  type DocumentDetail,
  type DocumentState,
  type DocumentSummary,
  type PublicationMode,
  type Role,
  type SignRequest,
  type UserInfo,
} from '../../shared/records';
import type { FileReport } from '../../shared/report';
import { readDocument } from '../ingest/read-document';
import { chainHead, listAudit, type AuditEntry } from '../store/audit-log';
import { installationId, now, type Db } from '../store/connection';
import * as documents from '../store/documents-repo';
import { bindRecord } from '../store/record-binding';
import { recordTransaction } from '../store/record-transaction';
import * as scans from '../store/scans-repo';
import * as signoffs from '../store/signoffs-repo';
import * as userKeys from '../store/user-keys-repo';
import * as users from '../store/users-repo';
import { verifyDatabase, type VerifyOptions } from '../store/verify-database';
import type { VerifyReport } from '../integrity/verify-records';
import { hashPassword, verifyPassword } from './passwords';
import type { ScanKitSource } from './active-scan-kits';
import { signRow } from './record-signer';
import { scanBytesWithDocument, type ScanProgress } from '../scan/scan-file';
import type { DocumentModel, ImportOptions } from '../../shared/api-contract';
import type { ExtractedDocument } from '../../shared/document-model';
import { insertDocumentModel } from '../store/document-models-repo';
import { documentModel, storedModelOf, versionPicture } from './document-view';
import { enforce } from './enforce';
import { newUserKey, unlockUserKey, type UnlockedKey } from './user-keys';

export type { AuditEntry, VerifyOptions };

/** What the window's import asks for (its progress token is the window's own), and who hears the scan's progress. */
export interface SubmitOptions extends Omit<ImportOptions, 'progressToken'> {
  /** Hears how far the scan has got (the window's import progress). */
  readonly onProgress?: (progress: ScanProgress) => void;
}

export interface NewUser {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly division: string;
  readonly password: string;
}

/** A file to submit: its name (for the record and messages) and its bytes. */
export interface SubmittedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export class RecordsService {
  /** The signing keys of the users signed in through this service, by user id, with how many sessions hold each. */
  private readonly unlocked = new Map<string, UnlockedKey>();
  private readonly sessions = new Map<string, number>();

  /** `kits`: what scans are made with (active-scan-kits.ts). */
  constructor(
    private readonly db: Db,
    private readonly kits: ScanKitSource,
  ) {}

  // ---- users -------------------------------------------------------------------------------

  /** True while the database has no user but the command line's: the window then offers to create the first administrator. */
  needsSetup(): boolean {
    return !users.listUsers(this.db).some((u) => u.username !== CLI_SCAN_USER);
  }

  /** The first user of a new database: an administrator, signed in. Refused once any user exists. */
  bootstrapAdmin(username: string, displayName: string, password: string): UserInfo {
    const admin = recordTransaction(this.db, () => {
      if (!this.needsSetup()) throw new ServiceError('forbidden', '数据库已有用户，不能再初始化管理员。');
      return this.insertUser('system', { username, displayName, role: 'admin', division: '办公室', password });
    });
    this.holdKey(admin.user.id, admin.key);
    return admin.user;
  }

  /**
   * Checks the password and unlocks the user's signing key for this session. A user from before
   * signatures existed (database version 2) gets a key pair now, at their first sign-in.
   */
  login(username: string, password: string): UserInfo {
    const u = users.findUserByName(this.db, username);
    if (!u || u.disabled || !verifyPassword(password, u.passwordHash)) throw new ServiceError('bad-credentials', '用户名或密码错误，或账号已停用。');
    const { passwordHash: _, ...info } = u;
    const current = userKeys.currentUserKey(this.db, u.id);
    const key = current ? unlockUserKey(current, password) : recordTransaction(this.db, () => this.insertKey(info, info.username, password, 'first-sign-in'));
    // A key that does not open (its row was altered) is not fatal to reading; signing then says so.
    this.holdKey(u.id, key);
    return info;
  }

  /** A user as the database has them now, if they may still act: a disabled or deleted account is no one. */
  activeUser(userId: string): UserInfo | undefined {
    const user = users.findUser(this.db, userId);
    return user && !user.disabled ? user : undefined;
  }

  /** A session of the user ends (the window's sign-out); the key is forgotten with the last one. */
  logout(userId: string): void {
    const left = (this.sessions.get(userId) ?? 1) - 1;
    if (left > 0) return void this.sessions.set(userId, left);
    this.sessions.delete(userId);
    this.unlocked.delete(userId);
  }

  private holdKey(userId: string, key: UnlockedKey | undefined): void {
    this.sessions.set(userId, (this.sessions.get(userId) ?? 0) + 1);
    if (key) this.unlocked.set(userId, key);
    else this.unlocked.delete(userId);
  }

  createUser(actor: UserInfo, u: NewUser): UserInfo {
    enforce(mayDo(actor, 'manage-users'));
    return recordTransaction(this.db, () => this.insertUser(actor.username, u)).user;
  }

  /** A password set by the administrator is a reset: a new key pair; the old public keys stay on record. */
  updateUser(actor: UserInfo, userId: string, change: { role?: Role; division?: string; disabled?: boolean; password?: string }): UserInfo {
    enforce(mayChangeUser(actor, userId, change));
    if (change.role && !ROLES.includes(change.role)) throw new ServiceError('invalid', `未知的角色「${change.role}」。`);
    if (change.password !== undefined && change.password.length < 8) throw new ServiceError('invalid', '密码至少 8 位。');
    return recordTransaction(this.db, () => {
      const target = this.mustFind(users.findUser(this.db, userId), '用户');
      users.updateUser(this.db, userId, { ...change, passwordHash: change.password ? hashPassword(change.password) : undefined });
      const { password: _, ...logged } = change;
      bindRecord(this.db, 'user', userId, { actor: actor.username, action: 'user.update', subject: userId, details: { username: target.username, ...logged, passwordChanged: !!change.password } });
      if (change.password) {
        this.insertKey(target, actor.username, change.password, 'password-reset');
        this.unlocked.delete(userId);
      }
      return users.findUser(this.db, userId)!;
    });
  }

  /** The people: the command line's own account is not one. */
  listUsers(actor: UserInfo): UserInfo[] {
    enforce(mayDo(actor, 'list-users'));
    return users.listUsers(this.db).filter((u) => u.username !== CLI_SCAN_USER);
  }

  private insertUser(actorName: string, u: NewUser): { user: UserInfo; key: UnlockedKey } {
    if (!ROLES.includes(u.role)) throw new ServiceError('invalid', `未知的角色「${u.role}」，可用：${ROLES.join('、')}。`);
    if (!u.username.trim() || !u.displayName.trim() || !u.division.trim()) throw new ServiceError('invalid', '用户名、姓名和处室都不能为空。');
    if (u.password.length < 8) throw new ServiceError('invalid', '密码至少 8 位。');
    if (users.findUserByName(this.db, u.username)) throw new ServiceError('invalid', `用户名「${u.username}」已存在。`);
    const created = users.insertUser(this.db, { username: u.username, displayName: u.displayName, role: u.role, division: u.division }, hashPassword(u.password));
    bindRecord(this.db, 'user', created.id, { actor: actorName, action: 'user.create', subject: created.id, details: { username: u.username, role: u.role, division: u.division } });
    return { user: created, key: this.insertKey(created, actorName, u.password, 'created') };
  }

  /** A new key pair for `user`, its public key bound to the chain. Call inside a transaction. */
  private insertKey(user: UserInfo, actorName: string, password: string, reason: userKeys.UserKeyReason): UnlockedKey {
    const { row, unlocked } = newUserKey(user.id, password, reason, now(), installationId(this.db));
    userKeys.insertUserKey(this.db, row);
    bindRecord(this.db, 'user-key', row.id, { actor: actorName, action: 'user.key', subject: user.id, details: { username: user.username, reason, fingerprint: row.fingerprint } });
    return unlocked;
  }

  /** The actor's unlocked key, if it is still their current one (a reset since sign-in replaces it). */
  private signingKey(actor: UserInfo): UnlockedKey {
    const key = this.unlocked.get(actor.id);
    if (!key || userKeys.currentUserKey(this.db, actor.id)?.id !== key.keyId) {
      throw new ServiceError('key-locked', '签名密钥未解锁或已更换（如密码已被重置）：请重新登录后再签批或处置。');
    }
    return key;
  }

  // ---- documents and scans --------------------------------------------------------------------

  /** A drafter submits a draft from a file on disk (the command line): its bytes are read once. */
  async submit(actor: UserInfo, path: string, options: SubmitOptions = {}): Promise<DocumentDetail> {
    enforce(mayDo(actor, 'submit'));
    const bytes = await readFile(path).catch(async () => {
      // Let the reader say why (missing, a folder, no permission), in its words.
      const outcome = await readDocument(path);
      throw new ServiceError('unreadable-file', outcome.result.ok ? `无法读取「${basename(path)}」。` : outcome.result.error.message);
    });
    return this.submitFile(actor, { name: basename(path), bytes }, options);
  }

  /** A drafter submits a draft: it is stored by hash, reviewed, and the scan recorded. Nothing goes to disk but the database. */
  async submitFile(actor: UserInfo, file: SubmittedFile, options: SubmitOptions = {}): Promise<DocumentDetail> {
    enforce(mayDo(actor, 'submit'));
    const existing = options.documentId ? this.visibleDocument(actor, options.documentId) : undefined;
    if (existing) enforce(mayAddVersion(actor, party(existing)));
    const name = basename(file.name);
    const { kit, version: dictionaryVersion } = this.kits.current();
    const { report, document } = await scanBytesWithDocument(file.bytes, name, kit, options.onProgress);
    if (report.error) throw new ServiceError('unreadable-file', report.error.message);
    const id = recordTransaction(this.db, () => {
      const documentId =
        existing?.id ??
        this.insertDocument(actor, {
          title: options.title?.trim() || name.replace(/\.[^.]+$/, ''),
          docNumber: options.docNumber ?? '',
          division: actor.division,
          drafterId: actor.id,
          publicationMode: this.publicationMode(options.publicationMode),
          channel: options.channel ?? '',
          scope: options.scope ?? '',
          publishTime: options.publishTime ?? '',
        });
      this.recordVersionAndScan(actor, documentId, name, Buffer.from(file.bytes), report, dictionaryVersion, document);
      return documentId;
    });
    return this.getDocument(actor, id);
  }

  /**
   * `mishen --db FILE scan`: records the scan under the command-line user, outside any chain.
   * `dictionaryVersion`: the label of what the scan was made with (the spec the batch started from).
   */
  async recordCliScan(report: FileReport, dictionaryVersion: string): Promise<string | undefined> {
    // A file that cannot be opened at all (missing, say) has no bytes to bind a record to: nothing is
    // recorded, and the scan of the other files goes on. Nor has a file changed since it was scanned.
    // No hash means the reader never got its bytes (a FIFO, a device, a file stopped over its
    // budget): reading it again here could hang.
    if (!report.sha256) return undefined;
    const content = await readFile(report.file).catch(() => undefined);
    if (content === undefined || createHash('sha256').update(content).digest('hex') !== report.sha256) return undefined;
    return recordTransaction(this.db, () => {
      let cli = users.findUserByName(this.db, CLI_SCAN_USER);
      if (!cli) {
        const created = users.insertUser(this.db, { username: CLI_SCAN_USER, displayName: '命令行扫描', role: 'drafter', division: UNSPECIFIED_DIVISION }, '!');
        bindRecord(this.db, 'user', created.id, { actor: 'system', action: 'user.create', subject: created.id, details: { username: CLI_SCAN_USER, role: 'drafter', division: UNSPECIFIED_DIVISION } });
        cli = { ...created, passwordHash: '!' };
      }
      if (!cli.disabled) {
        users.updateUser(this.db, cli.id, { disabled: true });
        bindRecord(this.db, 'user', cli.id, { actor: 'system', action: 'user.update', subject: cli.id, details: { username: CLI_SCAN_USER, disabled: true } });
      }
      const actor = { ...cli, disabled: true };
      const documentId = this.insertDocument(actor, {
        title: basename(report.file),
        docNumber: '',
        division: UNSPECIFIED_DIVISION,
        drafterId: cli.id,
        publicationMode: DEFAULT_PUBLICATION_MODE,
        channel: '',
        scope: '',
        publishTime: '',
      });
      return this.recordVersionAndScan(actor, documentId, basename(report.file), content, report, dictionaryVersion);
    });
  }

  private insertDocument(actor: UserInfo, d: documents.NewDocument): string {
    const id = documents.insertDocument(this.db, d);
    bindRecord(this.db, 'document', id, { actor: actor.username, action: 'document.create', subject: id, details: { title: d.title, division: d.division } });
    return id;
  }

  /** `document`: what the scan read, kept with it for the window (a CLI scan keeps none). */
  private recordVersionAndScan(actor: UserInfo, documentId: string, fileName: string, content: Buffer, report: FileReport, dictionaryVersion: string, document?: ExtractedDocument): string {
    let version = documents.findVersionBySha(this.db, documentId, report.sha256);
    if (!version) {
      version = documents.insertVersion(this.db, documentId, { sha256: report.sha256, fileName, content }, actor.id);
      bindRecord(this.db, 'version', version.id, {
        actor: actor.username,
        action: 'version.create',
        subject: version.id,
        details: { documentId, version: version.number, sha256: version.sha256, fileName },
      });
    }
    const scanId = scans.insertScan(this.db, version.id, report, dictionaryVersion, actor.id);
    bindRecord(this.db, 'scan', scanId, {
      actor: actor.username,
      action: 'scan',
      subject: version.id,
      details: {
        documentId,
        version: version.number,
        sha256: report.sha256,
        scanId,
        verdict: report.verdict,
        findings: report.findings.length,
        dictionaryHash: report.dictionaryHash,
        engineVersion: report.engineVersion,
      },
    });
    if (document) {
      insertDocumentModel(this.db, scanId, storedModelOf(document));
      bindRecord(this.db, 'document-model', scanId, { actor: actor.username, action: 'document-model', subject: scanId, details: { versionId: version.id, format: document.format } });
    }
    return scanId;
  }

  listDocuments(actor: UserInfo, filter: { state?: DocumentState; search?: string } = {}): DocumentSummary[] {
    const search = filter.search?.trim();
    return documents
      .listDocuments(this.db)
      .filter((d) => maySee(actor, d).allowed && d.division !== UNSPECIFIED_DIVISION)
      .map((d) => this.summary(d))
      .filter((s) => (!filter.state || s.state === filter.state) && (!search || `${s.title} ${s.docNumber} ${s.division} ${s.drafterName}`.includes(search)));
  }

  getDocument(actor: UserInfo, documentId: string): DocumentDetail {
    const doc = this.visibleDocument(actor, documentId);
    const summary = this.summary(doc);
    return {
      ...summary,
      versions: documents.listVersions(this.db, doc.id),
      scan: scans.latestScan(this.db, summary.latestVersion.id)!,
      signoffs: signoffs.listSignoffs(this.db, summary.latestVersion.id),
    };
  }

  /** The exact bytes that were reviewed, with their file name, for the window's preview. */
  versionFile(actor: UserInfo, versionId: string): { readonly fileName: string; readonly bytes: Buffer } {
    const version = this.mustFind(documents.findVersion(this.db, versionId), '版本');
    this.visibleDocument(actor, version.documentId);
    return { fileName: version.fileName, bytes: documents.versionContent(this.db, versionId) };
  }

  /**
   * What the window shows a version from: the model its latest scan kept, checked against its audit
   * entry (or, failing that, the file read again, with a warning saying why).
   */
  async documentModel(actor: UserInfo, versionId: string): Promise<DocumentModel> {
    const file = this.versionFile(actor, versionId);
    return documentModel(this.db, versionId, file);
  }

  /** The reviewed file, or the picture at `source` inside it (a Word, Excel or OFD package). */
  async documentContent(actor: UserInfo, versionId: string, source?: string): Promise<Uint8Array> {
    const bytes = new Uint8Array(this.versionFile(actor, versionId).bytes);
    return source === undefined ? bytes : versionPicture(bytes, source);
  }

  setPublication(actor: UserInfo, documentId: string, p: { publicationMode: PublicationMode; channel: string; scope: string; publishTime: string }): DocumentDetail {
    const doc = this.visibleDocument(actor, documentId);
    enforce(maySetPublication(actor, party(doc)));
    recordTransaction(this.db, () => {
      documents.updatePublication(this.db, doc.id, { ...p, publicationMode: this.publicationMode(p.publicationMode) });
      bindRecord(this.db, 'document', doc.id, { actor: actor.username, action: 'document.publication', subject: doc.id, details: p });
    });
    return this.getDocument(actor, doc.id);
  }

  // ---- dispositions ---------------------------------------------------------------------------

  dispose(actor: UserInfo, findingId: string, action: DispositionAction, reason = ''): DocumentDetail {
    if (!(action in DISPOSITION_LABELS)) throw new ServiceError('invalid', `未知的处置方式「${action}」。`);
    if (DISPOSITIONS_NEEDING_REASON.has(action) && !reason.trim()) {
      throw new ServiceError('invalid', `处置为「${DISPOSITION_LABELS[action]}」时须写明理由。`);
    }
    const { doc, finding, version } = this.openFinding(actor, findingId);
    const key = this.signingKey(actor);
    recordTransaction(this.db, () => {
      const row = signRow(
        this.db,
        'disposition',
        {
          id: randomUUID(),
          finding_id: findingId,
          action,
          reason: reason.trim(),
          user_id: actor.id,
          created_at: now(),
          origin: installationId(this.db),
          prev_signoff_id: signoffs.listSignoffs(this.db, version.id).at(-1)?.id ?? null,
        },
        version.sha256,
        key,
      );
      scans.insertDisposition(this.db, row);
      bindRecord(this.db, 'disposition', row.id, {
        actor: actor.username,
        action: 'dispose',
        subject: findingId,
        details: { dispositionId: row.id, documentId: doc.id, action, reason: row.reason, match: finding.match, severity: finding.severity },
      });
    });
    return this.getDocument(actor, doc.id);
  }

  /** A reviewer proposes a false positive to the security officer as an allow-list entry. */
  proposeAllow(actor: UserInfo, findingId: string, reason: string): string {
    if (!reason.trim()) throw new ServiceError('invalid', '请说明为什么这是误报。');
    const { doc, finding } = this.openFinding(actor, findingId);
    return recordTransaction(this.db, () => {
      const id = scans.insertAllowProposal(this.db, { findingId, term: finding.match, category: finding.category, context: finding.context, reason: reason.trim(), userId: actor.id });
      bindRecord(this.db, 'allow-proposal', id, { actor: actor.username, action: 'allow.propose', subject: findingId, details: { proposalId: id, documentId: doc.id, term: finding.match, category: finding.category } });
      return id;
    });
  }

  private openFinding(actor: UserInfo, findingId: string) {
    const finding = this.mustFind(scans.findFinding(this.db, findingId), '审查发现');
    const scan = this.mustFind(scans.findScan(this.db, finding.scanId), '扫描记录');
    const version = documents.findVersion(this.db, scan.versionId)!;
    const doc = this.visibleDocument(actor, version.documentId);
    const latest = documents.latestVersion(this.db, doc.id)!;
    if (latest.id !== version.id || scans.latestScan(this.db, version.id)?.id !== scan.id) {
      throw new ServiceError('stale-version', '该发现属于旧版本或旧的扫描结果，请在最新版本上处置。');
    }
    enforce(mayDispose(actor, { ...party(doc), signoffs: signoffs.listSignoffs(this.db, version.id) }));
    return { doc, finding, version };
  }

  // ---- sign-off chain -------------------------------------------------------------------------

  sign(actor: UserInfo, versionId: string, req: SignRequest): DocumentDetail {
    const version = this.mustFind(documents.findVersion(this.db, versionId), '版本');
    const doc = this.visibleDocument(actor, version.documentId);
    recordTransaction(this.db, () => {
      const latest = documents.latestVersion(this.db, doc.id)!;
      const chain = signoffs.listSignoffs(this.db, version.id);
      const scan = scans.latestScan(this.db, version.id)!;
      enforce(maySign(actor, { doc: party(doc), isLatestVersion: latest.id === version.id, chain, findings: scan.findings }, req));
      const row = signRow(
        this.db,
        'signoff',
        {
          id: randomUUID(),
          version_id: version.id,
          step: req.step,
          decision: req.decision,
          user_id: actor.id,
          user_name: actor.displayName,
          role: actor.role,
          opinion: req.opinion.trim(),
          outcome: req.outcome ?? null,
          legal_basis: req.legalBasis?.trim() || null,
          scan_id: scan.id,
          signed_at: now(),
          origin: installationId(this.db),
          prev_signoff_id: chain.at(-1)?.id ?? null,
        },
        version.sha256,
        this.signingKey(actor),
      );
      signoffs.insertSignoff(this.db, row);
      bindRecord(this.db, 'signoff', row.id, {
        actor: actor.username,
        action: 'sign',
        subject: version.id,
        details: { signoffId: row.id, documentId: doc.id, sha256: version.sha256, step: req.step, decision: req.decision, outcome: req.outcome, legalBasis: req.legalBasis, opinion: row.opinion },
      });
    });
    return this.getDocument(actor, doc.id);
  }

  // ---- audit --------------------------------------------------------------------------------

  /** The newest audit entries first: for the security officer and the administrator. */
  listAudit(actor: UserInfo, limit: number): AuditEntry[] {
    enforce(mayDo(actor, 'read-audit'));
    return listAudit(this.db, limit);
  }

  /**
   * Every record against its audit entry, every signature, the chain and its anchor
   * (store/verify-database.ts), for the security officer and the administrator. (`mishen audit
   * verify` checks the file itself, for whoever holds it: database-file.ts.)
   */
  verifyRecords(actor: UserInfo, options: VerifyOptions = {}): Promise<VerifyReport> {
    enforce(mayDo(actor, 'verify-audit'));
    return verifyDatabase(this.db, options);
  }

  /** The newest audit entry: printed on the 审查单 and the register, so that paper proves the state. */
  chainHead(): { seq: number; hash: string } | undefined {
    return chainHead(this.db);
  }

  // ---- helpers --------------------------------------------------------------------------------

  private summary(d: documents.DocumentRow): DocumentSummary {
    const latest = documents.latestVersion(this.db, d.id)!;
    const scan = scans.latestScan(this.db, latest.id);
    const drafter = users.findUser(this.db, d.drafter_id);
    const chain = signoffs.listSignoffs(this.db, latest.id);
    const outcome = officeOutcome(chain);
    return {
      id: d.id,
      title: d.title,
      docNumber: d.doc_number,
      division: d.division,
      drafterId: d.drafter_id,
      drafterName: drafter?.displayName ?? '',
      publicationMode: d.publication_mode,
      channel: d.channel,
      scope: d.scope,
      publishTime: d.publish_time,
      createdAt: d.created_at,
      state: chainState(chain).state,
      latestVersion: latest,
      verdict: scan?.verdict ?? 'review',
      ...(outcome ? { outcome } : {}),
    };
  }

  private visibleDocument(actor: UserInfo, id: string): documents.DocumentRow {
    const d = this.mustFind(documents.findDocument(this.db, id), '文稿');
    enforce(maySee(actor, d));
    return d;
  }

  private publicationMode(mode: PublicationMode | undefined): PublicationMode {
    if (mode === undefined) return DEFAULT_PUBLICATION_MODE;
    if (!PUBLICATION_MODES.includes(mode)) throw new ServiceError('invalid', `拟公开方式应为${PUBLICATION_MODES.join('、')}之一。`);
    return mode;
  }

  private mustFind<T>(value: T | undefined, what: string): T {
    if (value === undefined) throw new ServiceError('not-found', `找不到该${what}。`);
    return value;
  }
}

/** The document as the permission rules see it. */
function party(d: documents.DocumentRow): { division: string; drafterId: string } {
  return { division: d.division, drafterId: d.drafter_id };
}
