// The anchor file's lines: a copy of the audit chain's (number, hash) pairs kept outside the
// database, its own lines hash-chained so that a line edited in the middle shows. The first line
// names the database it belongs to (its installation id), so a database swapped for another shows.
//
//   mishen-anchor 1 <installation id>
//   <seq> <entry hash> <line hash>        line hash = SHA-256("<previous line hash> <seq> <entry hash>")
//
// The first entry line chains to the SHA-256 of the header line.
import { sha256Hex } from './canonical-record';

const MAGIC = 'mishen-anchor 1';

export function anchorHeader(installationId: string): string {
  return `${MAGIC} ${installationId}`;
}

export function headerLineHash(header: string): string {
  return sha256Hex(header);
}

export function anchorLine(prevLineHash: string, seq: number, entryHash: string): { text: string; lineHash: string } {
  const lineHash = sha256Hex(`${prevLineHash} ${seq} ${entryHash}`);
  return { text: `${seq} ${entryHash} ${lineHash}`, lineHash };
}

export type AnchorItem =
  | { readonly lineNo: number; readonly seq: number; readonly hash: string; readonly lineHash: string }
  | { readonly lineNo: number; readonly broken: string };

export interface AnchorReading {
  /** The installation the anchor was started for; undefined when the header is not one. */
  readonly installationId: string | undefined;
  /** The entry lines, checked against their chain as they are read. */
  readonly items: Iterable<AnchorItem>;
}

const LINE = /^(\d+) ([0-9a-f]{64}) ([0-9a-f]{64})$/;

/** Parses anchor text line by line; a line that breaks the line chain is reported, not thrown. */
export function parseAnchor(lines: Iterator<string>): AnchorReading {
  const first = lines.next();
  const header = first.done ? '' : first.value;
  const installationId = header.startsWith(`${MAGIC} `) ? header.slice(MAGIC.length + 1) : undefined;
  function* items(): Generator<AnchorItem> {
    let prev = headerLineHash(header);
    let lineNo = 1;
    for (let next = lines.next(); !next.done; next = lines.next()) {
      lineNo++;
      const m = LINE.exec(next.value);
      if (!m) {
        yield { lineNo, broken: '格式不对' };
        continue;
      }
      const seq = Number(m[1]);
      const expected = anchorLine(prev, seq, m[2]).lineHash;
      if (expected !== m[3]) yield { lineNo, broken: '行哈希与前一行不衔接（本行或前面的行被改动、删除或插入）' };
      else yield { lineNo, seq, hash: m[2], lineHash: m[3] };
      prev = m[3];
    }
  }
  return { installationId, items: items() };
}

/** The last line's fields, for appending (the header counts as entry 0); undefined when it is no anchor line. */
export function parseTailLine(line: string): { seq: number; hash: string; lineHash: string } | undefined {
  if (line.startsWith(`${MAGIC} `)) return { seq: 0, hash: '', lineHash: headerLineHash(line) };
  const m = LINE.exec(line);
  return m ? { seq: Number(m[1]), hash: m[2], lineHash: m[3] } : undefined;
}
