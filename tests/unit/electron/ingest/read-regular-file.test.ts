import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRegularFile } from '../../../../electron/ingest/read-regular-file';

const dir = mkdtempSync(join(tmpdir(), 'mishen-regular-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readRegularFile', () => {
  it('reads a regular file whole', async () => {
    writeFileSync(join(dir, 'a.txt'), '正文');
    const read = await readRegularFile(join(dir, 'a.txt'), 100);
    expect(read.ok && Buffer.from(read.bytes).toString('utf8')).toBe('正文');
  });

  it.skipIf(process.platform === 'win32')('refuses a FIFO without opening it for a blocking read', async () => {
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    expect(await readRegularFile(join(dir, 'pipe.txt'), 100)).toEqual({
      ok: false,
      error: { code: 'unreadable', message: '无法读取「pipe.txt」：这是一个命名管道（FIFO），不是普通文件，不予读取。' },
    });
  });

  it.skipIf(process.platform === 'win32')('refuses a device behind a symlink named .pdf, reading nothing', async () => {
    symlinkSync('/dev/zero', join(dir, 'zero.pdf'));
    expect(await readRegularFile(join(dir, 'zero.pdf'), 100)).toEqual({
      ok: false,
      error: { code: 'unreadable', message: '无法读取「zero.pdf」：这是一个设备文件（如 /dev/zero），不是普通文件，不予读取。' },
    });
  });

  it('refuses a file over the budget by its size, and names a missing file and a symlink loop', async () => {
    writeFileSync(join(dir, 'big.txt'), 'x'.repeat(101));
    const big = await readRegularFile(join(dir, 'big.txt'), 100);
    expect(!big.ok && big.error.code).toBe('too-large');
    expect(await readRegularFile(join(dir, 'none.txt'), 100)).toEqual({ ok: false, error: { code: 'unreadable', message: '无法读取「none.txt」：文件不存在。' } });
    symlinkSync('loop2.txt', join(dir, 'loop1.txt'));
    symlinkSync('loop1.txt', join(dir, 'loop2.txt'));
    expect(await readRegularFile(join(dir, 'loop1.txt'), 100)).toEqual({
      ok: false,
      error: { code: 'unreadable', message: '无法读取「loop1.txt」：符号链接形成了循环，找不到实际的文件。' },
    });
  });
});
