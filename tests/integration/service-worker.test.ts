// The app's service thread for real: the worker entry bundled as scripts/build.mjs bundles it, started
// with worker_threads as main.ts starts it, called through the service client. Covers the message
// protocol (ids, errors with codes, bytes by structured clone, the PDF round trip to the main side)
// and the client's behaviour when the worker has gone.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../shared/api-contract';
import { startServiceWorker, type ServiceClient } from '../../electron/app/service-client';
import { openServices } from '../../electron/services/open-services';

const root = fileURLToPath(new URL('../..', import.meta.url));
const corpus = join(root, '..', 'shared', 'corpus');
// Inside the project, so the bundle's external packages resolve from node_modules and the starter
// dictionaries are found by walking up, as from dist/.
const outDir = join(root, 'test-output', 'service-worker-build');

let dir: string;
let client: ServiceClient;
const printed: string[] = [];

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: { 'service-worker': join(root, 'electron/app/service-worker.ts') },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  dir = mkdtempSync(join(tmpdir(), 'mishen-worker-'));
  const dbFile = join(dir, 'records.db');
  const setup = openServices({ database: dbFile });
  const admin = setup.records.bootstrapAdmin('admin', '管理员', 'admin-password');
  setup.records.createUser(admin, { username: 'zhangsan', displayName: '张三', role: 'drafter', division: '综合处', password: 'password-1' });
  setup.close();
  client = startServiceWorker(pathToFileURL(join(outDir, 'service-worker.mjs')), { dbFile }, {
    savePdf: async (html, name) => {
      printed.push(html);
      return `/saved/${name}`;
    },
  });
  await client.ready;
});

afterAll(async () => {
  await client?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('service worker', () => {
  it('answers calls in its own thread, with the service’s errors and codes', async () => {
    expect(await client.call('session/current', [])).toBeNull();
    await expect(client.call('documents/list', [{}])).rejects.toMatchObject({ message: '请先登录。', code: 'not-signed-in' });
    await expect(client.call('session/login', ['zhangsan', 'nope'])).rejects.toMatchObject({ code: 'bad-credentials' });
    expect(await client.call('session/login', ['zhangsan', 'password-1'])).toMatchObject({ username: 'zhangsan' });
    await expect(client.call('documents/get', [42])).rejects.toMatchObject({ code: 'invalid-arguments' });
    await expect(client.call('no/such' as never, [])).rejects.toMatchObject({ code: 'invalid-arguments' });
  });

  it('imports bytes sent across the thread and prints the 审查单 through the main side', async () => {
    const bytes = new Uint8Array(readFileSync(join(corpus, '02-classified-marking.docx')));
    const result = (await client.call('documents/import', [{ name: '02-classified-marking.docx', bytes }, { title: '报告' }])) as ImportResult;
    expect(result).toMatchObject({ ok: true, document: { verdict: 'block', title: '报告' } });
    if (!result.ok) return;
    expect(await client.call('review-form/save-pdf', [result.document.id])).toBe('/saved/保密审查单-报告.pdf');
    expect(printed[0]).toContain(result.document.latestVersion.sha256);
  });

  it('runs calls concurrently and settles each with its own answer', async () => {
    const answers = await Promise.all([client.call('session/current', []), client.call('dictionary/entries', []), client.call('documents/list', [{}])]);
    expect(answers[0]).toMatchObject({ username: 'zhangsan' });
    expect((answers[1] as unknown[]).length).toBeGreaterThan(10);
    expect((answers[2] as unknown[]).length).toBe(1);
  });

  it('refuses calls once the worker has stopped', async () => {
    await client.close();
    await expect(client.call('session/current', [])).rejects.toMatchObject({ code: 'service-stopped', message: expect.stringContaining('审查服务已停止') });
  });
});
