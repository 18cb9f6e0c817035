// The worker's side of the service protocol: answers 'call' messages with the API handlers and
// forwards the handlers' PDF requests to the main process. Takes a port, so it is tested over a
// MessageChannel in one thread and runs over parentPort in the worker.
import type { MishenApi } from '../../shared/api-contract';
import { isChannel } from './ipc-guard';
import { fromWireError, toWireError, type FromWorker, type ToWorker } from './service-protocol';

export interface PortLike {
  postMessage(message: FromWorker): void;
  on(event: 'message', listener: (message: ToWorker) => void): unknown;
}

/** A savePdf for the handlers that asks the main process over `port`. */
export function remoteSavePdf(port: PortLike): { savePdf: (html: string, suggestedName: string) => Promise<string | null>; settle: (m: ToWorker) => boolean } {
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: string | null) => void; reject: (e: Error) => void }>();
  return {
    savePdf: (html, suggestedName) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        port.postMessage({ type: 'save-pdf', id, html, suggestedName });
      }),
    settle: (m) => {
      if (m.type !== 'save-pdf-result') return false;
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (p) m.ok ? p.resolve(m.value) : p.reject(fromWireError(m.error));
      return true;
    },
  };
}

/** Serves `api` on `port`. `settle` routes the main process's PDF answers back (see remoteSavePdf). */
export function serveApi(port: PortLike, api: MishenApi, settle: (m: ToWorker) => boolean = () => false): void {
  port.on('message', (m) => {
    if (settle(m) || m.type !== 'call') return;
    const reply = (message: FromWorker) => port.postMessage(message);
    if (!isChannel(m.channel) || !Array.isArray(m.args)) {
      reply({ type: 'result', id: m.id, ok: false, error: { message: `未知的调用「${String(m.channel)}」。`, code: 'invalid-arguments' } });
      return;
    }
    const call = api[m.channel] as (...args: unknown[]) => Promise<unknown>;
    call(...m.args).then(
      (value) => reply({ type: 'result', id: m.id, ok: true, value }),
      (error) => reply({ type: 'result', id: m.id, ok: false, error: toWireError(error) }),
    );
  });
}
