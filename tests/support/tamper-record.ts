// The record the tamper tests attack, on either backend: every kind of row (users, keys,
// dictionary versions, a trusted key, a document, its version, scan, dispositions, sign-offs, an
// allow-list proposal, a review package sent and the installation it went to), built through the
// services as people would.
import { generateKeyPairSync } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { openServices } from '../../electron/services/open-services';

const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
export const TAMPER_PASSWORD = 'tamper-pass-2026';
export const TAMPER_TITLE = '全省城市供水应急保障情况报告';

/** `beforeLastSignoffs` runs after the drafter's sign-off, before the division head's and the office's. */
export async function buildTamperRecord(database: string, beforeLastSignoffs?: () => Promise<unknown>): Promise<void> {
  const services = openServices({ database });
  const s = services.records;
  try {
    const admin = s.bootstrapAdmin('admin', '管理员', TAMPER_PASSWORD);
    const people = [
      ['zhang', '张三', 'drafter', '综合处'],
      ['li', '李四', 'division-head', '综合处'],
      ['wang', '王五', 'office-reviewer', '办公室'],
      ['sun', '孙七', 'security-officer', '办公室'],
    ] as const;
    for (const [username, displayName, role, division] of people) s.createUser(admin, { username, displayName, role, division, password: TAMPER_PASSWORD });
    const [zhang, li, wang, sun] = people.map(([username]) => s.login(username, TAMPER_PASSWORD));

    const dict = services.dictionary;
    dict.addEntry(sun, { term: '青松工程', category: 'project-codename', severity: 'block', note: '内部工程代号' });
    const { publicKey } = generateKeyPairSync('ed25519');
    dict.trustKey(sun, publicKey.export({ type: 'spki', format: 'pem' }).toString(), '省保密办');

    let d = await s.submit(zhang, join(CORPUS, '02-classified-marking.docx'), { title: TAMPER_TITLE, docNumber: '综〔2026〕12号' });
    for (const f of d.scan.findings.filter((x) => x.severity === 'block')) d = s.dispose(zhang, f.id, 'fixed');
    const review = d.scan.findings.find((x) => x.severity === 'review')!;
    s.dispose(zhang, review.id, 'false-positive', '引用的法规名称');
    s.proposeAllow(zhang, review.id, '引用的法规名称');
    s.sign(zhang, d.latestVersion.id, { step: 'drafter', decision: 'approve', opinion: '已逐项自查' });
    await beforeLastSignoffs?.();
    s.sign(li, d.latestVersion.id, { step: 'division-head', decision: 'approve', opinion: '同意公开' });
    // The installation the review packages go to, and one sent there (送审包).
    services.packages.trustInstallation(sun, generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString(), '办公室');
    services.packages.exportReview(li, d.id);
    s.sign(wang, d.latestVersion.id, { step: 'office', decision: 'approve', opinion: '删除密级标志后公开', outcome: '删除后公开', legalBasis: '《政府信息公开条例》第十四条' });
  } finally {
    services.close();
  }
}
