// A zip reader that never inflates more than a budget: a .docx is a zip, and a hostile or broken
// one can declare (or hide) gigabytes behind a few kilobytes. JSZip does the parsing; this file
// adds the limits and the OOXML path rules (case-insensitive names, relative targets).

import JSZip from 'jszip';

export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
/** A .docx holds tens of parts, a few thousand with many images; a million is an attack on the parser. */
export const MAX_ZIP_ENTRIES = 10_000;

/** The zip declares, or turns out to hold, more than the budget. */
export class TooLargeError extends Error {}

/** The zip's central directory lists more entries than MAX_ZIP_ENTRIES. */
export class TooManyEntriesError extends Error {
  constructor(readonly entries: number) {
    super(`${entries} zip entries`);
  }
}

/** The bytes are not a zip JSZip can open (truncated, not a zip, unsupported zip encryption). */
export class NotAZipError extends Error {}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An OLE compound file: a legacy .doc, or a password-protected OOXML file wrapped in one. */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return CFB_MAGIC.every((b, i) => bytes[i] === b);
}

/**
 * Office wraps a password-protected .docx in a compound file with an "EncryptionInfo" stream.
 * Looking for the stream's UTF-16LE name in the directory is enough to tell it from a .doc.
 */
export function hasEncryptionInfo(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(
    Buffer.from('EncryptionInfo', 'utf16le'),
  );
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b;
}

/** JSZip keeps the sizes from the central directory on a private field. */
interface EntryWithSizes {
  readonly _data?: { readonly uncompressedSize?: number };
}

/** JSZip's internal stream (public in the library, missing from its typings). */
interface InternalStream {
  on(event: 'data', cb: (chunk: Uint8Array) => void): InternalStream;
  on(event: 'error', cb: (err: Error) => void): InternalStream;
  on(event: 'end', cb: () => void): InternalStream;
  pause(): InternalStream;
  resume(): InternalStream;
}

export class BoundedZip {
  private readonly byLowerName = new Map<string, JSZip.JSZipObject>();
  private readonly cache = new Map<string, Uint8Array>();
  private inflated = 0;

  private constructor(
    zip: JSZip,
    private readonly limit: number,
  ) {
    zip.forEach((_path, entry) => {
      if (!entry.dir) this.byLowerName.set(entry.name.toLowerCase(), entry);
    });
  }

  /** Opens the zip (reading only its directory) and refuses it if the declared sizes exceed the limit. */
  static async open(bytes: Uint8Array, limit: number): Promise<BoundedZip> {
    // JSZip builds an object per central-directory entry before anyone can look: count them first.
    const entries = countEntries(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), MAX_ZIP_ENTRIES);
    if (entries > MAX_ZIP_ENTRIES) throw new TooManyEntriesError(entries);
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes);
    } catch (err) {
      throw new NotAZipError(err instanceof Error ? err.message : String(err));
    }
    const bounded = new BoundedZip(zip, limit);
    if (bounded.declaredSize() > limit) throw new TooLargeError('declared size over limit');
    return bounded;
  }

  private declaredSize(): number {
    let total = 0;
    for (const entry of this.byLowerName.values()) {
      const size = (entry as unknown as EntryWithSizes)._data?.uncompressedSize ?? 0;
      // JSZip reads the 32-bit field as signed: a declared 4 GiB comes back negative.
      total += size < 0 ? size + 2 ** 32 : size;
    }
    return total;
  }

  /** Every file name in the zip, as stored. */
  names(): string[] {
    return [...this.byLowerName.values()].map((e) => e.name);
  }

  has(name: string): boolean {
    return this.byLowerName.has(normalisePath(name).toLowerCase());
  }

  /** The inflated bytes of one entry, or undefined when the zip has no such entry. */
  async bytes(name: string): Promise<Uint8Array | undefined> {
    const key = normalisePath(name).toLowerCase();
    const cached = this.cache.get(key);
    if (cached) return cached;
    const entry = this.byLowerName.get(key);
    if (!entry) return undefined;
    const data = await this.inflate(entry);
    this.cache.set(key, data);
    return data;
  }

  /** An XML part as text (UTF-8, or UTF-16 where it starts with a byte-order mark). */
  async text(name: string): Promise<string | undefined> {
    const data = await this.bytes(name);
    return data === undefined ? undefined : decodeXmlBytes(data);
  }

  /**
   * Inflates chunk by chunk and stops as soon as the running total passes the budget: the
   * declared sizes can lie, and a single deflate chunk expands at most ~1000-fold.
   */
  private inflate(entry: JSZip.JSZipObject): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      const chunks: Uint8Array[] = [];
      let size = 0;
      let stopped = false;
      const stream = (entry as unknown as { internalStream(t: 'uint8array'): InternalStream })
        .internalStream('uint8array');
      stream
        .on('data', (chunk) => {
          if (stopped) return;
          size += chunk.length;
          this.inflated += chunk.length;
          if (this.inflated > this.limit) {
            stopped = true;
            stream.pause();
            reject(new TooLargeError('inflated size over limit'));
            return;
          }
          chunks.push(chunk);
        })
        .on('error', (err) => {
          if (stopped) return;
          stopped = true;
          reject(new NotAZipError(err.message));
        })
        .on('end', () => {
          if (stopped) return;
          resolve(concat(chunks, size));
        })
        .resume();
    });
  }
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;

/**
 * Entries in the zip: the larger of what the end-of-central-directory record declares and the
 * headers actually found in the central directory (counting stops past `stopAfter`). 0 when there is
 * no end record (JSZip then reports the zip as broken).
 */
export function countEntries(buf: Buffer, stopAfter: number): number {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 0;
  let declared = buf.readUInt16LE(eocd + 10);
  let size = buf.readUInt32LE(eocd + 12);
  let end = eocd; // the central directory ends where the end records begin
  const locator = eocd - 20;
  if (locator >= 0 && buf.readUInt32LE(locator) === ZIP64_LOCATOR) {
    // Usually right before the locator; else where the locator says (wrong if bytes were prepended).
    const record = locator >= 56 && buf.readUInt32LE(locator - 56) === ZIP64_EOCD ? locator - 56 : Number(buf.readBigUInt64LE(locator + 8));
    if (record >= 0 && record + 56 <= buf.length && buf.readUInt32LE(record) === ZIP64_EOCD) {
      declared = Number(buf.readBigUInt64LE(record + 32));
      size = Number(buf.readBigUInt64LE(record + 40));
      end = record;
    }
  }
  let found = 0;
  for (let at = end - size; at >= 0 && at + 46 <= end && buf.readUInt32LE(at) === CENTRAL_HEADER && found <= stopAfter; found++) {
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return Math.max(declared, found);
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function decodeXmlBytes(data: Uint8Array): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data);
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data);
  return new TextDecoder('utf-8').decode(data); // strips a UTF-8 BOM
}

/** Zip names have no leading slash; relationship targets may. Resolves '.' and '..' too. */
export function normalisePath(path: string): string {
  const out: string[] = [];
  for (const seg of path.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

/** A relationship target resolved against the folder of the part that owns the .rels file. */
export function resolveTarget(ownerPart: string, target: string): string {
  if (target.startsWith('/')) return normalisePath(target);
  const dir = ownerPart.includes('/') ? ownerPart.slice(0, ownerPart.lastIndexOf('/')) : '';
  return normalisePath(`${dir}/${decodeURIComponentSafe(target)}`);
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
