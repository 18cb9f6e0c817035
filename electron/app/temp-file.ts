// The readers take a path; bytes from the window go through a private temp folder that is always
// removed again, so nothing the user only looked at stays on disk.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A file name reduced to its last component, without control or reserved characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f<>:"|?*]/g, '_').replace(/^\.+$/, '').trim();
  return cleaned.slice(0, 200) || '未命名文件';
}

/** Runs `body` with `bytes` written to a fresh private temp folder, which is removed afterwards. */
export async function withTempFile<T>(fileName: string, bytes: Uint8Array, body: (path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'mishen-file-'));
  try {
    const path = join(dir, safeFileName(fileName));
    await writeFile(path, bytes, { mode: 0o600 });
    return await body(path);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
