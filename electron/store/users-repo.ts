// Local users and their roles.
import { randomUUID } from 'node:crypto';
import type { Role, UserInfo } from '../../shared/records';
import { installationId, now, type Db } from './connection';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  division: string;
  password_hash: string;
  disabled: number;
}

const toUser = (r: UserRow): UserInfo => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  division: r.division,
  disabled: r.disabled === 1,
});

export function insertUser(db: Db, u: Omit<UserInfo, 'id' | 'disabled'>, passwordHash: string): UserInfo {
  const id = randomUUID();
  db.prepare(
    'INSERT INTO users (id, username, display_name, role, division, password_hash, created_at, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(id, u.username, u.displayName, u.role, u.division, passwordHash, now(), installationId(db));
  return { ...u, id, disabled: false };
}

export function findUserByName(db: Db, username: string): (UserInfo & { passwordHash: string }) | undefined {
  const r = db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
  return r && { ...toUser(r), passwordHash: r.password_hash };
}

export function findUser(db: Db, id: string): UserInfo | undefined {
  const r = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  return r && toUser(r);
}

export function listUsers(db: Db): UserInfo[] {
  return (db.prepare('SELECT * FROM users ORDER BY created_at').all() as UserRow[]).map(toUser);
}

export function countUsers(db: Db): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
}

export function updateUser(db: Db, id: string, change: { role?: Role; division?: string; disabled?: boolean; passwordHash?: string; displayName?: string }): void {
  const current = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow;
  db.prepare('UPDATE users SET role = ?, division = ?, disabled = ?, password_hash = ?, display_name = ? WHERE id = ?').run(
    change.role ?? current.role,
    change.division ?? current.division,
    change.disabled === undefined ? current.disabled : change.disabled ? 1 : 0,
    change.passwordHash ?? current.password_hash,
    change.displayName ?? current.display_name,
    id,
  );
}
