// The anchor file beside the database, `<database>.anchor` (format: integrity/anchor-lines.ts):
// after each commit the new audit entries' numbers and hashes are appended and fsynced, so that a
// cut tail, an older copy put back or another database swapped in no longer matches it. It is
// started by migration 3 (or with a new database) and never silently started again: a missing or
// mismatching anchor is left for `audit verify` to report.
import { closeSync, existsSync, fsyncSync, ftruncateSync, openSync, readSync, renameSync, fstatSync, writeSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { dirname } from 'node:path';
import { anchorHeader, anchorLine, headerLineHash, parseAnchor, parseTailLine, type AnchorReading } from '../integrity/anchor-lines';
import { installationId, type Db } from './connection';
import { fsyncDir } from './fsync-dir';

export function anchorFileOf(dbFile: string): string {
  return `${dbFile}.anchor`;
}

/** The anchor of a database connection; none for an in-memory database. */
export function anchorOf(db: Db): string | undefined {
  return db.memory || !db.name ? undefined : anchorFileOf(db.name);
}

/** A file's lines, read in chunks (an anchor of a large database is megabytes). */
export function* readLines(file: string): Generator<string> {
  const fd = openSync(file, 'r');
  try {
    const decoder = new StringDecoder('utf8');
    const chunk = Buffer.alloc(1 << 16);
    let rest = '';
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) {
      const lines = (rest + decoder.write(chunk.subarray(0, n))).split('\n');
      rest = lines.pop()!;
      yield* lines;
    }
    rest += decoder.end();
    if (rest !== '') yield rest;
  } finally {
    closeSync(fd);
  }
}

export function readAnchor(file: string): AnchorReading | undefined {
  return existsSync(file) ? parseAnchor(readLines(file)) : undefined;
}

/**
 * Writes a whole anchor for the database's chain as it is (inside the migration that starts it, so
 * a crash before the commit is followed by another start): temp file, fsync, rename.
 */
export function startAnchor(db: Db, file = anchorOf(db)): void {
  if (!file) return;
  writeAnchor(file, installationId(db), db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq').iterate() as Iterable<{ seq: number; hash: string }>);
}

/** Copies the anchor lines up to entry `lastSeq` (a backup's anchor: the source anchor's prefix). */
export function copyAnchor(from: string, to: string, lastSeq: number): void {
  const reading = readAnchor(from);
  if (!reading) return;
  function* upTo() {
    for (const item of reading!.items) {
      if ('broken' in item || item.seq > lastSeq) return;
      yield item;
    }
  }
  writeAnchor(to, reading.installationId ?? '', upTo());
}

function writeAnchor(file: string, installation: string, entries: Iterable<{ seq: number; hash: string }>): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o644);
  try {
    const header = anchorHeader(installation);
    let prev = headerLineHash(header);
    let text = header + '\n';
    for (const e of entries) {
      const line = anchorLine(prev, e.seq, e.hash);
      prev = line.lineHash;
      text += line.text + '\n';
      if (text.length > 1 << 16) {
        writeSync(fd, text);
        text = '';
      }
    }
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  fsyncDir(dirname(file));
}

/**
 * Appends the entries committed since the anchor's last line. Runs in a write transaction of its
 * own, so that two processes writing the same database never append the same entries twice. Does
 * nothing when there is no anchor, or when its last line no longer matches the database (the
 * mismatch is evidence; `audit verify` reports it).
 */
export function anchorNewEntries(db: Db): void {
  const file = anchorOf(db);
  if (!file || !existsSync(file)) return;
  db.transaction(() => {
    const fd = openSync(file, 'r+');
    try {
      const tail = readTail(fd);
      if (!tail) return;
      if (tail.seq > 0) {
        const e = db.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(tail.seq) as { hash: string } | undefined;
        if (e?.hash !== tail.hash) return;
      }
      let prev = tail.lineHash;
      let text = '';
      for (const e of db.prepare('SELECT seq, hash FROM audit_log WHERE seq > ? ORDER BY seq').iterate(tail.seq) as Iterable<{ seq: number; hash: string }>) {
        const line = anchorLine(prev, e.seq, e.hash);
        prev = line.lineHash;
        text += line.text + '\n';
      }
      if (text === '') return;
      // A line torn by a crash during an earlier append was never fsynced: it claims nothing.
      if (tail.end < fstatSync(fd).size) ftruncateSync(fd, tail.end);
      writeSync(fd, text, tail.end);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }).immediate();
}

/** The last complete line of the anchor and where it ends. */
function readTail(fd: number): { seq: number; hash: string; lineHash: string; end: number } | undefined {
  const size = fstatSync(fd).size;
  for (let span = 4096; ; span *= 2) {
    const start = Math.max(0, size - span);
    const buf = Buffer.alloc(size - start);
    readSync(fd, buf, 0, buf.length, start);
    const end = buf.lastIndexOf(0x0a);
    const lineStart = end <= 0 ? 0 : buf.lastIndexOf(0x0a, end - 1) + 1;
    if (start > 0 && lineStart === 0) continue; // the line may begin before this span
    if (end < 0) return undefined;
    const parsed = parseTailLine(buf.subarray(lineStart, end).toString('utf8'));
    return parsed && { ...parsed, end: start + end + 1 };
  }
}
