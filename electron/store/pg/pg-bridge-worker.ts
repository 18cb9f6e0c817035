// The worker thread that talks to PostgreSQL for pg-database.ts. The records code is synchronous
// (it was written over better-sqlite3); node-postgres is asynchronous. synckit runs each request
// here and blocks the caller until it is answered, so the same code runs over both engines.
//
// One client holds the connection's session (its transaction); cursors for streamed reads each
// take a client of their own from a small pool, since a client runs one query at a time and a
// streamed read may run while others are asked (the audit check reads rows and looks up more).
import pg from 'pg';
import Cursor from 'pg-cursor';
import { runAsWorker } from 'synckit';

// COUNT(*) and BIGINT come back as text by default: the records count in numbers well below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export type BridgeRequest =
  | { readonly op: 'connect'; readonly config: pg.ClientConfig }
  | { readonly op: 'query'; readonly text: string; readonly values: readonly unknown[] }
  | { readonly op: 'exec'; readonly text: string }
  | { readonly op: 'open-cursor'; readonly text: string; readonly values: readonly unknown[] }
  | { readonly op: 'read-cursor'; readonly id: number; readonly rows: number }
  | { readonly op: 'close-cursor'; readonly id: number }
  | { readonly op: 'close' };

export type BridgeResponse =
  | { readonly ok: true; readonly rows?: unknown[]; readonly rowCount?: number; readonly id?: number }
  | { readonly ok: false; readonly code?: string; readonly message: string };

let config: pg.ClientConfig | undefined;
let session: pg.Client | undefined;
let readers: pg.Pool | undefined;
const cursors = new Map<number, { cursor: Cursor; client: pg.PoolClient }>();
let nextCursor = 1;

async function handle(req: BridgeRequest): Promise<BridgeResponse> {
  switch (req.op) {
    case 'connect': {
      config = req.config;
      session = new pg.Client(config);
      // A connection lost mid-action ends the worker's part: the server rolls back what was open.
      session.on('error', () => undefined);
      await session.connect();
      readers = new pg.Pool({ ...config, max: 4 });
      readers.on('error', () => undefined);
      return { ok: true };
    }
    case 'query': {
      const r = await session!.query({ text: req.text, values: req.values as unknown[] });
      return { ok: true, rows: r.rows, rowCount: r.rowCount ?? 0 };
    }
    case 'exec':
      await session!.query(req.text);
      return { ok: true };
    case 'open-cursor': {
      const client = await readers!.connect();
      const cursor = client.query(new Cursor(req.text, req.values as unknown[]));
      const id = nextCursor++;
      cursors.set(id, { cursor, client });
      return { ok: true, id };
    }
    case 'read-cursor': {
      const open = cursors.get(req.id)!;
      return { ok: true, rows: await open.cursor.read(req.rows) };
    }
    case 'close-cursor': {
      const open = cursors.get(req.id);
      cursors.delete(req.id);
      if (open) {
        await open.cursor.close().catch(() => undefined);
        open.client.release();
      }
      return { ok: true };
    }
    case 'close':
      for (const id of [...cursors.keys()]) await handle({ op: 'close-cursor', id });
      await session?.end().catch(() => undefined);
      await readers?.end().catch(() => undefined);
      session = undefined;
      readers = undefined;
      return { ok: true };
  }
}

runAsWorker(async (req: BridgeRequest): Promise<BridgeResponse> => {
  try {
    return await handle(req);
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return { ok: false, code: e.code, message: e.message ?? String(error) };
  }
});
