// What an audit entry about a user says, in words: who did what to whom (people by name, roles in
// Chinese). The audit log keeps user names; the screen shows people.
import type { AuditRow } from '../../../shared/api-contract';
import { ROLE_LABELS, type Role, type UserInfo } from '../../../shared/records';

export function personName(username: string, users: readonly UserInfo[]): string {
  if (username === 'system') return '系统';
  const user = users.find((u) => u.username === username);
  return user ? user.displayName : username;
}

const roleName = (r: unknown) => ROLE_LABELS[r as Role] ?? String(r);

export function describeUserChange(e: AuditRow, users: readonly UserInfo[]): string {
  const d = e.details as { username?: string; role?: unknown; division?: string; disabled?: boolean; passwordChanged?: boolean };
  const who = d.username ? personName(d.username, users) : '';
  if (e.action === 'user.create') return `新增用户「${who}」（${roleName(d.role)}，${d.division ?? ''}）`;
  const parts: string[] = [];
  if (d.role !== undefined) parts.push(`角色改为「${roleName(d.role)}」`);
  if (d.division !== undefined) parts.push(`处室改为「${d.division}」`);
  if (d.disabled !== undefined) parts.push(d.disabled ? '停用' : '启用');
  if (d.passwordChanged) parts.push('重置密码');
  return `「${who}」：${parts.join('，') || '修改'}`;
}
