/**
 * Opening a file for `verify`: what it is by its content (whatever its name says), and the same vetting as an
 * uploaded workbook (server/import/zipArchive.ts) before anything parses it: the file's size, the number of
 * zip entries, their unpacked size (declared and real: each entry is inflated with a hard limit and its CRC
 * checked), each entry's compression ratio, XML without DOCTYPE or entity declarations and nested at most
 * VERIFY_LIMITS.maxXmlDepth deep, JSON nested at most VERIFY_LIMITS.maxJsonDepth deep. A file over a limit is
 * not an appendix, said in one sentence (NotAnAppendix); nothing is inflated or parsed beyond the limits.
 */
import { listZipEntries, readZipEntry, startsLikeZip, ZipFormatError } from '../../../import/zipArchive.js';
import type { AppendixFormat } from '../formats.js';
import { NotAnAppendix } from './content.js';

/** Limits that keep a hostile file from exhausting the service; an appendix of 500 partners is far inside them. */
export const VERIFY_LIMITS = {
  /** The file itself. */
  maxFileBytes: 20 * 1024 * 1024,
  /** Entries in a zip. */
  maxEntries: 2_000,
  /** All entries of a zip once unpacked. */
  maxUnpackedBytes: 40 * 1024 * 1024,
  /** Unpacked over packed size of an entry larger than a megabyte (an appendix's XML packs about 10 to 1). */
  maxRatio: 200,
  /** Elements nested in one another in an XML part. */
  maxXmlDepth: 256,
  /** Arrays and objects nested in one another in a JSON file. */
  maxJsonDepth: 64,
  /** Rows of one table, sheet or CSV file, and paragraphs of one document. */
  maxRows: 100_000,
} as const;

export const FORMAT_NAMES: Record<AppendixFormat, string> = {
  docx: 'a Word document',
  xlsx: 'an Excel workbook',
  ods: 'an OpenDocument spreadsheet',
  csv: 'a zip of CSV files',
  json: 'a JSON file',
};

export type OpenedFile =
  { format: 'docx' | 'xlsx' | 'ods' | 'csv'; parts: Map<string, Buffer> } | { format: 'json'; text: string };

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

const XML_TAG = /<(\/?)[A-Za-z_][^\s/>]*[^>]*?(\/?)>/g;

/** Refuses XML with a DOCTYPE or entity declaration (entity expansion), or nested deeper than the limit. */
function vetXml(name: string, data: Buffer): void {
  if (data.includes('<!DOCTYPE') || data.includes('<!ENTITY') || data.includes('<!doctype')) {
    throw new NotAnAppendix(`its part ${name} declares a DOCTYPE or entities, which no appendix has.`);
  }
  let depth = 0;
  for (const m of data.toString('latin1').matchAll(XML_TAG)) {
    if (m[1]) depth--;
    else if (!m[2] && ++depth > VERIFY_LIMITS.maxXmlDepth) {
      throw new NotAnAppendix(`its part ${name} nests elements more than ${VERIFY_LIMITS.maxXmlDepth} deep.`);
    }
  }
}

/** Every entry of a vetted zip, unpacked. Throws NotAnAppendix. */
function unpackZip(buf: Buffer): Map<string, Buffer> {
  const entries = listZipEntries(buf).filter((e) => !e.name.endsWith('/'));
  if (entries.length > VERIFY_LIMITS.maxEntries) {
    throw new NotAnAppendix(
      `the zip holds ${entries.length} files, more than the ${VERIFY_LIMITS.maxEntries} allowed.`,
    );
  }
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > VERIFY_LIMITS.maxUnpackedBytes) {
    throw new NotAnAppendix(
      `it unpacks to ${megabytes(declared)}, more than the ${megabytes(VERIFY_LIMITS.maxUnpackedBytes)} allowed.`,
    );
  }
  for (const e of entries) {
    if (e.uncompressedSize > 1024 * 1024 && e.uncompressedSize > VERIFY_LIMITS.maxRatio * e.compressedSize) {
      throw new NotAnAppendix(
        `its part ${e.name} unpacks ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))} times larger than it is packed, more than the ${VERIFY_LIMITS.maxRatio} allowed.`,
      );
    }
  }
  const parts = new Map<string, Buffer>();
  for (const e of entries) {
    if (parts.has(e.name)) throw new NotAnAppendix(`the zip holds two files named ${e.name}.`);
    // Inflated to at most its declared size, its CRC checked: a part that lies about its size is damaged.
    const data = readZipEntry(buf, e);
    if (/\.(xml|rels)$/i.test(e.name)) vetXml(e.name, data);
    parts.set(e.name, data);
  }
  return parts;
}

/** Refuses JSON nested deeper than the limit, before JSON.parse sees it. */
function vetJson(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > VERIFY_LIMITS.maxJsonDepth) {
        throw new NotAnAppendix(`its JSON nests more than ${VERIFY_LIMITS.maxJsonDepth} levels deep.`);
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
}

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** The file's format by its content, vetted and unpacked. Throws NotAnAppendix. */
export function openFile(bytes: Uint8Array): OpenedFile {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length === 0) throw new NotAnAppendix('the file is empty.');
  if (buf.length > VERIFY_LIMITS.maxFileBytes) {
    throw new NotAnAppendix(
      `the file is ${megabytes(buf.length)}, more than the ${megabytes(VERIFY_LIMITS.maxFileBytes)} an appendix may be.`,
    );
  }
  if (startsLikeZip(buf)) {
    let parts: Map<string, Buffer>;
    try {
      parts = unpackZip(buf);
    } catch (error) {
      if (!(error instanceof ZipFormatError)) throw error;
      throw new NotAnAppendix(
        error.kind === 'truncated'
          ? 'the zip archive is incomplete (cut off, perhaps during download).'
          : `the zip archive is damaged${error.entryName ? ` (its part ${error.entryName} cannot be read)` : ''}.`,
      );
    }
    if (parts.has('word/document.xml')) return { format: 'docx', parts };
    if (parts.has('xl/workbook.xml')) return { format: 'xlsx', parts };
    const mimetype = parts.get('mimetype')?.toString('latin1').trim();
    if (mimetype === 'application/vnd.oasis.opendocument.spreadsheet') return { format: 'ods', parts };
    if (mimetype?.includes('opendocument')) {
      throw new NotAnAppendix(
        'it is an OpenDocument file but not a spreadsheet, and the appendices are Word, Excel, OpenDocument spreadsheet, CSV or JSON files.',
      );
    }
    if (parts.has('ppt/presentation.xml')) throw new NotAnAppendix('it is a PowerPoint file.');
    if ([...parts.keys()].some((n) => /(^|\/)README\.txt$|\.csv$/i.test(n))) return { format: 'csv', parts };
    throw new NotAnAppendix('the zip archive holds neither a Word document, an Excel workbook nor CSV files.');
  }
  if (buf.subarray(0, 8).equals(OLE_MAGIC)) {
    throw new NotAnAppendix('it is an old-format (97-2003) or password-protected Office file.');
  }
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') throw new NotAnAppendix('it is a PDF.');
  const text = buf.toString('utf8').replace(/^\uFEFF/, '');
  if (/^\s*[{[]/.test(text)) {
    vetJson(text);
    return { format: 'json', text };
  }
  throw new NotAnAppendix('it is not a Word (.docx), Excel (.xlsx), OpenDocument (.ods), CSV zip or JSON file.');
}
