// The handler table the Electron glue is built from: every channel of the contract has a handler, a
// schema, an IPC listener and a bridge function, and nothing else does; the guard refuses untrusted
// senders and unknown channels. (main.ts, preload.ts and ipc.ts are loops over these tables.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/api-contract';
import { createApiHandlers } from '../../../electron/app/api-handlers';
import { API_SCHEMAS } from '../../../electron/app/api-schemas';
import { createBridge } from '../../../electron/app/bridge';
import { dispatchGuarded, ipcListeners, isChannel, isTrustedSender } from '../../../electron/app/ipc-guard';
import { openServices } from '../../../electron/services/open-services';

const sorted = (xs: Iterable<string>) => [...xs].sort();
const dir = mkdtempSync(join(tmpdir(), 'mishen-ipc-'));
const services = openServices({ database: join(dir, 'x.db') });
afterAll(() => {
  services.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the channel table', () => {
  it('has no duplicate channels', () => {
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length);
  });

  it('has a handler for every channel and no handler without a channel', () => {
    const api = createApiHandlers({ services });
    expect(sorted(Object.keys(api))).toEqual(sorted(CHANNELS));
    for (const c of CHANNELS) expect(typeof api[c]).toBe('function');
  });

  it('has a schema for every channel and no schema without a channel', () => {
    expect(sorted(Object.keys(API_SCHEMAS))).toEqual(sorted(CHANNELS));
  });

  it('registers one IPC listener per channel', () => {
    expect(ipcListeners(async () => null).map(([c]) => c)).toEqual([...CHANNELS]);
  });

  it('gives the preload bridge one function per channel, each invoking its own channel', async () => {
    const calls: unknown[][] = [];
    const bridge = createBridge(async (channel, ...args) => {
      calls.push([channel, ...args]);
      return { ok: true, value: 'ok' };
    });
    expect(sorted(Object.keys(bridge))).toEqual(sorted(CHANNELS));
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(await bridge['documents/get']('doc-1')).toBe('ok');
    await bridge['session/login']('u', 'p');
    expect(calls).toEqual([
      ['documents/get', 'doc-1'],
      ['session/login', 'u', 'p'],
    ]);
    expect(bridge).not.toHaveProperty('invoke');
    expect(bridge).not.toHaveProperty('send');
  });

  it('turns a refusal from the main process back into a rejection with the service’s message', async () => {
    const bridge = createBridge(async () => ({ ok: false, error: { message: '找不到该文稿。', code: 'not-found' } }));
    await expect(bridge['documents/get']('x')).rejects.toMatchObject({ message: '找不到该文稿。', code: 'not-found' });
  });
});

describe('the guard', () => {
  it.each(['app://mishen/index.html', 'app://mishen/', 'app://mishen/index.html#/documents'])('trusts the app page %s', (url) => {
    expect(isTrustedSender(url)).toBe(true);
  });

  it.each([
    ['file://', 'file:///home/u/evil.html'],
    ['https', 'https://evil.example/'],
    ['http localhost', 'http://localhost:5173/'],
    ['another app host', 'app://other/index.html'],
    ['a lookalike host', 'app://mishen.evil/index.html'],
    ['data:', 'data:text/html,<script>1</script>'],
    ['about:blank', 'about:blank'],
    ['empty', ''],
    ['null', null],
    ['undefined', undefined],
    ['garbage', 'not a url'],
  ])('refuses %s', async (_label, url) => {
    expect(isTrustedSender(url)).toBe(false);
    let forwarded = false;
    await expect(
      dispatchGuarded(url, 'session/current', [], async () => {
        forwarded = true;
      }),
    ).rejects.toThrow('不受信任');
    expect(forwarded).toBe(false);
  });

  it('refuses unknown channels from a trusted page', async () => {
    for (const channel of ['shell/open', 'session/login ', '__proto__', 'constructor', 42, undefined]) {
      expect(isChannel(channel)).toBe(false);
      await expect(dispatchGuarded('app://mishen/index.html', channel, [], async () => 'no')).rejects.toThrow('未知的调用');
    }
  });

  it('forwards a known channel from the app page with its arguments', async () => {
    const seen: unknown[] = [];
    const [, listener] = ipcListeners(async (channel, args) => {
      seen.push(channel, args);
      return 'answer';
    }).find(([c]) => c === 'documents/get')!;
    expect(await listener('app://mishen/index.html', ['doc-1'])).toEqual({ ok: true, value: 'answer' });
    expect(seen).toEqual(['documents/get', ['doc-1']]);
    expect(await listener('https://evil.example/', ['doc-1'])).toMatchObject({ ok: false, error: { message: expect.stringContaining('不受信任') } });
    expect(seen).toHaveLength(2);
  });

  it('answers the service’s refusal as data, keeping its message and code', async () => {
    const [, listener] = ipcListeners(async () => {
      throw Object.assign(new Error('请先登录。'), { code: 'not-signed-in' });
    })[0]!;
    expect(await listener('app://mishen/index.html', [])).toEqual({ ok: false, error: { message: '请先登录。', code: 'not-signed-in' } });
  });
});
