// Installs on the page the same contract the preload installs (one function per channel on
// window.mishen), wired through a Playwright binding to the REAL handlers in this process: real
// engine, real database; only the transport differs. Bindings carry JSON, so bytes travel as
// base64 both ways (file uploads; exports and packages in answers), as Electron's IPC carries
// them by structured clone; a refusal keeps its message and its code, as the preload's bridge does.
import type { BrowserContext, Page } from 'playwright-core';
import { CHANNELS, type Channel, type MishenApi } from '../../../shared/api-contract';

/** One call as the page saw it: when it was made, when the answer arrived, when it was decoded (page ms). */
export interface PageCallTiming {
  readonly channel: string;
  readonly started: number;
  readonly arrived: number;
  readonly decoded: number;
  /** The answer's JSON length. */
  readonly chars: number;
}

/**
 * An answer: a file's bytes alone as one base64 string (documents/content), anything else as JSON, with
 * `bytes` set when some value in it is bytes (an export, a package), so that only then is it revived.
 */
type BindingAnswer = { ok: true; json?: string; base64?: string; bytes?: boolean } | { ok: false; message: string; code?: string };

/** Runs in the page before any of its scripts. Must be self-contained (it is serialised). */
function pageBridge(channels: readonly string[]): void {
  const toBase64 = (bytes: Uint8Array): string => {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  };
  // A loop, not Uint8Array.from(…, fn): a 100-page PDF's bytes decode in milliseconds, not seconds.
  const native = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array }).fromBase64;
  const fromBase64 = (text: string): Uint8Array => {
    if (native) return native(text);
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  };
  const encode = (args: unknown[]) => JSON.stringify(args, (_k, v) => (v instanceof Uint8Array ? { __bytes: toBase64(v) } : v));
  const revive = (_k: string, v: { __bytes?: unknown } | null) => (v && typeof v === 'object' && typeof v.__bytes === 'string' ? fromBase64(v.__bytes) : v);
  const decode = (answer: { json?: string; base64?: string; bytes?: boolean }) =>
    answer.base64 !== undefined ? fromBase64(answer.base64) : answer.json === undefined ? undefined : JSON.parse(answer.json, answer.bytes ? revive : undefined);
  // globalThis is the page's window here; typed by hand since this file is compiled for Node.
  const page = globalThis as unknown as { __mishen: (channel: string, argsJson: string) => Promise<BindingAnswer> };
  const call = page.__mishen;
  // Each call's round trip as the page sees it (performance.now()), for the timing tests to split
  // the transport from the service (whose time the test process logs) and from the window's work.
  const timings: PageCallTiming[] = [];
  Object.defineProperty(page, '__mishenCalls', { value: timings });
  const bridge: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const channel of channels) {
    bridge[channel] = async (...args: unknown[]) => {
      const started = performance.now();
      const answer = await call(channel, encode(args));
      const arrived = performance.now();
      if (!answer.ok) throw Object.assign(new Error(answer.message), { code: answer.code });
      const value = decode(answer);
      timings.push({ channel, started, arrived, decoded: performance.now(), chars: (answer.json ?? answer.base64)?.length ?? 0 });
      return value;
    };
  }
  Object.defineProperty(page, 'mishen', { value: Object.freeze(bridge), configurable: false, writable: false });
}

const decodeArgs = (json: string): unknown[] => JSON.parse(json, (_k, v) => (v && typeof v === 'object' && typeof v.__bytes === 'string' ? new Uint8Array(Buffer.from(v.__bytes, 'base64')) : v));
function encodeAnswer(value: unknown): { json?: string; base64?: string; bytes?: boolean } {
  if (value === undefined) return {};
  if (value instanceof Uint8Array) return { base64: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  let bytes = false;
  const json = JSON.stringify(value, (_k, v) => (v instanceof Uint8Array ? ((bytes = true), { __bytes: Buffer.from(v).toString('base64') }) : v));
  return bytes ? { json, bytes } : { json };
}

export interface BridgeLog {
  /** Each call with how long the service took to answer it (ms) and then to encode its answer (encodeMs). */
  readonly calls: { channel: Channel; ok: boolean; message?: string; ms: number; encodeMs?: number }[];
}

export async function installBridge(target: Page | BrowserContext, api: MishenApi): Promise<BridgeLog> {
  const log: BridgeLog = { calls: [] };
  await target.exposeBinding('__mishen', async (_source, channel: Channel, argsJson: string): Promise<BindingAnswer> => {
    if (!CHANNELS.includes(channel)) return { ok: false, message: `未知的调用「${channel}」。` };
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    try {
      const fn = api[channel] as (...args: unknown[]) => Promise<unknown>;
      const value = await fn(...decodeArgs(argsJson));
      const answered = ms();
      const answer = encodeAnswer(value);
      log.calls.push({ channel, ok: true, ms: answered, encodeMs: ms() - answered });
      return { ok: true, ...answer };
    } catch (error) {
      const e = error as Error & { code?: string };
      log.calls.push({ channel, ok: false, message: e.message, ms: ms() });
      return { ok: false, message: e.message, code: e.code };
    }
  });
  await target.addInitScript(pageBridge, [...CHANNELS]);
  return log;
}
