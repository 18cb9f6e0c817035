// A user's Ed25519 key pair (node:crypto). The private key is kept only encrypted: AES-256-GCM under
// a key derived from the user's password with scrypt, the key pair's and the user's ids as
// associated data (a ciphertext moved to another user or key does not decrypt). It is unlocked at
// sign-in and held in memory for the session (records-service.ts), never written in clear.
import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, randomUUID, scryptSync, type KeyObject } from 'node:crypto';
import { keyFingerprint, publicKeyPem } from '../dictionary/signing-key';
import type { UserKeyReason, UserKeyRow } from '../store/user-keys-repo';

const SCRYPT = { N: 16384, r: 8, p: 1 } as const;

interface EncryptedKey {
  readonly kdf: 'scrypt';
  readonly N: number;
  readonly r: number;
  readonly p: number;
  readonly salt: string;
  readonly cipher: 'aes-256-gcm';
  readonly iv: string;
  readonly tag: string;
  readonly data: string;
}

/** A key pair ready to sign with: the private key unlocked, and the id of its public key record. */
export interface UnlockedKey {
  readonly keyId: string;
  readonly privateKey: KeyObject;
}

const associated = (keyId: string, userId: string) => Buffer.from(`mishen-user-key|${keyId}|${userId}`, 'utf8');

export function newUserKey(userId: string, password: string, reason: UserKeyReason, createdAt: string, origin: string): { row: UserKeyRow; unlocked: UnlockedKey } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const id = randomUUID();
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', scryptSync(password, salt, 32, SCRYPT), iv);
  cipher.setAAD(associated(id, userId));
  const data = Buffer.concat([cipher.update(privateKey.export({ type: 'pkcs8', format: 'der' })), cipher.final()]);
  const encrypted: EncryptedKey = {
    kdf: 'scrypt',
    ...SCRYPT,
    salt: salt.toString('base64'),
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
  const row: UserKeyRow = {
    id,
    user_id: userId,
    public_key: publicKeyPem(publicKey),
    fingerprint: keyFingerprint(publicKey),
    encrypted_private_key: JSON.stringify(encrypted),
    reason,
    created_at: createdAt,
    origin,
  };
  return { row, unlocked: { keyId: id, privateKey } };
}

/** The private key of `row`, or undefined when the password does not open it (or the row was altered). */
export function unlockUserKey(row: UserKeyRow, password: string): UnlockedKey | undefined {
  try {
    const e = JSON.parse(row.encrypted_private_key) as EncryptedKey;
    const decipher = createDecipheriv('aes-256-gcm', scryptSync(password, Buffer.from(e.salt, 'base64'), 32, { N: e.N, r: e.r, p: e.p }), Buffer.from(e.iv, 'base64'));
    decipher.setAAD(associated(row.id, row.user_id));
    decipher.setAuthTag(Buffer.from(e.tag, 'base64'));
    const der = Buffer.concat([decipher.update(Buffer.from(e.data, 'base64')), decipher.final()]);
    const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    // The private key must belong to the public key on record, or its signatures would not verify.
    if (keyFingerprint(createPublicKey(privateKey)) !== row.fingerprint) return undefined;
    return { keyId: row.id, privateKey };
  } catch {
    return undefined;
  }
}
