// Reads a file the user named, but only a regular file, and never more than a budget. A FIFO named
// .txt would block the read forever, a symlink to /dev/zero named .pdf would fill the memory, and a
// device may act when opened; so the kind is checked before opening and again on the open handle
// (the path may be swapped in between), and the size is checked on the bytes actually read, not
// on what stat said (a file can grow, and /proc or device files report size 0).
import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { ReadError } from '../../shared/document-model';
import { baseName } from './file-name';

export type FileBytes = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly error: ReadError };

/** The largest file Mishen reads (the readers, the window's uploads): 100 MiB. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

const CHUNK = 1024 * 1024;
/** Opening a FIFO without a writer blocks unless non-blocking; on a regular file the flag does nothing. */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

export async function readRegularFile(path: string, maxBytes: number): Promise<FileBytes> {
  const name = baseName(path);
  const refuse = (error: ReadError): FileBytes => ({ ok: false, error });
  try {
    const before = notRegular(await stat(path), name);
    if (before) return refuse(before);
  } catch (error) {
    return refuse(accessError(name, error));
  }
  let handle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    return refuse(accessError(name, error));
  }
  try {
    const info = await handle.stat();
    const kind = notRegular(info, name);
    if (kind) return refuse(kind);
    if (info.size > maxBytes) return refuse(tooLarge(name, info.size, maxBytes));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
      total += bytesRead;
      // One byte over the budget is enough to know: never read the rest.
      if (total > maxBytes) return refuse(tooLarge(name, total, maxBytes, true));
    }
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (error) {
    return refuse(accessError(name, error));
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** Why a path is not a regular file, or undefined when it is one. */
function notRegular(info: Stats, name: string): ReadError | undefined {
  if (info.isFile()) return undefined;
  const what = info.isDirectory()
    ? '这是一个文件夹，不是文件'
    : info.isFIFO()
      ? '这是一个命名管道（FIFO），不是普通文件，不予读取'
      : info.isCharacterDevice() || info.isBlockDevice()
        ? '这是一个设备文件（如 /dev/zero），不是普通文件，不予读取'
        : info.isSocket()
          ? '这是一个套接字，不是普通文件，不予读取'
          : '这不是普通文件，不予读取';
  return { code: 'unreadable', message: `无法读取「${name}」：${what}。` };
}

export function tooLarge(name: string, size: number, max: number, atLeast = false): ReadError {
  const amount = `${atLeast ? '超过 ' : ''}${mebibytes(size)} MB`;
  return { code: 'too-large', message: `无法读取「${name}」：文件大小 ${amount}，超过 ${mebibytes(max)} MB 的上限。` };
}

function mebibytes(n: number): string {
  return (n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 1);
}

function accessError(name: string, error: unknown): ReadError {
  return { code: 'unreadable', message: `无法读取「${name}」：${accessProblem(error)}。` };
}

/** A failed stat, open, read or listing, in words: the system's own text is English and stays out. */
export function accessProblem(error: unknown): string {
  const code = (error as { code?: string } | null)?.code ?? '';
  const why: Record<string, string> = {
    ENOENT: '文件不存在',
    ENOTDIR: '路径中的某一级不是文件夹',
    EACCES: '没有读取该文件的权限',
    EPERM: '没有读取该文件的权限',
    EISDIR: '这是一个文件夹，不是文件',
    ELOOP: '符号链接形成了循环，找不到实际的文件',
    ENXIO: '这不是普通文件（如套接字或未连接的设备），不予读取',
    ENAMETOOLONG: '文件路径过长',
    EIO: '读取时发生磁盘错误',
    EMFILE: '同时打开的文件过多，请稍后重试',
  };
  return why[code] ?? `无法访问（系统错误 ${code || '未知'}）`;
}
