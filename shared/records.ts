// The review record (一事一审) as the window and the CLI see it: users and roles, documents and
// versions, dispositions, the sign-off chain. Pure types and the rules that need no database.
import type { Finding, Verdict } from './findings';
import type { DictionaryListRef } from './report';

// Each word list is an `as const` array with its type derived from it: the zod schemas at the
// window's boundary, the services, the command line and the window all take their lists from here.

export const ROLES = ['drafter', 'division-head', 'office-reviewer', 'security-officer', 'admin'] as const;
export type Role = (typeof ROLES)[number];
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

export const DISPOSITION_ACTIONS = ['fixed', 'false-positive', 'keep', 'must-fix'] as const;
export type DispositionAction = (typeof DISPOSITION_ACTIONS)[number];
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

export const PUBLICATION_MODES = ['主动公开', '依申请公开', '不予公开'] as const;
export type PublicationMode = (typeof PUBLICATION_MODES)[number];
/** What a document is proposed for when nobody said otherwise. */
export const DEFAULT_PUBLICATION_MODE: PublicationMode = '主动公开';

export const OUTCOMES = ['可以公开', '删除后公开', '修改后复审', '不予公开', '报保密部门审定'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** Outcomes that withhold all or part of the document, and so need a legal basis. */
export const WITHHOLDING_OUTCOMES: ReadonlySet<Outcome> = new Set<Outcome>(['删除后公开', '不予公开']);

/** Legal basis for withholding (政府信息公开条例). */
export const LEGAL_BASES: readonly string[] = [
  '《政府信息公开条例》第十四条（国家秘密、危及安全稳定）',
  '《政府信息公开条例》第十五条（商业秘密、个人隐私）',
  '《政府信息公开条例》第十六条（内部事务、过程性信息）',
];

export const SIGNOFF_STEPS = ['drafter', 'division-head', 'office'] as const;
export type SignoffStep = (typeof SIGNOFF_STEPS)[number];
export const SIGN_DECISIONS = ['approve', 'return'] as const;
export type SignDecision = (typeof SIGN_DECISIONS)[number];
export const SIGN_DECISION_LABELS: Readonly<Record<SignDecision, string>> = { approve: '同意', return: '退回' };
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

export const DOCUMENT_STATES = ['待自查', '待处室审核', '待办公室审核', '已退回', '已办结'] as const;
export type DocumentState = (typeof DOCUMENT_STATES)[number];

/** What becomes of a reviewer's proposal to allow a false positive. */
export const PROPOSAL_STATUSES = ['pending', 'accepted', 'rejected'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const PROPOSAL_STATUS_LABELS: Readonly<Record<ProposalStatus, string>> = { pending: '待处理', accepted: '已采纳', rejected: '已驳回' };

/**
 * The account `mishen --db FILE scan` records its scans under, and the division of those records:
 * not a person and not a division, so neither is listed, and it never makes the window ask for setup.
 */
export const CLI_SCAN_USER = 'mishen-cli';
export const UNSPECIFIED_DIVISION = '未指定';

/** A sign-off as it is asked for (the window's dialog, `mishen sign`). */
export interface SignRequest {
  readonly step: SignoffStep;
  readonly decision: SignDecision;
  readonly opinion: string;
  readonly outcome?: Outcome;
  readonly legalBasis?: string;
}

export interface SignoffRecord {
  readonly id: string;
  readonly versionId: string;
  readonly step: SignoffStep;
  readonly decision: SignDecision;
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
      | 'tampered'
      | 'not-signed-in',
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}
