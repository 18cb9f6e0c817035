// A limit on what one PDF stream may decode to. A flate bomb is a few kilobytes of deflate that
// inflate to gigabytes; pdfjs decodes a content stream (or a font, an object stream, an attachment)
// whole into one growing buffer, outside the JavaScript heap, so neither the file-size limit nor a
// worker's heap limit stops it. pdfjs offers no hook, so the streams are decoded here first, with
// zlib's own output cap, and a file with a stream over the limit is refused before pdfjs sees it.
//
// Only what pdfjs decodes to read text is checked: images are skipped (text extraction never
// decodes them, and a large scan is legitimate). Encrypted streams cannot be decoded here and are
// left to pdfjs.
import { constants, inflateRawSync, inflateSync } from 'node:zlib';

export const MAX_INFLATED_STREAM_BYTES = 64 * 1024 * 1024;

/** How far before `stream` the stream's dictionary is looked for. */
const DICTIONARY_WINDOW = 64 * 1024;

class OverLimit extends Error {}

/** The byte offset of the first stream that decodes to more than `max` bytes, or undefined. */
export function findOversizedStream(bytes: Uint8Array, max = MAX_INFLATED_STREAM_BYTES): number | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = buf.indexOf('stream'); at >= 0; at = buf.indexOf('stream', at + 6)) {
    if (at >= 3 && buf.toString('latin1', at - 3, at) === 'end') continue;
    const eol = buf[at + 6];
    if (eol !== 0x0a && eol !== 0x0d) continue;
    const start = at + 7 + (eol === 0x0d && buf[at + 7] === 0x0a ? 1 : 0);
    const dictionary = dictionaryBefore(buf, at);
    const filters = filtersOf(dictionary);
    if (filters.length === 0 || /\/Subtype\s*\/Image\b/.test(dictionary)) continue;
    const endAt = buf.indexOf('endstream', start);
    const end = endAt < 0 ? buf.length : endAt;
    try {
      decode(buf.subarray(start, end), filters, max);
    } catch (error) {
      if (error instanceof OverLimit) return at;
      // A stream zlib cannot decode is pdfjs's to judge (it is lenient with broken files).
    }
    if (endAt >= 0) at = endAt + 3; // past 'endstream', so its 'stream' is not taken for a new one
  }
  return undefined;
}

function dictionaryBefore(buf: Buffer, at: number): string {
  const from = Math.max(0, at - DICTIONARY_WINDOW);
  const obj = buf.lastIndexOf('obj', at);
  return buf.toString('latin1', obj >= from ? obj : from, at);
}

/** The stream's /Filter names, in order ([] when it has none, or an indirect one). */
function filtersOf(dictionary: string): string[] {
  const m = /\/Filter\s*(\[[^\]]*\]|\/[^\s/[\]<>()]+)/.exec(dictionary);
  return m ? [...m[1].matchAll(/\/([^\s/[\]<>()]+)/g)].map((n) => n[1]) : [];
}

/** Decodes through the filter chain as far as it can; throws OverLimit when any stage passes `max`. */
function decode(data: Buffer, filters: readonly string[], max: number): void {
  let out = data;
  for (const filter of filters) {
    const next = decodeOne(out, filter, max);
    if (next === undefined) return; // an image codec or encryption: nothing more to check
    if (next.length > max) throw new OverLimit();
    out = next;
  }
}

function decodeOne(data: Buffer, filter: string, max: number): Buffer | undefined {
  switch (filter) {
    case 'FlateDecode':
    case 'Fl':
      return inflate(data, max);
    case 'LZWDecode':
    case 'LZW':
      return lzw(data, max);
    case 'ASCIIHexDecode':
    case 'AHx':
      return Buffer.from(data.toString('latin1').replace(/>[\s\S]*$/, '').replace(/[^0-9a-fA-F]/g, ''), 'hex');
    case 'ASCII85Decode':
    case 'A85':
      return ascii85(data);
    case 'RunLengthDecode':
    case 'RL':
      return runLength(data, max);
    default:
      return undefined;
  }
}

function inflate(data: Buffer, max: number): Buffer {
  // Z_SYNC_FLUSH: a stream cut short (a wrong /Length, a truncated file) still gives what it holds.
  const options = { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: max + 1 };
  try {
    return inflateSync(data, options);
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new OverLimit();
    // Some producers write raw deflate without the zlib header; pdfjs reads those too.
    try {
      return inflateRawSync(data, options);
    } catch (raw) {
      if ((raw as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new OverLimit();
      throw raw;
    }
  }
}

/** PDF's LZW (EarlyChange 1, the default), stopping as soon as the output passes `max`. */
function lzw(data: Buffer, max: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  let table: Buffer[] = [];
  const reset = () => {
    table = Array.from({ length: 258 }, (_, i) => Buffer.from([i]));
  };
  reset();
  let width = 9;
  let previous: Buffer | undefined;
  let bits = 0;
  let value = 0;
  for (const byte of data) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= width) {
      const code = (value >>> (bits - width)) & ((1 << width) - 1);
      bits -= width;
      value &= (1 << bits) - 1;
      if (code === 256) {
        reset();
        width = 9;
        previous = undefined;
        continue;
      }
      if (code === 257) return Buffer.concat(chunks, total);
      const entry = code < table.length ? table[code] : previous ? Buffer.concat([previous, previous.subarray(0, 1)]) : undefined;
      if (!entry) return Buffer.concat(chunks, total);
      if (previous && table.length < 4096) table.push(Buffer.concat([previous, entry.subarray(0, 1)]));
      previous = entry;
      chunks.push(entry);
      total += entry.length;
      if (total > max) throw new OverLimit();
      if (table.length + 1 >= 1 << width && width < 12) width++;
    }
  }
  return Buffer.concat(chunks, total);
}

function ascii85(data: Buffer): Buffer {
  const text = data.toString('latin1').replace(/~>[\s\S]*$/, '').replace(/\s/g, '');
  const out: number[] = [];
  let group: number[] = [];
  const flush = (n: number) => {
    let v = 0;
    for (let i = 0; i < 5; i++) v = v * 85 + (group[i] ?? 84);
    for (let i = 0; i < n; i++) out.push((v >>> (24 - 8 * i)) & 0xff);
    group = [];
  };
  for (const ch of text) {
    if (ch === 'z' && group.length === 0) {
      out.push(0, 0, 0, 0);
      continue;
    }
    const c = ch.charCodeAt(0) - 33;
    if (c < 0 || c > 84) continue;
    group.push(c);
    if (group.length === 5) flush(4);
  }
  if (group.length > 1) flush(group.length - 1);
  return Buffer.from(out);
}

function runLength(data: Buffer, max: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (let i = 0; i < data.length; ) {
    const n = data[i];
    if (n === 128) break;
    const chunk = n < 128 ? data.subarray(i + 1, i + 2 + n) : Buffer.alloc(257 - n, data[i + 1] ?? 0);
    i += n < 128 ? n + 2 : 2;
    chunks.push(chunk);
    total += chunk.length;
    if (total > max) throw new OverLimit();
  }
  return Buffer.concat(chunks, total);
}
