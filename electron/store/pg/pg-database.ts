// A PostgreSQL connection with the synchronous interface the records code uses (the subset of
// better-sqlite3's it calls: prepare → run/get/all/iterate, exec, transaction, inTransaction, close).
// Each call is answered by the bridge worker (pg-bridge-worker.ts) through synckit.
//
// Write transactions are serialised across every desktop by one transaction-level advisory lock,
// taken first thing: the audit log is one hash chain, and its next entry must be appended after
// the last one any desktop committed. Readers are not blocked.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { createSyncFn } from 'synckit';
import { unpackedUrl } from '../../asar/unpacked-path';
import type { BridgeRequest, BridgeResponse } from './pg-bridge-worker';
import { pgValues, toPgSql, type PgStatement } from './pg-sql';

/** The advisory lock key of Mishen's write transactions ('MSHN'). */
export const WRITE_LOCK = 0x4d53484e;
const CURSOR_BATCH = 500;

/** A PostgreSQL error as the server or the connection reported it. */
export class PgError extends Error {
  constructor(
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'PgError';
  }
}

type Call = (req: BridgeRequest) => BridgeResponse;

export interface PgStatementApi {
  run(...args: unknown[]): { changes: number };
  get(...args: unknown[]): unknown;
  all(...args: unknown[]): unknown[];
  iterate(...args: unknown[]): IterableIterator<unknown>;
  /** Rows as their first column's value (better-sqlite3's pluck()). */
  pluck(): PgStatementApi;
}

type Fn = (...args: never[]) => unknown;
export type PgTransaction<F extends Fn> = F & { immediate: F; deferred: F };

export class PgDatabase {
  private readonly call: Call;
  private readonly statements = new Map<string, PgStatement>();
  private depth = 0;
  private savepoints = 0;
  private closed = false;

  /** No file of its own: `name` is where this desktop keeps its anchor of the server's audit chain. */
  readonly memory = false;
  /** Other desktops write to the same records (verify-database.ts). */
  readonly shared = true;

  constructor(
    config: pg.ClientConfig,
    workerUrl: URL,
    readonly name: string,
  ) {
    this.call = createSyncFn(workerUrl) as unknown as Call;
    this.request({ op: 'connect', config });
  }

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  get open(): boolean {
    return !this.closed;
  }

  private request(req: BridgeRequest): Extract<BridgeResponse, { ok: true }> {
    const res = this.call(req);
    if (!res.ok) throw new PgError(res.code, res.message);
    return res.rows ? { ...res, rows: res.rows.map(asBuffers) } : res;
  }

  private statement(sql: string): PgStatement {
    let s = this.statements.get(sql);
    if (!s) this.statements.set(sql, (s = toPgSql(sql)));
    return s;
  }

  prepare(sql: string): PgStatementApi {
    return this.statementApi(this.statement(sql), false);
  }

  private statementApi(statement: PgStatement, pluck: boolean): PgStatementApi {
    const query = (args: unknown[]) => this.request({ op: 'query', text: statement.text, values: pgValues(statement, args) });
    const shape = (row: unknown) => (pluck && row && typeof row === 'object' ? Object.values(row)[0] : row);
    return {
      run: (...args) => ({ changes: query(args).rowCount ?? 0 }),
      get: (...args) => shape(query(args).rows?.[0]),
      all: (...args) => (query(args).rows ?? []).map(shape),
      // Inside a transaction the rows it wrote are seen only by its own connection: read them there.
      iterate: (...args) => (this.depth > 0 ? (query(args).rows ?? []).map(shape)[Symbol.iterator]() : this.iterate(statement, args, shape)),
      pluck: () => this.statementApi(statement, true),
    };
  }

  private *iterate(statement: PgStatement, args: unknown[], shape: (row: unknown) => unknown): IterableIterator<unknown> {
    const { id } = this.request({ op: 'open-cursor', text: statement.text, values: pgValues(statement, args) });
    try {
      for (;;) {
        const rows = this.request({ op: 'read-cursor', id: id!, rows: CURSOR_BATCH }).rows ?? [];
        if (rows.length === 0) return;
        yield* rows.map(shape);
      }
    } finally {
      this.request({ op: 'close-cursor', id: id! });
    }
  }

  exec(sql: string): void {
    this.request({ op: 'exec', text: sql });
  }

  /**
   * Runs `fn` in a transaction (a savepoint when one is already open). A write transaction
   * (`immediate`, as every records write is) first takes the advisory write lock.
   */
  transaction<F extends Fn>(fn: F): PgTransaction<F> {
    const run = (write: boolean) =>
      ((...args: Parameters<F>) => {
        if (this.depth > 0) return this.savepoint(() => fn(...args));
        this.exec('BEGIN ISOLATION LEVEL READ COMMITTED');
        this.depth++;
        try {
          if (write) this.exec(`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`);
          const result = fn(...args);
          this.exec('COMMIT');
          return result;
        } catch (error) {
          this.rollback();
          throw error;
        } finally {
          this.depth--;
        }
      }) as F;
    const deferred = run(false);
    return Object.assign(run(true), { immediate: run(true), deferred }) as PgTransaction<F>;
  }

  /**
   * A write transaction opened here and ended by commitWrite or rollbackWrite, around work that
   * awaits (recordBatch); the service transactions inside it become savepoints.
   */
  beginWrite(): void {
    this.exec('BEGIN ISOLATION LEVEL READ COMMITTED');
    this.depth++;
    try {
      this.exec(`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`);
    } catch (error) {
      this.rollbackWrite();
      throw error;
    }
  }

  commitWrite(): void {
    try {
      this.exec('COMMIT');
    } finally {
      this.depth--;
    }
  }

  rollbackWrite(): void {
    this.rollback();
    this.depth--;
  }

  private savepoint<T>(fn: () => T): T {
    const name = `sp${++this.savepoints}`;
    this.exec(`SAVEPOINT ${name}`);
    this.depth++;
    try {
      const result = fn();
      this.exec(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      try {
        this.exec(`ROLLBACK TO SAVEPOINT ${name}`);
      } catch {
        // the connection is gone: the server has rolled everything back
      }
      throw error;
    } finally {
      this.depth--;
    }
  }

  private rollback(): void {
    try {
      this.exec('ROLLBACK');
    } catch {
      // A lost connection: the server rolls back an open transaction by itself.
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.request({ op: 'close' });
    } catch {
      // already gone
    }
  }
}

/**
 * The bundled bridge worker (dist/pg-bridge-worker.mjs, made by scripts/build.mjs): beside this
 * code in the bundle, or in dist/ when the sources run directly (tests). In an installed app, the copy
 * outside the asar archive (electron-builder.yml unpacks it), since a worker thread is started from it.
 */
export function bridgeWorkerUrl(): URL {
  const beside = unpackedUrl(new URL('./pg-bridge-worker.mjs', import.meta.url));
  if (existsSync(fileURLToPath(beside))) return beside;
  return new URL('../../../dist/pg-bridge-worker.mjs', import.meta.url);
}

/** BYTEA values cross the thread boundary as Uint8Array; the records code expects Buffers, as better-sqlite3 gives. */
function asBuffers(row: unknown): unknown {
  if (!row || typeof row !== 'object') return row;
  const out = row as Record<string, unknown>;
  for (const [k, v] of Object.entries(out)) if (v instanceof Uint8Array && !Buffer.isBuffer(v)) out[k] = Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  return out;
}
