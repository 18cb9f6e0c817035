// An installation's Ed25519 signing key (dictionary/signing-key.ts), kept as a PEM file beside the
// database and registered in it by fingerprint (a bound setting): a lost or swapped key file is
// noticed instead of a new key being made silently, which the other installations would refuse.
// Used for the security office's dictionary packages and for review packages (送审包).
import { dirname } from 'node:path';
import { ServiceError, type UserInfo } from '../../shared/records';
import { createSigningKey, readSigningKey, type SigningKey } from '../dictionary/signing-key';
import type { Db } from '../store/connection';
import * as repo from '../store/dictionary-repo';
import { bindRecord } from '../store/record-binding';
import { recordTransaction } from '../store/record-transaction';

export interface KeyRegistration {
  /** The private key file; undefined when the database has no folder to keep it in. */
  readonly file: string | undefined;
  /** The setting (meta key, a record kind 'setting') that holds the fingerprint. */
  readonly meta: string;
  /** The audit actions of making a key and of registering an existing file. */
  readonly actions: { readonly generate: string; readonly register: string };
  /** Whose trust a new key would break: 「各处室已信任的公钥」. */
  readonly trustedBy: string;
}

/** The registered key; made on first use when `create`, refused with a reason if its file is lost or swapped. */
export function registeredKey(db: Db, actor: UserInfo, reg: KeyRegistration, create: boolean): SigningKey {
  const file = reg.file;
  if (!file) throw new ServiceError('invalid', '没有数据目录，请指定签名私钥文件（keyFile）。');
  const recorded = repo.getMeta(db, reg.meta);
  const existing = readSigningKey(file);
  if (existing) {
    if (recorded && recorded !== existing.fingerprint) {
      throw new ServiceError('invalid', `签名私钥文件「${file}」与本机登记的不符（登记指纹 ${recorded.slice(0, 16)}…），请找回原私钥文件；换用新私钥会使${reg.trustedBy}失效。`);
    }
    if (!recorded) recordKey(db, actor, reg, existing, reg.actions.register, file);
    return existing;
  }
  if (recorded) {
    throw new ServiceError('not-found', `找不到签名私钥文件「${file}」（登记指纹 ${recorded.slice(0, 16)}…），请从备份恢复；重新生成会使${reg.trustedBy}失效。`);
  }
  if (!create) throw new ServiceError('not-found', '本机尚未生成签名密钥。');
  const key = createSigningKey(file);
  recordKey(db, actor, reg, key, reg.actions.generate, file);
  return key;
}

function recordKey(db: Db, actor: UserInfo, reg: KeyRegistration, key: SigningKey, action: string, file: string): void {
  recordTransaction(db, () => {
    repo.setMeta(db, reg.meta, key.fingerprint);
    bindRecord(db, 'setting', reg.meta, { actor: actor.username, action, subject: key.fingerprint, details: { keyFile: file, folder: dirname(file) } });
  });
}
