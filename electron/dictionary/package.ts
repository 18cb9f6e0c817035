// Signed dictionary packages: how the security office distributes a dictionary version to the
// divisions' installations, by removable media, with no network.
//
// {
//   "format": "mishen-dictionary-package", "version": 7, "hash": "<sha-256 of the canonical content>",
//   "createdAt": "2026-…", "issuer": "省XX厅保密办（张三）", "content": "<native dictionary JSON>",
//   "publicKeyFingerprint": "<sha-256 of the signer's public key (DER)>", "signature": "<base64>"
// }
// The signature is Ed25519 over signedBytes(): the UTF-8 of a JSON array of every other field in
// the order above, so that neither key order nor white space in the file can change what is signed.
import { sign, verify, type KeyObject } from 'node:crypto';
import { parseNativeDictionary } from '../../shared/dictionary/native';
import { canonicalHash } from './canonical-hash';
import type { DictionarySet } from '../../shared/dictionary/types';
import { ServiceError } from '../../shared/records';
import type { SigningKey } from './signing-key';

export const PACKAGE_FORMAT = 'mishen-dictionary-package';

export interface DictionaryPackage {
  readonly format: typeof PACKAGE_FORMAT;
  readonly version: number;
  readonly hash: string;
  readonly createdAt: string;
  readonly issuer: string;
  readonly content: string;
  readonly publicKeyFingerprint: string;
  readonly signature: string;
}

export type UnsignedPackage = Omit<DictionaryPackage, 'signature'>;

export type PackageRefusalReason = 'tampered' | 'unknown-key' | 'older-version';

const REASON_LABELS: Readonly<Record<PackageRefusalReason, string>> = {
  tampered: '词库包已被篡改或损坏',
  'unknown-key': '词库包的签名公钥不受信任',
  'older-version': '词库包的版本不比当前版本新',
};

/** A package this installation will not take. `reason` is stable for scripts; the message says why. */
export class PackageRefusal extends ServiceError {
  constructor(
    readonly reason: PackageRefusalReason,
    detail: string,
  ) {
    super('invalid', `拒绝导入：${REASON_LABELS[reason]}（${reason}）：${detail}`);
    this.name = 'PackageRefusal';
  }
}

export function signedBytes(p: UnsignedPackage): Buffer {
  return Buffer.from(JSON.stringify([p.format, p.version, p.hash, p.createdAt, p.issuer, p.content, p.publicKeyFingerprint]), 'utf8');
}

export function signPackage(p: Omit<UnsignedPackage, 'format' | 'publicKeyFingerprint'>, key: SigningKey): DictionaryPackage {
  const unsigned: UnsignedPackage = { format: PACKAGE_FORMAT, ...p, publicKeyFingerprint: key.fingerprint };
  return { ...unsigned, signature: sign(null, signedBytes(unsigned), key.privateKey).toString('base64') };
}

/** The JSON object of a package file (a byte-order mark allowed) of the given format, or `refuse(why)`. */
export function packageObject(bytes: Uint8Array, format: string, what: string, refuse: (why: string) => Error): Record<string, unknown> {
  let p: unknown;
  try {
    p = JSON.parse(Buffer.from(bytes).toString('utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw refuse(`文件不是有效的 JSON（${(e as Error).message}）`);
  }
  if (!p || typeof p !== 'object' || (p as Record<string, unknown>).format !== format) throw refuse(`不是${what}：缺少 "format": "${format}"`);
  return p as Record<string, unknown>;
}

/** The package's fields, or 'tampered' when the file is not a well-formed package at all. */
export function readPackage(bytes: Uint8Array): DictionaryPackage {
  const p = packageObject(bytes, PACKAGE_FORMAT, '词库包', (why) => new PackageRefusal('tampered', why));
  const strings = ['hash', 'createdAt', 'issuer', 'content', 'publicKeyFingerprint', 'signature'] as const;
  for (const k of strings) if (typeof p[k] !== 'string') throw new PackageRefusal('tampered', `字段 "${k}" 缺失或不是文字`);
  if (!Number.isInteger(p.version) || (p.version as number) < 1) throw new PackageRefusal('tampered', '字段 "version" 应为正整数');
  return p as unknown as DictionaryPackage;
}

/**
 * Checks signer, signature and hash; returns the dictionary set the package carries.
 * The version is checked by the caller, who knows the active one.
 */
export function verifyPackage(p: DictionaryPackage, trusted: ReadonlyMap<string, KeyObject>): DictionarySet {
  const key = trusted.get(p.publicKeyFingerprint);
  if (!key) throw new PackageRefusal('unknown-key', `签名公钥指纹 ${p.publicKeyFingerprint.slice(0, 16)}… 不在本机信任的公钥中，请先用 trust-key 导入保密办发布的公钥`);
  const { signature, ...unsigned } = p;
  const ok = verify(null, signedBytes(unsigned), key, Buffer.from(signature, 'base64'));
  if (!ok) throw new PackageRefusal('tampered', '签名校验失败，内容在签发后被改动');
  let set: DictionarySet;
  try {
    set = parseNativeDictionary(`词库包第${p.version}版`, p.content);
  } catch (e) {
    throw new PackageRefusal('tampered', `包内词库无法读取：${(e as Error).message}`);
  }
  if (canonicalHash(set) !== p.hash) throw new PackageRefusal('tampered', '包内词库的哈希与声明的哈希不符');
  return set;
}
