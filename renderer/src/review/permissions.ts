// What the signed-in user may do with a document, with the reason when not, so that no button is
// dead: a disabled button always carries a tooltip saying why. The service checks again; this only
// spares the user a refusal they could have been told about.
import { USER_MANAGER, openBlockFindings } from '../../../shared/access-rules';
import { ROLE_LABELS, STEP_LABELS, STEP_ROLE, chainState, type DocumentDetail, type SignoffStep, type UserInfo } from '../../../shared/records';

export interface Permission {
  readonly allowed: boolean;
  readonly reason?: string;
}

export function canImport(user: UserInfo | null): Permission {
  if (!user) return { allowed: false, reason: '请先登录。' };
  if (user.role !== 'drafter') return { allowed: false, reason: `只有起草人可以导入文稿，您的角色是${ROLE_LABELS[user.role]}。` };
  return { allowed: true };
}

export function canDispose(user: UserInfo | null, doc: DocumentDetail | undefined): Permission {
  if (!user || !doc) return { allowed: false, reason: '请先打开文稿。' };
  if (chainState(doc.signoffs).next === undefined) return { allowed: false, reason: '该文稿的审查已办结，不能再修改处置。' };
  if (!['drafter', 'division-head', 'office-reviewer'].includes(user.role)) {
    return { allowed: false, reason: `${ROLE_LABELS[user.role]}不能处置审查发现。` };
  }
  if (user.role !== 'office-reviewer' && user.division !== doc.division) {
    return { allowed: false, reason: `该文稿属于「${doc.division}」，您属于「${user.division}」。` };
  }
  return { allowed: true };
}

export interface SignoffAvailability extends Permission {
  readonly step?: SignoffStep;
  /** Why 同意 cannot be given now (open 禁止发布 findings); 退回 still can, after the drafter's step. */
  readonly approveBlocked?: string;
}

export function signoffAvailability(user: UserInfo | null, doc: DocumentDetail | undefined): SignoffAvailability {
  if (!user || !doc) return { allowed: false, reason: '请先打开文稿。' };
  const { next } = chainState(doc.signoffs);
  if (next === undefined) return { allowed: false, reason: '该文稿的审查流程已办结。' };
  const role = STEP_ROLE[next];
  if (user.role !== role) {
    return { allowed: false, step: next, reason: `当前步骤「${STEP_LABELS[next]}」须由${ROLE_LABELS[role]}签批，您的角色是${ROLE_LABELS[user.role]}。` };
  }
  const open = openBlockFindings(doc.scan.findings).length;
  const approveBlocked = open > 0 ? `还有 ${open} 处「禁止发布」的问题未处置，处置（已修改 / 误报 / 保留并说明）后才能同意签批。` : undefined;
  // The drafter's only step is to approve; a later step may still send the document back.
  if (approveBlocked && next === 'drafter') return { allowed: false, step: next, reason: approveBlocked, approveBlocked };
  return { allowed: true, step: next, ...(approveBlocked ? { approveBlocked } : {}) };
}

/** 上传修改稿: the drafting division's drafter, while the review is not finished. */
export function canUploadRevision(user: UserInfo | null, doc: DocumentDetail | undefined): Permission {
  if (!user || !doc) return { allowed: false, reason: '请先打开文稿。' };
  if (user.role !== 'drafter') return { allowed: false, reason: `修改稿由起草人上传，您的角色是${ROLE_LABELS[user.role]}。` };
  if (user.division !== doc.division) return { allowed: false, reason: `该文稿属于「${doc.division}」，您属于「${user.division}」。` };
  if (chainState(doc.signoffs).next === undefined) return { allowed: false, reason: '该文稿的审查已办结；如需再改，请作为新文稿导入。' };
  return { allowed: true };
}

/** 用户管理 is the administrator's. */
export function canManageUsers(user: UserInfo | null): boolean {
  return user?.role === USER_MANAGER;
}

/** 拟公开方式 is the drafting division's proposal: its drafter or head fills it in (as setPublication checks). */
export function canSetPublication(user: UserInfo | null, doc: DocumentDetail | undefined): Permission {
  if (!user || !doc) return { allowed: false, reason: '请先打开文稿。' };
  if (user.role !== 'drafter' && user.role !== 'division-head') {
    return { allowed: false, reason: `拟公开方式由起草人或处室负责人填写，您的角色是${ROLE_LABELS[user.role]}。` };
  }
  if (user.division !== doc.division) return { allowed: false, reason: `该文稿属于「${doc.division}」，您属于「${user.division}」。` };
  return { allowed: true };
}
