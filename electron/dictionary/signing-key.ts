// The security office's Ed25519 signing key for dictionary packages.
//
// Where it lives: a PEM file next to the database (`<database>.signing-key.pem`, mode 0600), NOT in
// the database. The database is what gets backed up to removable media and carried to another
// desktop to finish a review there (see store/migrations.ts); a signing key must not travel with
// it, or anyone holding a backup could issue dictionaries the divisions trust. The database keeps
// only the key's fingerprint (meta 'dictionary_signing_key'), so a lost or swapped key file is
// noticed instead of a new key being made silently (divisions would refuse its packages).
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { ServiceError } from '../../shared/records';

export interface SigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly fingerprint: string;
}

/** SHA-256 of the key's DER (SubjectPublicKeyInfo) bytes, hex: what a package names and trust is keyed by. */
export function keyFingerprint(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

export function publicKeyPem(publicKey: KeyObject): string {
  return publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

/** A public key as distributed (PEM); anything else is refused with a reason. */
export function parsePublicKeyPem(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (e) {
    throw new ServiceError('invalid', `无法读取公钥（应为 PEM 格式，以 -----BEGIN PUBLIC KEY----- 开头）：${(e as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new ServiceError('invalid', `公钥类型为 ${key.asymmetricKeyType}，词库包只接受 Ed25519 公钥。`);
  return key;
}

export function readSigningKey(file: string): SigningKey | undefined {
  if (!existsSync(file)) return undefined;
  const privateKey = createPrivateKey(readFileSync(file, 'utf8'));
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, fingerprint: keyFingerprint(publicKey) };
}

/** Makes a new key pair and writes the private key; never overwrites an existing file. */
export function createSigningKey(file: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  return { privateKey, publicKey, fingerprint: keyFingerprint(publicKey) };
}
