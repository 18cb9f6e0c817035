// The client's bookkeeping against a fake worker: ids, errors with codes, PDF requests, and what
// happens to pending calls when the worker dies.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createServiceClient, type WorkerLike } from '../../../../electron/app/service-client';
import type { FromWorker, ToWorker } from '../../../../electron/app/service-protocol';

class FakeWorker extends EventEmitter implements WorkerLike {
  sent: ToWorker[] = [];
  terminated = false;
  postMessage(message: ToWorker): void {
    this.sent.push(message);
  }
  reply(message: FromWorker): void {
    this.emit('message', message);
  }
  async terminate(): Promise<number> {
    this.terminated = true;
    this.emit('exit', 1);
    return 1;
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('service client', () => {
  it('matches answers to calls by id, whatever the order', async () => {
    const w = new FakeWorker();
    const c = createServiceClient(w);
    const a = c.call('session/current', []);
    const b = c.call('documents/get', ['d1']);
    const [ca, cb] = w.sent as Extract<ToWorker, { type: 'call' }>[];
    expect(cb).toMatchObject({ type: 'call', channel: 'documents/get', args: ['d1'] });
    w.reply({ type: 'result', id: cb!.id, ok: false, error: { message: '找不到该文稿。', code: 'not-found' } });
    w.reply({ type: 'result', id: ca!.id, ok: true, value: null });
    await expect(b).rejects.toMatchObject({ message: '找不到该文稿。', code: 'not-found' });
    expect(await a).toBeNull();
  });

  it('reports ready, or why it could not start', async () => {
    const ok = new FakeWorker();
    const c1 = createServiceClient(ok);
    ok.reply({ type: 'ready', warmMs: 900 });
    await expect(c1.ready).resolves.toBeUndefined();

    const bad = new FakeWorker();
    const c2 = createServiceClient(bad);
    bad.reply({ type: 'fatal', error: { message: 'database is locked', code: 'error' } });
    await expect(c2.ready).rejects.toThrow('审查服务无法启动：database is locked');
    await expect(c2.call('session/current', [])).rejects.toThrow('无法启动');
  });

  it('rejects pending and later calls when the worker dies', async () => {
    const w = new FakeWorker();
    const c = createServiceClient(w);
    const pending = c.call('documents/list', [{}]);
    w.emit('error', new Error('out of memory'));
    await expect(pending).rejects.toMatchObject({ code: 'service-stopped', message: expect.stringContaining('out of memory') });
    w.emit('exit', 1);
    await expect(c.call('session/current', [])).rejects.toMatchObject({ code: 'service-stopped' });
    expect(w.sent).toHaveLength(1);
  });

  it('prints for the worker and answers with the path or the reason', async () => {
    const w = new FakeWorker();
    createServiceClient(w, { savePdf: async (html, name) => (html === 'cancel' ? null : `/docs/${name}`) });
    w.reply({ type: 'save-pdf', id: 7, html: '<p>x</p>', suggestedName: '审查单.pdf' });
    w.reply({ type: 'save-pdf', id: 8, html: 'cancel', suggestedName: 'x.pdf' });
    await tick();
    expect(w.sent).toEqual([
      { type: 'save-pdf-result', id: 7, ok: true, value: '/docs/审查单.pdf' },
      { type: 'save-pdf-result', id: 8, ok: true, value: null },
    ]);

    const without = new FakeWorker();
    createServiceClient(without);
    without.reply({ type: 'save-pdf', id: 1, html: '', suggestedName: 'x.pdf' });
    await tick();
    expect(without.sent[0]).toMatchObject({ ok: false, error: { message: '此环境不能生成 PDF。' } });
  });

  it('asks the worker to close, and ends it if it does not', async () => {
    const polite = new FakeWorker();
    polite.postMessage = function (m) {
      this.sent.push(m);
      if (m.type === 'close') setTimeout(() => this.emit('exit', 0), 1);
    };
    await createServiceClient(polite).close();
    expect(polite.terminated).toBe(false);

    const stuck = new FakeWorker();
    await createServiceClient(stuck, { closeTimeoutMs: 10 }).close();
    expect(stuck.sent).toEqual([{ type: 'close' }]);
    expect(stuck.terminated).toBe(true);
  });
});
