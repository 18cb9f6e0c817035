// Rules the window needs before it offers an action, written once for the window and the service:
// who may manage users and what they may not do to themselves, which findings keep a document from
// being approved, which outcomes withhold, and which queue each role works from. (The project's
// permissions module, being consolidated separately, is to absorb these.)
import { SEVERITY_RANK } from './findings';
import { CLOSING_DISPOSITIONS, type DocumentState, type Outcome, type Role, type StoredFinding, type UserInfo } from './records';

/** Outcomes that withhold all or part of the document, and so need a legal basis. */
export const WITHHOLDING_OUTCOMES: ReadonlySet<Outcome> = new Set(['删除后公开', '不予公开']);

/** 禁止发布 findings not yet closed by a disposition (确认需修改 keeps one open: the file must change). */
export function openBlockFindings<F extends Pick<StoredFinding, 'severity' | 'disposition'>>(findings: readonly F[]): F[] {
  return findings.filter((f) => f.severity === 'block' && !(f.disposition && CLOSING_DISPOSITIONS.has(f.disposition.action)));
}

/** The findings nobody has disposed of yet, most severe first (what 「下一条待处置」 walks). */
export function undisposed<F extends Pick<StoredFinding, 'severity' | 'disposition'>>(findings: readonly F[]): F[] {
  return findings.filter((f) => !f.disposition).sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
}

/** Only the administrator manages users. */
export const USER_MANAGER: Role = 'admin';

export interface UserChangeRequest {
  readonly role?: Role;
  readonly disabled?: boolean;
}

/**
 * Why the administrator may not make this change to this user, or undefined: no administrator
 * disables or demotes their own account (the installation would be left without one who can undo it).
 */
export function userChangeRefusal(actor: Pick<UserInfo, 'id' | 'role'>, targetId: string, change: UserChangeRequest): string | undefined {
  if (actor.role !== USER_MANAGER) return '只有系统管理员可以管理用户。';
  if (actor.id !== targetId) return undefined;
  if (change.disabled) return '不能停用自己的账号。';
  if (change.role && change.role !== USER_MANAGER) return '不能取消自己的系统管理员角色。';
  return undefined;
}

/** The workbench tab each role opens on: the documents waiting for them. */
export const QUEUE_OF_ROLE: Readonly<Record<Role, DocumentState>> = {
  drafter: '待自查',
  'division-head': '待处室审核',
  'office-reviewer': '待办公室审核',
  'security-officer': '已办结',
  admin: '待自查',
};
