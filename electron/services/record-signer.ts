// Signs a sign-off or disposition row before it is written (integrity/record-signature.ts): over the
// row as it will be stored, with the signer's key id, the version's file hash and the record hash
// of the sign-off it follows.
import { recordHash, recordedValues, type Row } from '../integrity/canonical-record';
import { recordKind } from '../integrity/record-kinds';
import { signPayload, signaturePayload } from '../integrity/record-signature';
import type { Db } from '../store/connection';
import { readRecordRow } from '../store/record-rows';
import type { UnlockedKey } from './user-keys';

export function signRow<T extends Row & { readonly prev_signoff_id: string | null }>(
  db: Db,
  kindName: 'signoff' | 'disposition',
  row: T,
  fileSha256: string,
  key: UnlockedKey,
): T & { key_id: string; signature: string } {
  const kind = recordKind(kindName);
  const signoffKind = recordKind('signoff');
  const prev = row.prev_signoff_id === null ? undefined : readRecordRow(db, signoffKind, row.prev_signoff_id);
  const prevHash = prev ? recordHash(signoffKind, recordedValues(signoffKind, prev)) : null;
  const unsigned = { ...row, key_id: key.keyId, signature: null };
  const signature = signPayload(key.privateKey, signaturePayload(kind, recordedValues(kind, unsigned), fileSha256, prevHash));
  return { ...unsigned, signature };
}
