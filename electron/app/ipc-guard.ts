// The one gate every call from the window passes in the main process (as GitHub Desktop's
// isTrustedIPCSender): the sender must be a frame showing the app's own page, and the channel must
// be one of the contract's. Arguments are checked after this, in the service (api-schemas.ts).
// Pure, so ipc.ts stays a loop over CHANNELS and this is tested without Electron.
import { CHANNELS, type Channel } from '../../shared/api-contract';
import { APP_HOST, APP_SCHEME } from './network-policy';
import { toWireError, type WireError } from './service-protocol';

const KNOWN: ReadonlySet<string> = new Set(CHANNELS);

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && KNOWN.has(name);
}

/** Only a frame that shows app://mishen/… may call: not file://, not a web page, not a frame without a URL. */
export function isTrustedSender(frameUrl: string | null | undefined): boolean {
  if (!frameUrl) return false;
  try {
    const url = new URL(frameUrl);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Forwards one call to the service (the worker), after the sender and the channel are checked. */
export type Forward = (channel: Channel, args: unknown[]) => Promise<unknown>;

export async function dispatchGuarded(frameUrl: string | null | undefined, channel: unknown, args: unknown[], forward: Forward): Promise<unknown> {
  if (!isTrustedSender(frameUrl)) throw new Error('拒绝来自不受信任页面的调用。');
  if (!isChannel(channel)) throw new Error(`未知的调用「${String(channel)}」。`);
  return forward(channel, args);
}

/**
 * What crosses IPC: the answer, or the refusal as data. A rejected ipcMain.handle reaches the page as
 * "Error invoking remote method '…': Error: …" without its code; the preload (bridge.ts) turns this
 * envelope back into a rejection carrying the service's own Chinese message.
 */
export type IpcAnswer = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: WireError };

export type IpcListener = (frameUrl: string | null | undefined, args: unknown[]) => Promise<IpcAnswer>;

/** What ipc.ts registers: one listener per channel of the contract, each behind the guard. */
export function ipcListeners(forward: Forward): [Channel, IpcListener][] {
  return CHANNELS.map((channel) => [
    channel,
    (frameUrl, args) =>
      dispatchGuarded(frameUrl, channel, args, forward).then(
        (value): IpcAnswer => ({ ok: true, value }),
        (error): IpcAnswer => ({ ok: false, error: toWireError(error) }),
      ),
  ]);
}
