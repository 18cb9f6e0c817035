// The rules of the sign-off chain (谁产生、谁负责), checked before anything is written.
// Each refusal is a ServiceError with a code and a sentence the user can act on.
import { WITHHOLDING_OUTCOMES, openBlockFindings } from '../../shared/access-rules';
import { ROLE_LABELS, STEP_LABELS, STEP_ROLE, ServiceError, chainState, type Outcome, type ScanRecord, type SignoffRecord, type SignoffStep, type UserInfo } from '../../shared/records';
import type { DocumentRow } from '../store/documents-repo';

export interface SignRequest {
  readonly step: SignoffStep;
  readonly decision: 'approve' | 'return';
  readonly opinion: string;
  readonly outcome?: Outcome;
  readonly legalBasis?: string;
}

export function checkSignoff(
  actor: UserInfo,
  doc: DocumentRow,
  isLatestVersion: boolean,
  chain: readonly SignoffRecord[],
  scan: ScanRecord,
  req: SignRequest,
): void {
  if (!isLatestVersion) throw new ServiceError('stale-version', '该版本已有更新的版本，签批只能针对最新版本；新版本须从起草人自查重新开始。');
  const { next } = chainState(chain);
  if (next === undefined) throw new ServiceError('out-of-order', '该版本的审查流程已办结，不能再签批。');
  if (req.step !== next) throw new ServiceError('out-of-order', `当前应进行「${STEP_LABELS[next]}」，不能进行「${STEP_LABELS[req.step]}」。`);
  const role = STEP_ROLE[req.step];
  if (actor.role !== role) {
    throw new ServiceError('wrong-role', `「${STEP_LABELS[req.step]}」须由${ROLE_LABELS[role]}签批，您的角色是${ROLE_LABELS[actor.role]}。`);
  }
  if (req.step === 'drafter' && actor.id !== doc.drafter_id) {
    throw new ServiceError('forbidden', '起草人自查须由该文稿的起草人本人签署（谁产生、谁负责）。');
  }
  if (req.step !== 'office' && actor.division !== doc.division) {
    throw new ServiceError('wrong-division', `该文稿由「${doc.division}」产生，须由本处室人员签批，您属于「${actor.division}」。`);
  }
  // Separation of duties: the office reviewer must not have drafted or signed an earlier step. Their
  // own earlier office decision (a return) does not count: the same reviewer reviews the item again.
  if (req.step === 'office' && (actor.id === doc.drafter_id || chain.some((s) => s.userId === actor.id && s.step !== 'office'))) {
    throw new ServiceError('reviewer-is-drafter', '办公室审核人不能是该文稿的起草人或本流程中已签批的人员。');
  }
  if (!req.opinion.trim()) throw new ServiceError('invalid', '请填写审查意见。');
  if (req.decision === 'return') return;
  const open = openBlockFindings(scan.findings);
  if (open.length > 0) {
    throw new ServiceError(
      'open-block-findings',
      `还有 ${open.length} 处「禁止发布」的问题未处置（如「${open[0].match}」），须逐项处置（已修改 / 误报 / 保留并说明）后才能签批。`,
    );
  }
  if (req.step === 'office') {
    if (!req.outcome) throw new ServiceError('invalid', '办公室审核须给出审查结论（可以公开、删除后公开、修改后复审、不予公开或报保密部门审定）。');
    if (WITHHOLDING_OUTCOMES.has(req.outcome) && !req.legalBasis?.trim()) {
      throw new ServiceError('invalid', `结论为「${req.outcome}」时须写明不予公开的法律依据（政府信息公开条例第十四、十五或十六条）。`);
    }
    // 已修改 on this version is a promise about the next version: the reviewed file itself still
    // holds the problem, so this exact file cannot be published as it is.
    const stillInFile = scan.findings.filter((f) => f.severity === 'block' && f.disposition?.action === 'fixed');
    if (req.outcome === '可以公开' && stillInFile.length > 0) {
      throw new ServiceError(
        'invalid',
        `本版本文件中仍有 ${stillInFile.length} 处标为「已修改」的禁止发布问题（如「${stillInFile[0].match}」），文件本身并未修改，结论不能为「可以公开」；请提交修改后的新版本，或选择「删除后公开」「修改后复审」。`,
      );
    }
  }
}
