// Runs the built `mishen` in a test's folder, as a user whose password is the test's one, and sets a
// database up with its administrator and people: what the CLI round-trip tests share.
import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const bin = join(projectRoot, 'bin/mishen.js');

/** Bundles the CLI the tests run (scripts/build.mjs). */
export function buildCli(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: projectRoot, stdio: 'pipe' });
}

/** `folder`: the test's folder, asked for when a command runs (it is made in beforeAll). */
export function mishenIn(folder: () => string, password: string) {
  const at = (name: string) => join(folder(), name);
  /** Runs mishen as `user` (MISHEN_USER / MISHEN_PASSWORD) against database `db` in the folder. */
  const mishen = (db: string, user: string | undefined, ...args: string[]) => {
    const env = { ...process.env, MISHEN_PASSWORD: password, NEW_PASSWORD: password, MISHEN_USER: user ?? '' };
    const r = spawnSync(process.execPath, [bin, '--db', at(db), ...args], { cwd: folder(), encoding: 'utf8', timeout: 60_000, env });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  /** A new database with its administrator `admin` and these people ([username, role, division]), all with the password. */
  const setUp = (db: string, people: readonly (readonly [string, string, string])[]) => {
    expect(mishen(db, undefined, 'init', '--admin', 'admin', '--name', '管理员').status).toBe(0);
    for (const [username, role, division] of people) {
      const r = mishen(db, 'admin', 'users', 'add', '--username', username, '--name', username, '--role', role, '--division', division, '--new-password-env', 'NEW_PASSWORD');
      expect(r.status, r.stderr).toBe(0);
    }
  };
  return { at, mishen, setUp };
}
