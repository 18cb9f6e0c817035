// The review record (一事一审) as the window and the CLI see it: users and roles, documents and
// versions, dispositions, the sign-off chain. Pure types and the rules that need no database.
import type { Finding, Verdict } from './findings';
import type { DictionaryListRef } from './report';

export type Role = 'drafter' | 'division-head' | 'office-reviewer' | 'security-officer' | 'admin';
export const ROLES: readonly Role[] = ['drafter', 'division-head', 'office-reviewer', 'security-officer', 'admin'];
export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  drafter: '起草人',
  'division-head': '处室负责人',
  'office-reviewer': '办公室审核人',
  'security-officer': '保密员',
  admin: '系统管理员',
};

export interface UserInfo {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly division: string;
  readonly disabled: boolean;
}

export type DispositionAction = 'fixed' | 'false-positive' | 'keep' | 'must-fix';
export const DISPOSITION_LABELS: Readonly<Record<DispositionAction, string>> = {
  fixed: '已修改',
  'false-positive': '误报',
  keep: '保留并说明',
  'must-fix': '确认需修改',
};
/** Dispositions that need a written reason. */
export const DISPOSITIONS_NEEDING_REASON: ReadonlySet<DispositionAction> = new Set(['false-positive', 'keep']);
/** Dispositions that close a block finding for sign-off. 确认需修改 keeps it open: the file must change. */
export const CLOSING_DISPOSITIONS: ReadonlySet<DispositionAction> = new Set(['fixed', 'false-positive', 'keep']);

export type PublicationMode = '主动公开' | '依申请公开' | '不予公开';
export const PUBLICATION_MODES: readonly PublicationMode[] = ['主动公开', '依申请公开', '不予公开'];

export type Outcome = '可以公开' | '删除后公开' | '修改后复审' | '不予公开' | '报保密部门审定';
export const OUTCOMES: readonly Outcome[] = ['可以公开', '删除后公开', '修改后复审', '不予公开', '报保密部门审定'];

/** Legal basis for withholding (政府信息公开条例). */
export const LEGAL_BASES: readonly string[] = [
  '《政府信息公开条例》第十四条（国家秘密、危及安全稳定）',
  '《政府信息公开条例》第十五条（商业秘密、个人隐私）',
  '《政府信息公开条例》第十六条（内部事务、过程性信息）',
];

export type SignoffStep = 'drafter' | 'division-head' | 'office';
export const SIGNOFF_STEPS: readonly SignoffStep[] = ['drafter', 'division-head', 'office'];
export const STEP_LABELS: Readonly<Record<SignoffStep, string>> = {
  drafter: '起草人自查',
  'division-head': '处室负责人审核',
  office: '办公室审核',
};
/** Which role signs which step. */
export const STEP_ROLE: Readonly<Record<SignoffStep, Role>> = {
  drafter: 'drafter',
  'division-head': 'division-head',
  office: 'office-reviewer',
};

export type DocumentState = '待自查' | '待处室审核' | '待办公室审核' | '已退回' | '已办结';
export const DOCUMENT_STATES: readonly DocumentState[] = ['待自查', '待处室审核', '待办公室审核', '已退回', '已办结'];

export interface SignoffRecord {
  readonly id: string;
  readonly versionId: string;
  readonly step: SignoffStep;
  readonly decision: 'approve' | 'return';
  readonly userId: string;
  readonly userName: string;
  readonly role: Role;
  readonly opinion: string;
  readonly outcome?: Outcome;
  readonly legalBasis?: string;
  readonly scanId: string;
  readonly signedAt: string;
}

export interface DispositionRecord {
  readonly id: string;
  readonly findingId: string;
  readonly action: DispositionAction;
  readonly reason: string;
  readonly userId: string;
  readonly userName: string;
  readonly createdAt: string;
}

export interface StoredFinding extends Finding {
  readonly id: string;
  readonly seq: number;
  readonly disposition?: DispositionRecord;
}

export interface ScanRecord {
  readonly id: string;
  readonly versionId: string;
  readonly verdict: Verdict;
  readonly warnings: readonly { code: string; message: string; page?: number }[];
  readonly dictionaryVersion: string;
  readonly dictionaryHash: string;
  /** The user's --dict lists the scan used on top of the dictionary version. */
  readonly dictionaryLists: readonly DictionaryListRef[];
  readonly engineVersion: string;
  readonly createdAt: string;
  readonly findings: readonly StoredFinding[];
}

export interface VersionInfo {
  readonly id: string;
  readonly documentId: string;
  readonly number: number;
  readonly sha256: string;
  readonly fileName: string;
  readonly size: number;
  readonly createdAt: string;
}

export interface DocumentSummary {
  readonly id: string;
  readonly title: string;
  readonly docNumber: string;
  readonly division: string;
  readonly drafterId: string;
  readonly drafterName: string;
  readonly publicationMode: PublicationMode;
  readonly channel: string;
  readonly scope: string;
  readonly publishTime: string;
  readonly createdAt: string;
  readonly state: DocumentState;
  readonly latestVersion: VersionInfo;
  readonly verdict: Verdict;
  /** The office's conclusion, once the chain is complete (已办结). */
  readonly outcome?: Outcome;
}

export interface DocumentDetail extends DocumentSummary {
  readonly versions: readonly VersionInfo[];
  readonly scan: ScanRecord;
  readonly signoffs: readonly SignoffRecord[];
}

/**
 * The state of a version's chain from its sign-offs in order: a return sends it back to the
 * division and restarts the chain.
 */
export function chainState(signoffs: readonly Pick<SignoffRecord, 'step' | 'decision'>[]): { state: DocumentState; next: SignoffStep | undefined } {
  let next: SignoffStep | undefined = 'drafter';
  let returned = false;
  for (const s of signoffs) {
    if (s.decision === 'return') {
      next = 'drafter';
      returned = true;
      continue;
    }
    returned = false;
    next = s.step === 'drafter' ? 'division-head' : s.step === 'division-head' ? 'office' : undefined;
  }
  if (next === undefined) return { state: '已办结', next };
  if (returned) return { state: '已退回', next };
  return { state: next === 'drafter' ? '待自查' : next === 'division-head' ? '待处室审核' : '待办公室审核', next };
}

/** The office's conclusion of a complete chain: its last sign-off, when that is the office's approval. */
export function officeOutcome(signoffs: readonly Pick<SignoffRecord, 'step' | 'decision' | 'outcome'>[]): Outcome | undefined {
  const last = signoffs[signoffs.length - 1];
  return last && last.step === 'office' && last.decision === 'approve' ? last.outcome : undefined;
}

/** A refusal the service explains to the user (Chinese), with a code tests can check. */
export class ServiceError extends Error {
  constructor(
    readonly code:
      | 'not-found'
      | 'forbidden'
      | 'wrong-role'
      | 'wrong-division'
      | 'open-block-findings'
      | 'reviewer-is-drafter'
      | 'stale-version'
      | 'out-of-order'
      | 'invalid'
      | 'bad-credentials'
      | 'unreadable-file'
      | 'key-locked'
      | 'tampered',
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}
