#!/usr/bin/env node
// The judgement on real material (`npm run quality`): every file there is already public, so a
// block on it is a false alarm and so, mostly, is a review. Prints per set the verdict counts and
// the review rate, and every review and block finding on the published sets (file, match, rule,
// role, context); runs the expect files of law-files and of the corpus. Exits 1 when a published
// law or government document is blocked, when more than 5 % of a published set needs review, or
// when an expect file fails.
import { spawnSync } from 'node:child_process';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(root, '../shared');
const PUBLISHED = ['laws', 'gov'];
const MAX_REVIEW_RATE = 0.05;

function scan(dir) {
  const res = spawnSync(process.execPath, [join(root, 'bin/mishen.js'), 'scan', dir, '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
  });
  if (res.error) throw res.error;
  try {
    return JSON.parse(res.stdout).reports;
  } catch {
    throw new Error(`mishen scan ${dir} printed no JSON report: ${res.stderr.slice(0, 500)}`);
  }
}

function checkExpectations(dir) {
  const res = spawnSync(process.execPath, [join(shared, 'tools/check-corpus.mjs'), dir], { encoding: 'utf8' });
  const last = res.stdout.trim().split('\n').pop();
  const failures = res.stdout.split('\n').filter((l) => l.startsWith('FAIL') || l.startsWith('        '));
  return { ok: res.status === 0, summary: last, failures };
}

const problems = [];
for (const set of PUBLISHED) {
  const dir = join(shared, 'realworld', set);
  const reports = scan(dir);
  const counts = { block: 0, review: 0, pass: 0, error: 0 };
  for (const r of reports) counts[r.error ? 'error' : r.verdict]++;
  const rate = reports.length ? counts.review / reports.length : 0;
  console.log(`\n## realworld/${set}: ${reports.length} files — block ${counts.block}, review ${counts.review} (${(100 * rate).toFixed(1)} %), pass ${counts.pass}, error ${counts.error}`);
  for (const r of reports) {
    if (r.error) console.log(`  ${basename(r.file)}  error ${r.error.code}: ${r.error.message}`);
    for (const f of r.findings) {
      if (f.severity === 'info') continue;
      console.log(`  ${basename(r.file)}  ${f.severity}  「${f.match}」  ${f.ruleId}  ${f.role ?? '—'}  ${f.context}`);
    }
  }
  if (counts.block > 0) problems.push(`realworld/${set}: ${counts.block} published documents blocked`);
  if (rate > MAX_REVIEW_RATE) problems.push(`realworld/${set}: review rate ${(100 * rate).toFixed(1)} % is over ${100 * MAX_REVIEW_RATE} %`);
}

for (const [name, dir] of [['realworld/law-files', join(shared, 'realworld/law-files')], ['corpus', join(shared, 'corpus')]]) {
  const result = checkExpectations(dir);
  console.log(`\n## ${name} (expect files): ${result.summary}`);
  for (const line of result.failures) console.log(line);
  if (!result.ok) problems.push(`${name}: ${result.summary}`);
}

if (problems.length) {
  console.log(`\nQUALITY FAILED:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log('\nquality ok');
