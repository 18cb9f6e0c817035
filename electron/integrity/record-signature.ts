// Sign-offs and dispositions are signed by the person who made them (Ed25519, node:crypto): over the
// row's canonical content (less the signature itself; with the key's id and the previous sign-off's
// id), the SHA-256 of the version's file, and the record hash of the sign-off before it. Whoever can
// write the database but does not know the signer's password cannot make a valid signature, even if
// they recompute the whole audit chain.
import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalText, type RecordedValues } from './canonical-record';
import type { RecordKind } from './record-kinds';

export function signaturePayload(kind: RecordKind, values: RecordedValues, fileSha256: string, prevSignoffHash: string | null): Buffer {
  return Buffer.from(JSON.stringify(['mishen-signature-1', canonicalText(kind, values, 'signature'), fileSha256, prevSignoffHash]), 'utf8');
}

export function signPayload(privateKey: KeyObject, payload: Buffer): string {
  return sign(null, payload, privateKey).toString('base64');
}

export function verifyPayload(publicKey: KeyObject | string, payload: Buffer, signature: string): boolean {
  try {
    return verify(null, payload, typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
