// What the signed-in user may do with a document, with the reason when not, so that no button is
// dead: a disabled button always carries a tooltip saying why. The service checks again; this only
// spares the user a refusal they could have been told about.
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
}

export function signoffAvailability(user: UserInfo | null, doc: DocumentDetail | undefined): SignoffAvailability {
  if (!user || !doc) return { allowed: false, reason: '请先打开文稿。' };
  const { next } = chainState(doc.signoffs);
  if (next === undefined) return { allowed: false, reason: '该文稿的审查流程已办结。' };
  const role = STEP_ROLE[next];
  if (user.role !== role) {
    return { allowed: false, step: next, reason: `当前步骤「${STEP_LABELS[next]}」须由${ROLE_LABELS[role]}签批，您的角色是${ROLE_LABELS[user.role]}。` };
  }
  return { allowed: true, step: next };
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
