// The sessions README.md gives to paste into bash do work: each block is run as it stands, from the
// project's folder, with the CLI the tests built (global-setup.ts).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const README = readFileSync(`${ROOT}README.md`, 'utf8');

/** The first ```sh block after the paragraph that starts with `marker`. */
function block(marker: string): string {
  const at = README.indexOf(marker);
  expect(at, `README has «${marker}»`).toBeGreaterThan(0);
  const start = README.indexOf('```sh\n', at) + '```sh\n'.length;
  return README.slice(start, README.indexOf('\n```', start));
}

function run(script: string): { status: number | null; stdout: string; stderr: string } {
  const res = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', script], { cwd: ROOT, encoding: 'utf8', timeout: 240_000, env: { ...process.env, MISHEN_USER_DATA: '' } });
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe('README sessions', () => {
  it('the whole review on one desktop ends 已办结 and verifies', () => {
    const r = run(block('A whole review, pasted into bash'));
    expect(r.stderr).not.toMatch(/错误：/);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('已办结');
    expect(r.stdout).toContain('哈希链校验通过');
  }, 240_000);

  it('the department set-up: two desktops on one PostgreSQL server sign one record, and both verify', () => {
    const r = run(block('A department set-up, pasted into bash'));
    expect(r.stderr).not.toMatch(/错误：/);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('现为：已办结');
    expect(r.stdout.match(/哈希链校验通过/g)).toHaveLength(2);
  }, 240_000);
});
