// The end-to-end session for dictionary custody. Like harness.ts, but (1) scans follow the
// database's ACTIVE dictionary version, as in the app's service worker, so a version the security
// officer saves is what the next scan uses and records; (2) a security officer is among the users;
// (3) the bridge also carries bytes in ANSWERS (exports, packages), as Electron's IPC does.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, openAppPage } from './app-page';
import { CHANNELS, type Channel, type MishenApi } from '../../../shared/api-contract';
import { createApiHandlers } from '../../../electron/app/api-handlers';
import { activeDictionaryScanKits, type ScanKitSource } from '../../../electron/services/active-scan-kits';
import { DictionaryService } from '../../../electron/services/dictionary-service';
import { RecordsService } from '../../../electron/services/records-service';
import { ensureRendererBuilt } from './build-renderer';
import { SCREENSHOTS, USERS } from './harness';
import { serveRenderer } from './serve-renderer';

export const OFFICER = { username: 'baomi', password: 'baomi-2024-ok', displayName: '钱七', division: '保密办' } as const;
export { USERS };

export interface DictionaryHarness {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly service: RecordsService;
  readonly dictionary: DictionaryService;
  readonly pageErrors: string[];
  readonly refusedRequests: string[];
  readonly dir: string;
  close(): Promise<void>;
}

type Answer = { ok: true; value: unknown } | { ok: false; message: string; code?: string };

/** Runs in the page: window.mishen, one function per channel; bytes travel as base64 both ways. */
function pageBridge(channels: readonly string[]): void {
  const toBase64 = (bytes: Uint8Array): string => {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  };
  const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  const encode = (args: unknown[]) => JSON.stringify(args, (_k, v) => (v instanceof Uint8Array ? { __bytes: toBase64(v) } : v));
  const decode = (json: string | undefined) => (json === undefined ? undefined : JSON.parse(json, (_k, v) => (v && typeof v === 'object' && typeof v.__bytes === 'string' ? fromBase64(v.__bytes) : v)));
  const g = globalThis as unknown as { __mishenDict: (c: string, a: string) => Promise<{ ok: boolean; json?: string; message?: string; code?: string }> };
  const bridge: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const channel of channels) {
    bridge[channel] = async (...args: unknown[]) => {
      const answer = await g.__mishenDict(channel, encode(args));
      if (!answer.ok) throw Object.assign(new Error(answer.message), { code: answer.code });
      return decode(answer.json);
    };
  }
  Object.defineProperty(globalThis, 'mishen', { value: Object.freeze(bridge), configurable: false, writable: false });
}

const decodeArgs = (json: string): unknown[] => JSON.parse(json, (_k, v) => (v && typeof v === 'object' && typeof v.__bytes === 'string' ? new Uint8Array(Buffer.from(v.__bytes, 'base64')) : v));

async function installBytesBridge(context: BrowserContext, api: MishenApi): Promise<void> {
  await context.exposeBinding('__mishenDict', async (_source, channel: Channel, argsJson: string) => {
    if (!CHANNELS.includes(channel)) return { ok: false, message: `未知的调用「${channel}」。` } satisfies Answer;
    try {
      const value = await (api[channel] as (...a: unknown[]) => Promise<unknown>)(...decodeArgs(argsJson));
      const json = value === undefined ? undefined : JSON.stringify(value, (_k, v) => (v instanceof Uint8Array ? { __bytes: Buffer.from(v).toString('base64') } : v));
      return { ok: true, json };
    } catch (error) {
      const e = error as Error & { code?: string };
      return { ok: false, message: e.message, code: e.code };
    }
  });
  await context.addInitScript(pageBridge, [...CHANNELS]);
}

export async function startDictionaryHarness(): Promise<DictionaryHarness> {
  ensureRendererBuilt();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'mishen-e2e-dict-'));
  let reviewers: ScanKitSource | undefined;
  const service = RecordsService.open(join(dir, 'e2e.db'), (db) => (reviewers = activeDictionaryScanKits(db)));
  const dictionary = new DictionaryService(service.db);
  const admin = service.bootstrapAdmin('admin', '系统管理员', 'admin-2024-pass');
  service.createUser(admin, { ...USERS.drafter, role: 'drafter' });
  service.createUser(admin, { ...OFFICER, role: 'security-officer' });

  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  const { refused } = await serveRenderer(context);
  const api = createApiHandlers({ service, dictionary, dictionaryEntries: () => [...reviewers!.current().reviewer.dictionary.set.entries] });
  await installBytesBridge(context, api);
  const { page, pageErrors } = await openAppPage(context, 20_000);
  return {
    browser,
    context,
    page,
    service,
    dictionary,
    pageErrors,
    refusedRequests: refused,
    dir,
    async close() {
      await browser.close().catch(() => undefined);
      service.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
