// Review packages (送审包) for installations that share no database: a division's desktop exports a
// version awaiting the general office, with its file, scans, dispositions and sign-offs; the
// office's installation imports it (the sender's key trusted here, every hash and signature
// checked), the office reviewer signs with the normal RecordsService.sign, and the office exports a
// decision package that the division imports. Every export and import, accepted or refused, is an
// audit entry on the side it happens; a refused import writes nothing else (one transaction).
import { randomUUID } from 'node:crypto';
import { mayDo, mayExportDecisionPackage, mayExportReviewPackage, maySee, type RoleAction } from '../../shared/permissions';
import { ServiceError, chainState, type DocumentState, type SignoffRecord, type UserInfo } from '../../shared/records';
import { keyFingerprint, parsePublicKeyPem, publicKeyPem, type SigningKey } from '../dictionary/signing-key';
import { collectRecords, checkShape, checkSignatures, writeRecords } from '../packages/package-records';
import {
  PACKAGE_KIND_LABELS,
  ReviewPackageRefusal,
  fileSha256,
  packageBytes,
  readReviewPackage,
  signReviewPackage,
  verifyReviewPackage,
  type PackageKind,
  type ReviewPackage,
} from '../packages/review-package';
import { appendAudit } from '../store/audit-log';
import { installationId, type Db } from '../store/connection';
import * as documents from '../store/documents-repo';
import * as repo from '../store/packages-repo';
import { bindRecord } from '../store/record-binding';
import { recordTransaction } from '../store/record-transaction';
import * as signoffs from '../store/signoffs-repo';
import { enforce } from './enforce';
import { registeredKey } from './registered-key';

export type { PackageRecord, TrustedInstallation } from '../store/packages-repo';

export interface PackageServiceOptions {
  /** This installation's private key file; openServices puts it beside the database. */
  readonly keyFile?: string;
}

export interface ExportedPackage {
  readonly kind: PackageKind;
  readonly packageId: string;
  readonly bytes: Buffer;
}

export interface ImportedPackage {
  readonly kind: PackageKind;
  readonly packageId: string;
  readonly documentId: string;
  readonly versionId: string;
  readonly senderLabel: string;
  /** The chain's state here after the import. */
  readonly state: DocumentState;
  /** How many records were new here. */
  readonly records: number;
}

const KEY_META = 'package_signing_key';
const FINGERPRINT = /^[0-9a-f]{64}$/;

export class PackageService {
  constructor(
    private readonly db: Db,
    private readonly options: PackageServiceOptions = {},
  ) {}

  // ---- keys and trust -----------------------------------------------------------------------

  /** This installation's public key (PEM) and fingerprint, to be given to the other side; made on first use. */
  installationKey(actor: UserInfo): { pem: string; fingerprint: string; installationId: string } {
    this.require(actor, 'read-installation-key');
    const key = this.key(actor);
    return { pem: publicKeyPem(key.publicKey), fingerprint: key.fingerprint, installationId: installationId(this.db) };
  }

  /** Packages signed by this key (a PEM, or its fingerprint as read over the telephone) are taken here. */
  trustInstallation(actor: UserInfo, keyOrFingerprint: string, label: string): repo.TrustedInstallation {
    this.require(actor, 'trust-installation');
    const given = keyOrFingerprint.trim();
    const pem = FINGERPRINT.test(given.toLowerCase()) ? null : publicKeyPem(parsePublicKeyPem(given));
    const fingerprint = pem === null ? given.toLowerCase() : keyFingerprint(parsePublicKeyPem(pem));
    return recordTransaction(this.db, () => {
      if (repo.listTrustedInstallations(this.db).some((t) => t.fingerprint === fingerprint)) throw new ServiceError('invalid', `该安装的公钥（指纹 ${fingerprint.slice(0, 16)}…）已在信任列表中。`);
      const trusted = repo.insertTrustedInstallation(this.db, { fingerprint, pem, label: label.trim() || '其他安装', addedBy: actor.username });
      bindRecord(this.db, 'trusted-installation', fingerprint, { actor: actor.username, action: 'package.trust', subject: fingerprint, details: { label: trusted.label, byFingerprintOnly: pem === null } });
      return trusted;
    });
  }

  listTrustedInstallations(actor: UserInfo): repo.TrustedInstallation[] {
    this.require(actor, 'trust-installation');
    return repo.listTrustedInstallations(this.db);
  }

  listPackages(actor: UserInfo, documentId?: string): repo.PackageRecord[] {
    this.require(actor, 'list-packages');
    return repo.listPackages(this.db, documentId);
  }

  // ---- export -------------------------------------------------------------------------------

  /** The division: the latest version, once its head has approved it, for the office to review. */
  exportReview(actor: UserInfo, documentId: string): ExportedPackage {
    this.require(actor, 'export-review-package');
    const { doc, version } = this.latest(actor, documentId);
    enforce(mayExportReviewPackage(actor, { division: doc.division, signoffs: signoffs.listSignoffs(this.db, version.id) }));
    return this.export(actor, 'review', version, null);
  }

  /** The office: its decision on a version that came in a review package, for the division. */
  exportDecision(actor: UserInfo, documentId: string): ExportedPackage {
    this.require(actor, 'export-decision-package');
    const { version } = this.latest(actor, documentId);
    const received = repo.receivedReview(this.db, version.id);
    enforce(mayExportDecisionPackage(actor, { signoffs: signoffs.listSignoffs(this.db, version.id) }, received !== undefined));
    return this.export(actor, 'decision', version, received!.packageId);
  }

  private export(actor: UserInfo, kind: PackageKind, version: { id: string; documentId: string; sha256: string }, replyTo: string | null): ExportedPackage {
    const key = this.key(actor);
    const pkg = signReviewPackage(
      {
        kind,
        id: randomUUID(),
        createdAt: new Date().toISOString(),
        sender: installationId(this.db),
        senderLabel: `${actor.division}（${actor.displayName}）`,
        replyTo,
        documentId: version.documentId,
        versionId: version.id,
        sha256: version.sha256,
        records: collectRecords(this.db, version.id, kind === 'review'),
      },
      key,
    );
    const bytes = packageBytes(pkg);
    recordTransaction(this.db, () => this.record(actor, pkg, 'sent', bytes));
    return { kind, packageId: pkg.id, bytes };
  }

  // ---- import -------------------------------------------------------------------------------

  /**
   * Takes a review package (the office) or a decision package (the division). Refused with a
   * ReviewPackageRefusal — 'tampered', 'unknown-signer', 'replayed', 'out-of-order' — or a
   * ServiceError (wrong role); either way the refusal is an audit entry and nothing else is written.
   */
  importPackage(actor: UserInfo, bytes: Uint8Array): ImportedPackage {
    let pkg: ReviewPackage | undefined;
    try {
      if (!mayDo(actor, 'import-review-package').allowed) this.require(actor, 'import-decision-package');
      pkg = readReviewPackage(bytes);
      const p = pkg;
      this.require(actor, p.kind === 'review' ? 'import-review-package' : 'import-decision-package');
      verifyReviewPackage(p, new Map(repo.listTrustedInstallations(this.db).map((t) => [t.fingerprint, t.pem])));
      checkShape(p);
      return recordTransaction(this.db, () => {
        if (repo.findPackage(this.db, p.id, 'received')) throw new ReviewPackageRefusal('replayed', `${PACKAGE_KIND_LABELS[p.kind]} ${p.id.slice(0, 8)}… 已于此前导入，不能再次导入`);
        if (p.sender === installationId(this.db)) throw new ReviewPackageRefusal('out-of-order', '这是本机自己发出的包');
        if (p.kind === 'review') this.checkReview(p);
        else this.checkDecision(p);
        checkSignatures(this.db, p);
        const records = writeRecords(this.db, p, actor.username);
        this.record(actor, p, 'received', bytes);
        const state = chainState(signoffs.listSignoffs(this.db, p.versionId)).state;
        return { kind: p.kind, packageId: p.id, documentId: p.documentId, versionId: p.versionId, senderLabel: p.senderLabel, state, records };
      });
    } catch (e) {
      if (e instanceof ServiceError) this.auditRefusal(actor, e, bytes, pkg);
      throw e;
    }
  }

  /** A version awaiting the office, newer than any of its document's versions here. */
  private checkReview(p: ReviewPackage): void {
    const { versions, documents: docs } = p.records;
    if (versions.length !== 1 || docs.length !== 1) throw new ReviewPackageRefusal('tampered', '送审包应含一份文稿及其一个版本');
    const { state, next } = chainState(p.records.signoffs as unknown as Pick<SignoffRecord, 'step' | 'decision'>[]);
    if (next !== 'office') throw new ReviewPackageRefusal('out-of-order', `包内版本的审查流程为「${state}」，不是待办公室审核`);
    const here = documents.latestVersion(this.db, p.documentId);
    if (here && here.number >= Number(versions[0]!.number)) {
      throw new ReviewPackageRefusal('out-of-order', `本机已有该文稿第 ${here.number} 版，包内为第 ${versions[0]!.number} 版（较旧或重复送审）`);
    }
  }

  /** The answer to a review package sent from here, for that exact version, while it still awaits the office. */
  private checkDecision(p: ReviewPackage): void {
    const sent = p.replyTo === null ? undefined : repo.findPackage(this.db, p.replyTo, 'sent');
    if (!sent || sent.kind !== 'review') throw new ReviewPackageRefusal('out-of-order', '本机没有发出过该审核决定包所答复的送审包');
    if (sent.versionId !== p.versionId || sent.sha256 !== p.sha256 || sent.documentId !== p.documentId) throw new ReviewPackageRefusal('out-of-order', '审核决定包所针对的版本与本机发出的送审包不符');
    const latest = documents.latestVersion(this.db, p.documentId);
    if (!latest || latest.id !== p.versionId) throw new ReviewPackageRefusal('out-of-order', `该审核决定针对第 ${documents.findVersion(this.db, p.versionId)?.number ?? '?'} 版，本机已有更新的第 ${latest?.number ?? '?'} 版`);
    const answer = repo.findAnswer(this.db, sent.packageId);
    if (answer) throw new ReviewPackageRefusal('out-of-order', `本机已于 ${answer.recordedAt} 导入过对该送审包的答复`);
    const chain = signoffs.listSignoffs(this.db, p.versionId);
    const { state, next } = chainState(chain);
    if (next !== 'office') throw new ReviewPackageRefusal('out-of-order', `本机该版本的审查流程为「${state}」，不是待办公室审核`);
    const known = new Set(chain.map((s) => s.id));
    const added = p.records.signoffs.filter((s) => !known.has(String(s.id)));
    if (added.length === 0 || added.some((s) => s.step !== 'office' || s.role !== 'office-reviewer')) throw new ReviewPackageRefusal('out-of-order', '审核决定包应只带来办公室审核人的办公室审核签批');
  }

  /** The row that records a package sent or taken, bound to the chain with its audit entry. */
  private record(actor: UserInfo, p: ReviewPackage, direction: 'sent' | 'received', bytes: Uint8Array): void {
    const row = repo.insertPackage(this.db, {
      packageId: p.id,
      kind: p.kind,
      direction,
      documentId: p.documentId,
      versionId: p.versionId,
      sha256: p.sha256,
      replyTo: p.replyTo,
      sender: p.sender,
      keyFingerprint: p.senderFingerprint,
      fileSha256: fileSha256(bytes),
      createdAt: p.createdAt,
      recordedBy: actor.username,
    });
    bindRecord(this.db, 'review-package', row.id, {
      actor: actor.username,
      action: direction === 'sent' ? 'package.export' : 'package.import',
      subject: p.versionId,
      details: { packageId: p.id, kind: p.kind, documentId: p.documentId, sha256: p.sha256, replyTo: p.replyTo, sender: p.sender, senderLabel: p.senderLabel },
    });
  }

  private auditRefusal(actor: UserInfo, e: ServiceError, bytes: Uint8Array, p: ReviewPackage | undefined): void {
    recordTransaction(this.db, () =>
      appendAudit(this.db, {
        actor: actor.username,
        action: 'package.import-refused',
        subject: p?.id ?? fileSha256(bytes),
        details: {
          reason: e instanceof ReviewPackageRefusal ? e.reason : e.code,
          message: e.message,
          fileSha256: fileSha256(bytes),
          kind: p?.kind,
          sender: p?.sender,
          versionId: p?.versionId,
        },
      }),
    );
  }

  // ---- helpers ------------------------------------------------------------------------------

  private latest(actor: UserInfo, documentId: string) {
    const doc = documents.findDocument(this.db, documentId);
    const version = doc && documents.latestVersion(this.db, doc.id);
    if (!doc || !version) throw new ServiceError('not-found', '找不到该文稿。');
    enforce(maySee(actor, doc));
    return { doc, version };
  }

  private key(actor: UserInfo): SigningKey {
    return registeredKey(this.db, actor, { file: this.options.keyFile, meta: KEY_META, actions: { generate: 'package.key-generate', register: 'package.key-register' }, trustedBy: '其他安装已信任的本机公钥' }, true);
  }

  private require(actor: UserInfo, action: RoleAction): void {
    enforce(mayDo(actor, action));
  }
}
