// The audit log's hash chain: the hash of one entry, chained to the one before, and why a stored
// entry does not fit. Fixed field order: the hash must not depend on how an object happened to be
// built. An entry that binds a record also covers the record's kind, key and canonical hash;
// entries written before record binding existed (database version 2) have none and keep the
// shorter form, so their hashes stay valid.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** What an entry's hash covers, by column; databases before version 3 have no record columns. */
export interface HashedEntryFields {
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subject: string;
  /** The details as stored (JSON text). */
  readonly details: string;
  readonly origin: string;
  readonly record_kind?: string | null;
  readonly record_key?: string | null;
  readonly record_hash?: string | null;
}

export function entryHash(prevHash: string, e: HashedEntryFields): string {
  const fields: unknown[] = [e.id, e.at, e.actor, e.action, e.subject, e.details, e.origin];
  if (e.record_kind != null) fields.push(e.record_kind, e.record_key ?? null, e.record_hash ?? null);
  return createHash('sha256').update(prevHash).update('\n').update(JSON.stringify(fields)).digest('hex');
}

/** A stored entry, by column. */
export interface StoredAuditRow extends HashedEntryFields {
  readonly seq: number;
  readonly prev_hash: string;
  readonly hash: string;
}

/** Why an entry does not fit the chain, or undefined when it does. */
export function chainBreak(r: StoredAuditRow, expectedSeq: number, prevHash: string): string | undefined {
  if (Number(r.seq) !== expectedSeq) return `序号不连续：应为 ${expectedSeq}，实为 ${r.seq}（有记录被删除或插入）`;
  if (r.prev_hash !== prevHash) return '与前一条记录的链接不符（前一条被改动、删除，或本条被替换）';
  if (entryHash(prevHash, r) !== r.hash) return '内容与哈希不符（本条记录被改动）';
  return undefined;
}
