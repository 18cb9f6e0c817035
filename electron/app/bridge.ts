// What the preload puts on window.mishen: one function per channel of the contract, each a call
// through `invoke`. Never ipcRenderer itself: the page can make exactly the contract's calls and no
// others. Plain code so the table is tested without Electron; preload.ts passes ipcRenderer.invoke.
import { CHANNELS, type Channel, type MishenBridge } from '../../shared/api-contract';

export function createBridge(invoke: (channel: Channel, ...args: unknown[]) => Promise<unknown>): MishenBridge {
  const bridge: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const channel of CHANNELS) bridge[channel] = (...args: unknown[]) => invoke(channel, ...args);
  return Object.freeze(bridge) as unknown as MishenBridge;
}
