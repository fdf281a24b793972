/**
 * Just enough of the zip format to vet an .xlsx before ExcelJS sees it: list the entries from the central
 * directory and inflate each one with a hard output limit, checking its size and CRC. ExcelJS (JSZip) would
 * otherwise inflate a zip bomb without bound, and report a cut-off file as an obscure exception.
 */
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** General-purpose flags; bit 0 means the entry is encrypted. */
  flags: number;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** Why a buffer is not a usable zip: it ends early, or its structure is inconsistent. */
export class ZipFormatError extends Error {
  constructor(
    readonly kind: 'truncated' | 'damaged',
    readonly entryName: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX16 = 0xffff;
const MAX32 = 0xffffffff;

export function startsLikeZip(buf: Buffer): boolean {
  return buf.length >= 4 && buf.readUInt32LE(0) === LOCAL;
}

function findEndOfCentralDirectory(buf: Buffer): number {
  const lowest = Math.max(0, buf.length - 22 - MAX16);
  for (let i = buf.length - 22; i >= lowest; i--) {
    if (buf.readUInt32LE(i) === EOCD && i + 22 + buf.readUInt16LE(i + 20) <= buf.length) return i;
  }
  return -1;
}

function u64(buf: Buffer, offset: number): number {
  const value = buf.readBigUInt64LE(offset);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError('damaged', null, 'zip64 size too large');
  return Number(value);
}

function need(buf: Buffer, end: number, entryName: string | null): void {
  if (end > buf.length) throw new ZipFormatError('truncated', entryName, 'zip data ends early');
}

/** The entries of a zip, from its central directory. Throws ZipFormatError. */
export function listZipEntries(buf: Buffer): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd < 0) throw new ZipFormatError('truncated', null, 'no end-of-central-directory record');
  let count = buf.readUInt16LE(eocd + 10);
  let dirOffset = buf.readUInt32LE(eocd + 16);
  if (count === MAX16 || dirOffset === MAX32) {
    const locator = eocd - 20;
    if (locator < 0 || buf.readUInt32LE(locator) !== ZIP64_LOCATOR) {
      throw new ZipFormatError('damaged', null, 'zip64 locator missing');
    }
    const record = u64(buf, locator + 8);
    need(buf, record + 56, null);
    if (buf.readUInt32LE(record) !== ZIP64_EOCD) throw new ZipFormatError('damaged', null, 'zip64 record missing');
    count = u64(buf, record + 32);
    dirOffset = u64(buf, record + 48);
  }
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    need(buf, p + 46, null);
    if (buf.readUInt32LE(p) !== CENTRAL) throw new ZipFormatError('damaged', null, 'bad central directory entry');
    const nameLength = buf.readUInt16LE(p + 28);
    const extraLength = buf.readUInt16LE(p + 30);
    const commentLength = buf.readUInt16LE(p + 32);
    need(buf, p + 46 + nameLength + extraLength + commentLength, null);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    const entry: ZipEntry = {
      name: name.startsWith('/') ? name.slice(1) : name,
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      crc: buf.readUInt32LE(p + 16),
      compressedSize: buf.readUInt32LE(p + 20),
      uncompressedSize: buf.readUInt32LE(p + 24),
      localHeaderOffset: buf.readUInt32LE(p + 42),
    };
    readZip64Extra(buf, p + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function readZip64Extra(buf: Buffer, start: number, length: number, entry: ZipEntry): void {
  let q = start;
  while (q + 4 <= start + length) {
    const id = buf.readUInt16LE(q);
    const size = buf.readUInt16LE(q + 2);
    if (id === 0x0001) {
      // Zip64 sizes follow in this order, each present only where the 32-bit field is saturated.
      let r = q + 4;
      for (const field of ['uncompressedSize', 'compressedSize', 'localHeaderOffset'] as const) {
        if (entry[field] === MAX32 && r + 8 <= q + 4 + size) {
          entry[field] = u64(buf, r);
          r += 8;
        }
      }
    }
    q += 4 + size;
  }
}

/** The entry's stored (compressed) bytes. Throws ZipFormatError. */
function packedData(buf: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  need(buf, at + 30, entry.name);
  if (buf.readUInt32LE(at) !== LOCAL) throw new ZipFormatError('damaged', entry.name, 'bad local header');
  if (entry.flags & 1) throw new ZipFormatError('damaged', entry.name, 'encrypted zip entry');
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  need(buf, start + entry.compressedSize, entry.name);
  return buf.subarray(start, start + entry.compressedSize);
}

/**
 * The entry's content, inflated to at most its declared size and checked against its CRC. Throws
 * ZipFormatError when the data ends early, does not inflate, or does not match what the directory says.
 */
export function readZipEntry(buf: Buffer, entry: ZipEntry): Buffer {
  const packed = packedData(buf, entry);
  let data: Buffer;
  if (entry.method === 0) {
    data = packed;
  } else if (entry.method === 8) {
    try {
      data = inflateRawSync(packed, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch {
      throw new ZipFormatError('damaged', entry.name, 'data does not inflate to its declared size');
    }
  } else {
    throw new ZipFormatError('damaged', entry.name, `unsupported compression method ${entry.method}`);
  }
  if (data.length !== entry.uncompressedSize || crc32(data) !== entry.crc) {
    throw new ZipFormatError('damaged', entry.name, 'size or checksum mismatch');
  }
  return data;
}

/**
 * Hands the entry's content to `take` piece by piece as it inflates, and stops inflating as soon as `take`
 * returns false (or the content passes its declared size), so a reader can give up on a huge part after its
 * first megabytes. The content is not checked against its CRC here: readZipEntry does that.
 */
export async function scanZipEntry(buf: Buffer, entry: ZipEntry, take: (piece: Buffer) => boolean): Promise<void> {
  const packed = packedData(buf, entry);
  if (entry.method === 0) {
    take(packed);
    return;
  }
  if (entry.method !== 8)
    throw new ZipFormatError('damaged', entry.name, `unsupported compression method ${entry.method}`);
  const inflater = createInflateRaw();
  await new Promise<void>((resolve, reject) => {
    let seen = 0;
    inflater.on('data', (piece: Buffer) => {
      seen += piece.length;
      if (seen > entry.uncompressedSize || !take(piece)) {
        inflater.destroy();
        resolve();
      }
    });
    inflater.on('end', () => resolve());
    inflater.on('close', () => resolve());
    inflater.on('error', () => reject(new ZipFormatError('damaged', entry.name, 'data does not inflate')));
    inflater.end(packed);
  });
}

/**
 * Why an entry's name is one no spreadsheet program writes (a phrase completing "the name of its part ..."), or
 * null when it is fine: a path that climbs out of the package or names a drive, a backslash, a control
 * character, an empty name.
 */
export function entryNameProblem(name: string): string | null {
  if (name === '') return 'is empty';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'holds a control character';
  if (name.includes('\\')) return 'holds a backslash';
  if (/^[A-Za-z]:/.test(name) || name.startsWith('/')) return 'is an absolute path';
  if (name.split('/').some((segment) => segment === '..')) return 'climbs out of the package with ".."';
  return null;
}
