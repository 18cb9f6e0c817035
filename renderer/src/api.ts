// Typed access to the one contract with the main process (shared/api-contract.ts). The window never
// talks to anything else: window.mishen is what the preload (or the end-to-end test) installs.
import type { Channel, MishenApi, MishenBridge } from '../../shared/api-contract';

declare global {
  interface Window {
    mishen?: MishenBridge;
  }
}

/** Calls one channel; rejects with an Error whose message is the service's Chinese sentence. */
export async function call<C extends Channel>(channel: C, ...args: Parameters<MishenApi[C]>): Promise<Awaited<ReturnType<MishenApi[C]>>> {
  const bridge = window.mishen;
  if (!bridge) throw new Error('程序与后台服务的连接不可用，请关闭后重新打开密审。');
  const fn = bridge[channel] as (...a: Parameters<MishenApi[C]>) => ReturnType<MishenApi[C]>;
  try {
    return await fn(...args);
  } catch (error) {
    throw new Error(errorMessage(error));
  }
}

/**
 * Electron wraps a rejected handler as "Error invoking remote method 'x': ServiceError: …"; the
 * user only needs the sentence the service wrote.
 */
export function errorMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error ?? '');
  const stripped = raw.replace(/^Error invoking remote method '[^']*':\s*/, '').replace(/^(?:[A-Za-z]*Error):\s*/, '');
  return stripped.trim() || '操作失败，原因未知。请重试，若仍失败请联系系统管理员。';
}
