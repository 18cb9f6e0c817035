// Each user's signing key pairs (review/user-keys.ts makes them); the newest one is current.
import type { Db } from './connection';

export type UserKeyReason = 'created' | 'first-sign-in' | 'password-reset';

export interface UserKeyRow {
  readonly id: string;
  readonly user_id: string;
  readonly public_key: string;
  readonly fingerprint: string;
  readonly encrypted_private_key: string;
  readonly reason: UserKeyReason;
  readonly created_at: string;
  readonly origin: string;
}

export function insertUserKey(db: Db, row: UserKeyRow): void {
  db.prepare(
    `INSERT INTO user_keys (id, user_id, public_key, fingerprint, encrypted_private_key, reason, created_at, origin)
     VALUES (@id, @user_id, @public_key, @fingerprint, @encrypted_private_key, @reason, @created_at, @origin)`,
  ).run(row);
}

export function currentUserKey(db: Db, userId: string): UserKeyRow | undefined {
  return db.prepare('SELECT * FROM user_keys WHERE user_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1').get(userId) as UserKeyRow | undefined;
}
