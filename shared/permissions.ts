// Who may do what with the review record (谁产生、谁负责), each rule once. Pure functions that answer
// { allowed, reason } with the code a refusal carries: the services refuse through them, the window
// greys out its buttons with the same sentence (no dead button, no refusal it could have foreseen),
// and neither the window's handlers nor the command line decide anything themselves.
import {
  CLOSING_DISPOSITIONS,
  ROLES,
  ROLE_LABELS,
  STEP_LABELS,
  STEP_ROLE,
  WITHHOLDING_OUTCOMES,
  chainState,
  type DocumentState,
  type Outcome,
  type Role,
  type ScanRecord,
  type ServiceError,
  type SignRequest,
  type SignoffRecord,
  type SignoffStep,
  type UserInfo,
} from './records';

export interface Permission {
  readonly allowed: boolean;
  /** Why not, in a sentence the user can act on (set when not allowed). */
  readonly reason?: string;
  /** The code the service refuses with (set when not allowed). */
  readonly code?: ServiceError['code'];
}

export const ALLOWED: Permission = { allowed: true };

function refuse(code: ServiceError['code'], reason: string): Permission {
  return { allowed: false, code, reason };
}

const names = (roles: readonly Role[]) => roles.map((r) => ROLE_LABELS[r]).join('或');

/** Those who keep the dictionary and read the audit log: the security officer (保密员), and the administrator who answers for the system. */
const KEEPERS: readonly Role[] = ['security-officer', 'admin'];
const EVERYONE: readonly Role[] = ROLES;

/** What may be done by role alone, and how the action is said in a refusal. */
export const ROLE_ACTIONS = {
  submit: { roles: ['drafter'], what: '提交文稿' },
  'manage-users': { roles: ['admin'], what: '管理用户' },
  'list-users': { roles: ['admin', 'security-officer'], what: '查看用户' },
  'read-audit': { roles: KEEPERS, what: '查看审计日志' },
  'verify-audit': { roles: KEEPERS, what: '校验审计日志' },
  'read-dictionary-versions': { roles: KEEPERS, what: '查看词库版本' },
  'compare-dictionary-versions': { roles: KEEPERS, what: '比较词库版本' },
  'edit-dictionary': { roles: KEEPERS, what: '修改词库' },
  'roll-back-dictionary': { roles: KEEPERS, what: '回退词库' },
  'import-dictionary': { roles: KEEPERS, what: '导入词库' },
  'export-dictionary': { roles: KEEPERS, what: '导出词库' },
  'read-proposals': { roles: KEEPERS, what: '查看误报建议' },
  'accept-proposal': { roles: KEEPERS, what: '采纳误报建议' },
  'reject-proposal': { roles: KEEPERS, what: '驳回误报建议' },
  'export-public-key': { roles: KEEPERS, what: '导出签名公钥' },
  'trust-key': { roles: KEEPERS, what: '添加信任公钥' },
  'read-trusted-keys': { roles: KEEPERS, what: '查看信任公钥' },
  'export-package': { roles: KEEPERS, what: '导出词库包' },
  'import-package': { roles: KEEPERS, what: '导入词库包' },
  'read-installation-key': { roles: EVERYONE, what: '查看本机送审包公钥' },
  'list-packages': { roles: EVERYONE, what: '查看收发的送审包' },
  'trust-installation': { roles: KEEPERS, what: '信任其他安装的送审包公钥' },
  'export-review-package': { roles: ['drafter', 'division-head'], what: '导出送审包' },
  'import-review-package': { roles: ['office-reviewer'], what: '导入送审包' },
  'export-decision-package': { roles: ['office-reviewer'], what: '导出审核决定包' },
  'import-decision-package': { roles: ['drafter', 'division-head'], what: '导入审核决定包' },
} as const satisfies Record<string, { readonly roles: readonly Role[]; readonly what: string }>;

export type RoleAction = keyof typeof ROLE_ACTIONS;

/** Someone signed in, whose account is in use. */
function signedIn(actor: UserInfo | null | undefined): Permission {
  if (!actor) return refuse('not-signed-in', '请先登录。');
  if (actor.disabled) return refuse('forbidden', '账号已停用。');
  return ALLOWED;
}

export function mayDo(actor: UserInfo | null | undefined, action: RoleAction): Permission {
  const who = signedIn(actor);
  if (!who.allowed) return who;
  const { roles, what } = ROLE_ACTIONS[action];
  if (!(roles as readonly Role[]).includes(actor!.role)) return refuse('wrong-role', `${ROLE_LABELS[actor!.role]}不能${what}（须为${names(roles)}）。`);
  return ALLOWED;
}

/** What an administrator may change of a user. */
export interface UserChange {
  readonly role?: Role;
  readonly disabled?: boolean;
}

/**
 * Users are the administrator's to manage; but no administrator disables or demotes their own
 * account (the installation would be left without one who can undo it).
 */
export function mayChangeUser(actor: UserInfo | null | undefined, targetId: string, change: UserChange): Permission {
  const role = mayDo(actor, 'manage-users');
  if (!role.allowed || actor!.id !== targetId) return role;
  if (change.disabled) return refuse('forbidden', '不能停用自己的账号。');
  if (change.role && change.role !== 'admin') return refuse('forbidden', '不能取消自己的系统管理员角色。');
  return ALLOWED;
}

/** The workbench tab each role opens on: the documents waiting for them. */
export const QUEUE_OF_ROLE: Readonly<Record<Role, DocumentState>> = {
  drafter: '待自查',
  'division-head': '待处室审核',
  'office-reviewer': '待办公室审核',
  'security-officer': '已办结',
  admin: '待自查',
};

// ---- documents ------------------------------------------------------------------------------

/** What the rules need to know of a document. */
export interface DocumentParty {
  readonly division: string;
  readonly drafterId: string;
}

/** Roles that see every division's documents. */
const OFFICE_WIDE: readonly Role[] = ['office-reviewer', 'security-officer', 'admin'];
const DISPOSERS: readonly Role[] = ['drafter', 'division-head', 'office-reviewer'];
/** 拟公开方式 is the drafting division's proposal: its drafter or its head fills it in. */
const PUBLICATION_PROPOSERS: readonly Role[] = ['drafter', 'division-head'];

const NO_DOCUMENT = refuse('not-found', '请先打开文稿。');

function sameDivision(actor: UserInfo, doc: DocumentParty): Permission {
  return actor.division === doc.division ? ALLOWED : refuse('wrong-division', `该文稿属于「${doc.division}」，您属于「${actor.division}」。`);
}

export function maySee(actor: UserInfo, doc: Pick<DocumentParty, 'division'>): Permission {
  if (OFFICE_WIDE.includes(actor.role) || doc.division === actor.division) return ALLOWED;
  return refuse('wrong-division', `该文稿属于「${doc.division}」，您无权查看。`);
}

/** A new version goes to a document of one's own division. */
export function mayAddVersion(actor: UserInfo, doc: DocumentParty): Permission {
  const role = mayDo(actor, 'submit');
  if (!role.allowed) return role;
  return actor.division === doc.division ? ALLOWED : refuse('wrong-division', '只能为本处室的文稿提交新版本。');
}

/** 上传修改稿: a new version from the drafting division's drafter, while the review is not finished. */
export function mayUploadRevision(actor: UserInfo | null | undefined, doc: (DocumentParty & { readonly signoffs: readonly Pick<SignoffRecord, 'step' | 'decision'>[] }) | undefined): Permission {
  const who = signedIn(actor);
  if (!who.allowed) return who;
  if (!doc) return NO_DOCUMENT;
  const version = mayAddVersion(actor!, doc);
  if (!version.allowed) return version;
  if (chainState(doc.signoffs).next === undefined) return refuse('out-of-order', '该文稿的审查已办结；如需再改，请作为新文稿导入。');
  return ALLOWED;
}

export function mayDispose(actor: UserInfo | null | undefined, doc: (DocumentParty & { readonly signoffs: readonly Pick<SignoffRecord, 'step' | 'decision'>[] }) | undefined): Permission {
  const who = signedIn(actor);
  if (!who.allowed) return who;
  if (!doc) return NO_DOCUMENT;
  if (chainState(doc.signoffs).next === undefined) return refuse('out-of-order', '该文稿的审查已办结，不能再修改处置。');
  if (!DISPOSERS.includes(actor!.role)) return refuse('wrong-role', `${ROLE_LABELS[actor!.role]}不能处置审查发现（须为${names(DISPOSERS)}）。`);
  // The office reviewer disposes of any division's findings; the division only of its own.
  return actor!.role === 'office-reviewer' ? ALLOWED : sameDivision(actor!, doc);
}

export function maySetPublication(actor: UserInfo | null | undefined, doc: DocumentParty | undefined): Permission {
  const who = signedIn(actor);
  if (!who.allowed) return who;
  if (!doc) return NO_DOCUMENT;
  if (!PUBLICATION_PROPOSERS.includes(actor!.role)) return refuse('wrong-role', `拟公开方式由${names(PUBLICATION_PROPOSERS)}填写，您的角色是${ROLE_LABELS[actor!.role]}。`);
  return sameDivision(actor!, doc);
}

// ---- review packages (送审包) -----------------------------------------------------------------

type ChainOf = { readonly signoffs: readonly Pick<SignoffRecord, 'step' | 'decision'>[] };

/** 导出送审包: the drafting division's drafter or head, once the head has approved (the chain awaits the office). */
export function mayExportReviewPackage(actor: UserInfo | null | undefined, doc: (Pick<DocumentParty, 'division'> & ChainOf) | undefined): Permission {
  const role = mayDo(actor, 'export-review-package');
  if (!role.allowed) return role;
  if (!doc) return NO_DOCUMENT;
  if (doc.division !== actor!.division) return refuse('wrong-division', `该文稿属于「${doc.division}」，您属于「${actor!.division}」。`);
  const { state, next } = chainState(doc.signoffs);
  if (next !== 'office') return refuse('out-of-order', `送审包须在处室负责人审核通过后导出，该文稿当前为「${state}」。`);
  return ALLOWED;
}

/** 导出审核决定包: the office reviewer, for a latest version that came in a review package, once the office has signed it. */
export function mayExportDecisionPackage(actor: UserInfo | null | undefined, doc: ChainOf | undefined, cameByPackage: boolean): Permission {
  const role = mayDo(actor, 'export-decision-package');
  if (!role.allowed) return role;
  if (!doc) return NO_DOCUMENT;
  if (!cameByPackage) return refuse('out-of-order', '该文稿的最新版本不是从送审包导入的，不能导出审核决定包。');
  if (doc.signoffs.at(-1)?.step !== 'office') return refuse('out-of-order', `该版本尚无「${STEP_LABELS.office}」签批，请先签批再导出审核决定包。`);
  return ALLOWED;
}

// ---- the sign-off chain ---------------------------------------------------------------------

/** 禁止发布 findings not yet closed (确认需修改 keeps one open: the file has to change). */
export function openBlockFindings<F extends Pick<ScanRecord['findings'][number], 'severity' | 'disposition'>>(findings: readonly F[]): F[] {
  return findings.filter((f) => f.severity === 'block' && !(f.disposition && CLOSING_DISPOSITIONS.has(f.disposition.action)));
}

export function isWithholding(outcome: Outcome | undefined): boolean {
  return outcome !== undefined && WITHHOLDING_OUTCOMES.has(outcome);
}

export type SignoffAvailability = Permission & {
  readonly step?: SignoffStep;
  /** Why 同意 cannot be given now (open 禁止发布 findings); 退回 still can, after the drafter's step. */
  readonly approveBlocked?: string;
};

/**
 * Whose step is it: the step the chain stands at, and whether `actor` is the one to sign it; with the
 * findings at hand, whether 同意 is open (maySign refuses it while 禁止发布 findings are open).
 */
export function signoffAvailability(
  actor: UserInfo | null | undefined,
  doc: { readonly signoffs: readonly Pick<SignoffRecord, 'step' | 'decision'>[]; readonly scan?: Pick<ScanRecord, 'findings'> } | undefined,
): SignoffAvailability {
  const who = signedIn(actor);
  if (!who.allowed) return who;
  if (!doc) return NO_DOCUMENT;
  const { next } = chainState(doc.signoffs);
  if (next === undefined) return refuse('out-of-order', '该文稿的审查流程已办结，不能再签批。');
  const role = stepRole(actor!, next);
  if (!role.allowed) return { ...role, step: next };
  const open = doc.scan ? openBlockFindings(doc.scan.findings).length : 0;
  if (open === 0) return { ...ALLOWED, step: next };
  const approveBlocked = `还有 ${open} 处「禁止发布」的问题未处置，处置（已修改 / 误报 / 保留并说明）后才能同意签批。`;
  // The drafter's only step is to approve; a later step may still send the document back.
  if (next === 'drafter') return { ...refuse('open-block-findings', approveBlocked), step: next, approveBlocked };
  return { ...ALLOWED, step: next, approveBlocked };
}

function stepRole(actor: UserInfo, step: SignoffStep): Permission {
  const role = STEP_ROLE[step];
  if (actor.role === role) return ALLOWED;
  return refuse('wrong-role', `「${STEP_LABELS[step]}」须由${ROLE_LABELS[role]}签批，您的角色是${ROLE_LABELS[actor.role]}。`);
}

/** What a sign-off is checked against, all read in the transaction that records it. */
export interface SignoffContext {
  readonly doc: DocumentParty;
  readonly isLatestVersion: boolean;
  readonly chain: readonly SignoffRecord[];
  readonly findings: ScanRecord['findings'];
}

/** The rules of the chain, in the order a person meets them; the first one broken refuses. */
export function maySign(actor: UserInfo, { doc, isLatestVersion, chain, findings }: SignoffContext, req: SignRequest): Permission {
  const who = signedIn(actor);
  if (!who.allowed) return who;
  if (!isLatestVersion) return refuse('stale-version', '该版本已有更新的版本，签批只能针对最新版本；新版本须从起草人自查重新开始。');
  const { next } = chainState(chain);
  if (next === undefined) return refuse('out-of-order', '该文稿的审查流程已办结，不能再签批。');
  if (req.step !== next) return refuse('out-of-order', `当前应进行「${STEP_LABELS[next]}」，不能进行「${STEP_LABELS[req.step]}」。`);
  const role = stepRole(actor, req.step);
  if (!role.allowed) return role;
  if (req.step === 'drafter' && actor.id !== doc.drafterId) return refuse('forbidden', '起草人自查须由该文稿的起草人本人签署（谁产生、谁负责）。');
  if (req.step !== 'office' && actor.division !== doc.division) {
    return refuse('wrong-division', `该文稿由「${doc.division}」产生，须由本处室人员签批，您属于「${actor.division}」。`);
  }
  // Separation of duties: the office reviewer must not have drafted or signed an earlier step. Their
  // own earlier office decision (a return) does not count: the same reviewer reviews the item again.
  if (req.step === 'office' && (actor.id === doc.drafterId || chain.some((s) => s.userId === actor.id && s.step !== 'office'))) {
    return refuse('reviewer-is-drafter', '办公室审核人不能是该文稿的起草人或本流程中已签批的人员。');
  }
  if (!req.opinion.trim()) return refuse('invalid', '请填写审查意见。');
  if (req.decision === 'return') return ALLOWED;
  const open = openBlockFindings(findings);
  if (open.length > 0) {
    return refuse('open-block-findings', `还有 ${open.length} 处「禁止发布」的问题未处置（如「${open[0]!.match}」），须逐项处置（已修改 / 误报 / 保留并说明）后才能签批。`);
  }
  if (req.step === 'office') return officeOutcome(req, findings);
  return ALLOWED;
}

function officeOutcome(req: SignRequest, findings: ScanRecord['findings']): Permission {
  if (!req.outcome) return refuse('invalid', '办公室审核须给出审查结论（可以公开、删除后公开、修改后复审、不予公开或报保密部门审定）。');
  if (isWithholding(req.outcome) && !req.legalBasis?.trim()) {
    return refuse('invalid', `结论为「${req.outcome}」时须写明不予公开的法律依据（政府信息公开条例第十四、十五或十六条）。`);
  }
  // 已修改 on this version is a promise about the next version: the reviewed file itself still
  // holds the problem, so this exact file cannot be published as it is.
  const stillInFile = findings.filter((f) => f.severity === 'block' && f.disposition?.action === 'fixed');
  if (req.outcome === '可以公开' && stillInFile.length > 0) {
    return refuse(
      'invalid',
      `本版本文件中仍有 ${stillInFile.length} 处标为「已修改」的禁止发布问题（如「${stillInFile[0]!.match}」），文件本身并未修改，结论不能为「可以公开」；请提交修改后的新版本，或选择「删除后公开」「修改后复审」。`,
    );
  }
  return ALLOWED;
}
