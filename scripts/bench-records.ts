// Records benchmark (`npm run bench`, or `npm run bench:records` alone): builds a database of 10,000
// documents through the review service — each a small text draft submitted, scanned, its block
// findings disposed of and signed by drafter, division head and office, every row bound and every
// sign-off and disposition signed — then times `mishen audit verify` on it (the real command, as a
// user runs it) and what one sign-off costs now (commit and anchor each fsynced), median of many.
// The last line is one JSON object with the figures.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { UserInfo } from '../shared/records';
import { openServices } from '../electron/services/open-services';
import { warmSegmenter } from '../electron/segment/jieba-segmenter';

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 10_000);
const BATCH = 250;
const SIGNOFF_SAMPLES = 41;
const HEAP_CAP_MB = 48;
const PASSWORD = 'bench-pass-2026';
const DIVISIONS = ['综合处', '规划处', '财务处', '人事处', '法规处'];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'mishen-bench-records-'));
const dbFile = join(work, 'records.db');
const log = (line: string) => process.stdout.write(line + '\n');
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** A short draft: some ordinary sentences, one restricted mark (a block finding to dispose of), a number that makes it unique. */
function draft(n: number, division: string): Uint8Array {
  return Buffer.from(
    [
      `关于${division}2026年第${n}号工作安排的通知`,
      '内部资料',
      `各有关单位：根据年度计划，现将第${n}批次工作安排通知如下，请认真组织落实。`,
      '一、按时报送材料，做好统计汇总工作。二、加强协调配合，确保各项任务按期完成。',
    ].join('\n'),
    'utf8',
  );
}

async function main(): Promise<void> {
  log(`密审 Mishen 记录基准 records benchmark — Node ${process.version}, ${cpus().length} CPUs, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}，临时目录 ${work}`);
  warmSegmenter();
  const services = openServices({ database: dbFile });
  const service = services.records;
  // The counts are read on a connection of their own, as any reader of the file would.
  const reader = new Database(dbFile, { readonly: true });
  const admin = service.bootstrapAdmin('admin', '管理员', PASSWORD);
  const people = new Map<string, { drafter: UserInfo; head: UserInfo }>();
  const user = (username: string, displayName: string, role: UserInfo['role'], division: string) => {
    service.createUser(admin, { username, displayName, role, division, password: PASSWORD });
    return service.login(username, PASSWORD);
  };
  DIVISIONS.forEach((division, i) => people.set(division, { drafter: user(`drafter${i}`, `起草人${i}`, 'drafter', division), head: user(`head${i}`, `处长${i}`, 'division-head', division) }));
  const office = user('office', '办公室审核人', 'office-reviewer', '办公室');

  /** One document through the whole chain; `signOffice` false leaves it waiting for the office. */
  const review = async (n: number, signOffice = true): Promise<string> => {
    const division = DIVISIONS[n % DIVISIONS.length];
    const { drafter, head } = people.get(division)!;
    let d = await service.submitFile(drafter, { name: `通知-${n}.txt`, bytes: draft(n, division) }, { title: `第${n}号工作安排` });
    for (const f of d.scan.findings.filter((x) => x.severity === 'block')) d = service.dispose(drafter, f.id, 'keep', '公开稿中删除');
    const version = d.latestVersion.id;
    service.sign(drafter, version, { step: 'drafter', decision: 'approve', opinion: '已自查' });
    service.sign(head, version, { step: 'division-head', decision: 'approve', opinion: '同意' });
    if (signOffice) service.sign(office, version, { step: 'office', decision: 'approve', opinion: '删除后公开', outcome: '删除后公开', legalBasis: '《政府信息公开条例》第十六条' });
    return version;
  };

  // Building: batches in one transaction each (the service's transactions nest in it), anchored
  // after each commit, so that 10,000 documents take minutes rather than one fsync pair each.
  const t0 = performance.now();
  for (let n = 0; n < DOCUMENTS; n += BATCH) {
    await services.batch(async () => {
      for (let i = n; i < Math.min(n + BATCH, DOCUMENTS); i++) await review(i);
    });
    if ((n / BATCH) % 8 === 7) process.stderr.write(`  已建 ${n + BATCH} 份文稿 documents built…\n`);
  }
  const buildS = (performance.now() - t0) / 1000;
  const count = (table: string) => (reader.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  const entries = count('audit_log');
  log(`建库 built: ${count('documents')} 份文稿, ${count('signoffs')} 份签批, ${count('dispositions')} 条处置, ${entries} 条审计记录 in ${buildS.toFixed(0)} s`);

  // One sign-off as the user does it: the office's approval, its own transaction, committed and anchored.
  const waiting: string[] = [];
  for (let i = 0; i < SIGNOFF_SAMPLES; i++) waiting.push(await review(DOCUMENTS + i, false));
  const signMs: number[] = [];
  for (const version of waiting) {
    const t = performance.now();
    service.sign(office, version, { step: 'office', decision: 'approve', opinion: '同意公开', outcome: '可以公开' });
    signMs.push(performance.now() - t);
  }
  signMs.sort((a, b) => a - b);
  const signMedianMs = signMs[signMs.length >> 1];
  const signP90Ms = signMs[Math.floor(signMs.length * 0.9)];
  log(`一次签批 one sign-off (office step, ${SIGNOFF_SAMPLES} samples, commit and anchor fsynced): median ${ms(signMedianMs)}, p90 ${ms(signP90Ms)}, min ${ms(signMs[0])}`);
  const documents = count('documents');
  const finalEntries = count('audit_log');
  reader.close();
  services.close();

  const dbMB = statSync(dbFile).size / 1024 / 1024;
  const anchorMB = statSync(`${dbFile}.anchor`).size / 1024 / 1024;
  const t1 = performance.now();
  // The command as a user runs it, with GNU time's peak memory when it is installed. The V8 heap is
  // capped well below the database's size: verification streams, so it must still finish.
  const command = [process.execPath, `--max-old-space-size=${HEAP_CAP_MB}`, join(root, 'dist/cli.mjs'), '--db', dbFile, 'audit', 'verify'];
  const timed = spawnSync('/usr/bin/time', ['-f', '%M', ...command], { encoding: 'utf8' });
  const run = timed.error ? spawnSync(command[0], command.slice(1), { encoding: 'utf8' }) : timed;
  const verifyS = (performance.now() - t1) / 1000;
  if (run.status !== 0) throw new Error(`audit verify failed (${run.status}): ${run.stderr}`);
  const verifyPeakMB = timed.error ? undefined : Number(timed.stderr.trim().split('\n').pop()) / 1024;
  log(`audit verify (${documents} documents, ${finalEntries} audit entries, database ${dbMB.toFixed(0)} MB, anchor ${anchorMB.toFixed(1)} MB): ` +
      `${verifyS.toFixed(2)} s${verifyPeakMB === undefined ? '' : `, peak RSS ${verifyPeakMB.toFixed(0)} MB`} (V8 heap capped at ${HEAP_CAP_MB} MB)`);
  log(run.stdout.trim().split('\n').slice(0, 3).map((l) => `  ${l}`).join('\n'));
  log(JSON.stringify({ documents, auditEntries: finalEntries, buildS: Math.round(buildS), verifyS: Number(verifyS.toFixed(2)), verifyPeakMB: verifyPeakMB && Math.round(verifyPeakMB), signMedianMs: Number(signMedianMs.toFixed(1)), signP90Ms: Number(signP90Ms.toFixed(1)) }));
}

try {
  await main();
} finally {
  // BENCH_KEEP=1 keeps the database, to profile `audit verify` on it.
  if (process.env.BENCH_KEEP) log(`数据库保留在 kept: ${dbFile}`);
  else rmSync(work, { recursive: true, force: true });
}
