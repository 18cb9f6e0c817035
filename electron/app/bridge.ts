// What the preload puts on window.mishen: one function per channel of the contract, each a call
// through `invoke`. Never ipcRenderer itself: the page can make exactly the contract's calls and no
// others. Plain code so the table is tested without Electron; preload.ts passes ipcRenderer.invoke.
import { CHANNELS, type Channel, type MishenBridge } from '../../shared/api-contract';
import type { IpcAnswer } from './ipc-guard';

/** Unwraps ipc.ts's envelope: the value, or a rejection with the service's message (and code). */
function unwrap(answer: IpcAnswer): unknown {
  if (answer.ok) return answer.value;
  // contextBridge copies an Error's message to the page; the code survives where the page runs unbridged.
  throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
}

export function createBridge(invoke: (channel: Channel, ...args: unknown[]) => Promise<IpcAnswer>): MishenBridge {
  const bridge: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const channel of CHANNELS) bridge[channel] = async (...args: unknown[]) => unwrap(await invoke(channel, ...args));
  return Object.freeze(bridge) as unknown as MishenBridge;
}
