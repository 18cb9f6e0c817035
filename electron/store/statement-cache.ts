// Prepared statements kept per connection: verification runs the same few reads for every row, and
// preparing each one again costs more than running it.
import type Database from 'better-sqlite3';
import type { Db } from './connection';

const caches = new WeakMap<Db, Map<string, Database.Statement>>();

export function statement(db: Db, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = db.prepare(sql)));
  return s;
}
