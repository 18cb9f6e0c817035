// Installs on the page the same contract the preload installs (one function per channel on
// window.mishen), wired through a Playwright binding to the REAL handlers in this process: real
// engine, real database; only the transport differs. Bindings carry JSON, so bytes travel as
// base64 both ways (file uploads; exports and packages in answers), as Electron's IPC carries
// them by structured clone; a refusal keeps its message and its code, as the preload's bridge does.
import type { BrowserContext, Page } from 'playwright-core';
import { CHANNELS, type Channel, type MishenApi } from '../../../shared/api-contract';

type BindingAnswer = { ok: true; json?: string } | { ok: false; message: string; code?: string };

/** Runs in the page before any of its scripts. Must be self-contained (it is serialised). */
function pageBridge(channels: readonly string[]): void {
  const toBase64 = (bytes: Uint8Array): string => {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  };
  // A loop, not Uint8Array.from(…, fn): a 100-page PDF's bytes decode in milliseconds, not seconds.
  const fromBase64 = (text: string): Uint8Array => {
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  };
  const encode = (args: unknown[]) => JSON.stringify(args, (_k, v) => (v instanceof Uint8Array ? { __bytes: toBase64(v) } : v));
  const decode = (json: string | undefined) => (json === undefined ? undefined : JSON.parse(json, (_k, v) => (v && typeof v === 'object' && typeof v.__bytes === 'string' ? fromBase64(v.__bytes) : v)));
  // globalThis is the page's window here; typed by hand since this file is compiled for Node.
  const page = globalThis as unknown as { __mishen: (channel: string, argsJson: string) => Promise<BindingAnswer> };
  const call = page.__mishen;
  const bridge: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const channel of channels) {
    bridge[channel] = async (...args: unknown[]) => {
      const answer = await call(channel, encode(args));
      if (!answer.ok) throw Object.assign(new Error(answer.message), { code: answer.code });
      return decode(answer.json);
    };
  }
  Object.defineProperty(page, 'mishen', { value: Object.freeze(bridge), configurable: false, writable: false });
}

const decodeArgs = (json: string): unknown[] => JSON.parse(json, (_k, v) => (v && typeof v === 'object' && typeof v.__bytes === 'string' ? new Uint8Array(Buffer.from(v.__bytes, 'base64')) : v));
const encodeAnswer = (value: unknown): string | undefined =>
  value === undefined ? undefined : JSON.stringify(value, (_k, v) => (v instanceof Uint8Array ? { __bytes: Buffer.from(v).toString('base64') } : v));

export interface BridgeLog {
  /** Each call with how long the service took to answer it (ms). */
  readonly calls: { channel: Channel; ok: boolean; message?: string; ms: number }[];
}

export async function installBridge(target: Page | BrowserContext, api: MishenApi): Promise<BridgeLog> {
  const log: BridgeLog = { calls: [] };
  await target.exposeBinding('__mishen', async (_source, channel: Channel, argsJson: string): Promise<BindingAnswer> => {
    if (!CHANNELS.includes(channel)) return { ok: false, message: `未知的调用「${channel}」。` };
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    try {
      const fn = api[channel] as (...args: unknown[]) => Promise<unknown>;
      const json = encodeAnswer(await fn(...decodeArgs(argsJson)));
      log.calls.push({ channel, ok: true, ms: ms() });
      return { ok: true, json };
    } catch (error) {
      const e = error as Error & { code?: string };
      log.calls.push({ channel, ok: false, message: e.message, ms: ms() });
      return { ok: false, message: e.message, code: e.code };
    }
  });
  await target.addInitScript(pageBridge, [...CHANNELS]);
  return log;
}
