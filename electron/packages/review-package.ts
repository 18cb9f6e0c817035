// Signed review packages (送审包) between installations that share no database: the division sends
// a version with its scan, dispositions and sign-offs to the general office; the office answers
// with a decision package (审核决定包) that carries its sign-off back. One JSON file each:
//
// {
//   "format": "mishen-review-package", "formatVersion": 1, "kind": "review" | "decision",
//   "id": "<random>", "createdAt": "2026-…", "sender": "<installation id>", "senderLabel": "综合处（张三）",
//   "senderPublicKey": "<PEM>", "senderFingerprint": "<sha-256 of the key's DER>",
//   "replyTo": null | "<id of the review package a decision answers>",
//   "documentId": "…", "versionId": "…", "sha256": "<the version's file>",
//   "records": { users, userKeys, documents, versions, scans, findings, dispositions, signoffs },
//   "signature": "<base64 Ed25519>"
// }
// `records` holds the rows exactly as stored (the file's bytes in base64), so that every user
// signature verifies at the other installation as it did at home (package-records.ts). The
// installation's signature is over signedBytes(): a JSON array of every other field in the order
// above, `records` with its keys sorted, so neither key order nor white space changes what is signed.
import { createHash, sign, verify } from 'node:crypto';
import { ServiceError } from '../../shared/records';
import { packageObject } from '../dictionary/package';
import { keyFingerprint, parsePublicKeyPem, publicKeyPem, type SigningKey } from '../dictionary/signing-key';
import { PACKAGE_KINDS, type PackageKind } from '../../shared/package-api';

export const REVIEW_PACKAGE_FORMAT = 'mishen-review-package';

// The kinds and their names live in shared/ (the window says them too).
export { PACKAGE_KINDS, PACKAGE_KIND_LABELS, type PackageKind } from '../../shared/package-api';

/** A row as stored, column by column; bytes are base64 text. */
export type PackageRow = Readonly<Record<string, string | number | null>>;

export const RECORD_LISTS = ['users', 'userKeys', 'documents', 'versions', 'scans', 'findings', 'dispositions', 'signoffs'] as const;
export type PackageRecords = Readonly<Record<(typeof RECORD_LISTS)[number], readonly PackageRow[]>>;

export interface ReviewPackage {
  readonly format: typeof REVIEW_PACKAGE_FORMAT;
  readonly formatVersion: 1;
  readonly kind: PackageKind;
  readonly id: string;
  readonly createdAt: string;
  readonly sender: string;
  readonly senderLabel: string;
  readonly senderPublicKey: string;
  readonly senderFingerprint: string;
  readonly replyTo: string | null;
  readonly documentId: string;
  readonly versionId: string;
  readonly sha256: string;
  readonly records: PackageRecords;
  readonly signature: string;
}

export type UnsignedReviewPackage = Omit<ReviewPackage, 'format' | 'formatVersion' | 'senderPublicKey' | 'senderFingerprint' | 'signature'>;

export type ReviewPackageRefusalReason = 'tampered' | 'unknown-signer' | 'replayed' | 'out-of-order';

export const REASON_LABELS: Readonly<Record<ReviewPackageRefusalReason, string>> = {
  tampered: '包已被篡改或损坏',
  'unknown-signer': '包的签名人不受信任或与记录不符',
  replayed: '该包已导入过（重放）',
  'out-of-order': '包与本机的审查流程不衔接',
};

const REASON_CODES: Readonly<Record<ReviewPackageRefusalReason, ServiceError['code']>> = {
  tampered: 'tampered',
  'unknown-signer': 'forbidden',
  replayed: 'out-of-order',
  'out-of-order': 'out-of-order',
};

/** A package this installation will not take. `reason` is stable for scripts; the message says why. */
export class ReviewPackageRefusal extends ServiceError {
  constructor(
    readonly reason: ReviewPackageRefusalReason,
    /** What exactly did not hold, without the reason's own words. */
    readonly detail: string,
  ) {
    super(REASON_CODES[reason], `拒绝导入：${REASON_LABELS[reason]}（${reason}）：${detail}`);
    this.name = 'ReviewPackageRefusal';
  }
}

/** JSON with every object's keys sorted: the same value gives the same text however it was written. */
function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o).sort().map((k) => `${JSON.stringify(k)}:${sortedJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function signedBytes(p: Omit<ReviewPackage, 'signature'>): Buffer {
  const fields = [p.format, p.formatVersion, p.kind, p.id, p.createdAt, p.sender, p.senderLabel, p.senderPublicKey, p.senderFingerprint, p.replyTo, p.documentId, p.versionId, p.sha256];
  return Buffer.from(`[${fields.map((x) => JSON.stringify(x)).join(',')},${sortedJson(p.records)}]`, 'utf8');
}

export function signReviewPackage(p: UnsignedReviewPackage, key: SigningKey): ReviewPackage {
  const unsigned: Omit<ReviewPackage, 'signature'> = { format: REVIEW_PACKAGE_FORMAT, formatVersion: 1, ...p, senderPublicKey: publicKeyPem(key.publicKey), senderFingerprint: key.fingerprint };
  return { ...unsigned, signature: sign(null, signedBytes(unsigned), key.privateKey).toString('base64') };
}

export function packageBytes(p: ReviewPackage): Buffer {
  return Buffer.from(JSON.stringify(p, null, 2) + '\n', 'utf8');
}

export const fileSha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The package's fields, or 'tampered' when the file is not a well-formed package at all. */
export function readReviewPackage(bytes: Uint8Array): ReviewPackage {
  const p = packageObject(bytes, REVIEW_PACKAGE_FORMAT, '送审包', (why) => new ReviewPackageRefusal('tampered', why));
  if (p.formatVersion !== 1) throw new ReviewPackageRefusal('tampered', `送审包格式版本 ${String(p.formatVersion)} 本软件不支持`);
  if (!PACKAGE_KINDS.includes(p.kind as PackageKind)) throw new ReviewPackageRefusal('tampered', '字段 "kind" 应为 review 或 decision');
  const strings = ['id', 'createdAt', 'sender', 'senderLabel', 'senderPublicKey', 'senderFingerprint', 'documentId', 'versionId', 'sha256', 'signature'] as const;
  for (const k of strings) if (typeof p[k] !== 'string' || p[k] === '') throw new ReviewPackageRefusal('tampered', `字段 "${k}" 缺失或不是文字`);
  if (p.replyTo !== null && typeof p.replyTo !== 'string') throw new ReviewPackageRefusal('tampered', '字段 "replyTo" 应为文字或 null');
  const records = p.records as Record<string, unknown> | null;
  if (!records || typeof records !== 'object') throw new ReviewPackageRefusal('tampered', '缺少字段 "records"');
  for (const list of RECORD_LISTS) {
    const rows = records[list];
    if (!Array.isArray(rows) || rows.some((r) => !r || typeof r !== 'object' || Array.isArray(r))) throw new ReviewPackageRefusal('tampered', `"records.${list}" 应为记录列表`);
  }
  return p as unknown as ReviewPackage;
}

/**
 * The sending installation is trusted here (by its key's fingerprint) and the package is what it
 * signed; otherwise 'unknown-signer' or 'tampered'. `trusted`: fingerprint → PEM (null: trusted by fingerprint alone).
 */
export function verifyReviewPackage(p: ReviewPackage, trusted: ReadonlyMap<string, string | null>): void {
  let fingerprint: string;
  let key;
  try {
    key = parsePublicKeyPem(p.senderPublicKey);
    fingerprint = keyFingerprint(key);
  } catch {
    throw new ReviewPackageRefusal('tampered', '包内发出安装的公钥无法读取');
  }
  if (fingerprint !== p.senderFingerprint) throw new ReviewPackageRefusal('tampered', '包内公钥与其声明的指纹不符');
  if (!trusted.has(fingerprint)) {
    throw new ReviewPackageRefusal('unknown-signer', `发出安装「${p.senderLabel}」的公钥（指纹 ${fingerprint.slice(0, 16)}…）不在本机信任的安装中，请先核对指纹并用 package trust 添加`);
  }
  const { signature, ...unsigned } = p;
  if (!verify(null, signedBytes(unsigned), key, Buffer.from(signature, 'base64'))) throw new ReviewPackageRefusal('tampered', '签名校验失败，内容在签发后被改动');
}
