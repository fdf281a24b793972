/**
 * Checks a partner file before ExcelJS parses it, so every file that is not a readable .xlsx gets one
 * sentence naming the file and saying what to do, and no file can exhaust memory or time:
 * - empty or over WORKBOOK_LIMITS.maxFileBytes;
 * - an OLE compound file (D0 CF 11 E0): a password-protected workbook holds an `EncryptedPackage` stream,
 *   an Excel 97-2003 .xls a `Workbook` (or `Book`) stream; the stream names are found as UTF-16 text in the
 *   file, which tells the two apart without a full compound-file parser;
 * - a PDF, a text or CSV file, or anything else that is not a zip;
 * - a zip that is cut off, damaged (every part is inflated with a size limit and its CRC checked), a zip
 *   bomb (over WORKBOOK_LIMITS.maxUnpackedBytes), a zip with an entry name no spreadsheet has (a path out of
 *   the package, a backslash, a control character, a name twice), or a zip of something else (a Word
 *   document, an .xlsb, a zip of text files);
 * - an OpenDocument spreadsheet (.ods) goes on to ods/vetOds.ts, which hands back its content part;
 * - merged regions covering more cells than WORKBOOK_LIMITS.maxMergedCells.
 */
import { isOdsPackage, vetOds } from './ods/vetOds.js';
import { WORKBOOK_LIMITS, WorkbookFileError } from './workbookFileError.js';
import {
  findWorkbookPackage,
  hasUsualLayout,
  type PackageSheet,
  type PartReader,
  type WorkbookPackage,
} from './workbookPackage.js';
import {
  entryNameProblem,
  listZipEntries,
  readZipEntry,
  scanZipEntry,
  startsLikeZip,
  ZipFormatError,
  type ZipEntry,
} from './zipArchive.js';

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const SAVE_AS_XLSX = 'open it in Excel, save it as Excel Workbook (.xlsx) and send it again';

function utf16(name: string): Buffer {
  return Buffer.from(`${name}\0`, 'utf16le');
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

function looksLikeText(buf: Buffer): boolean {
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) return true;
  const sample = buf.subarray(0, Math.min(buf.length, 4096));
  if (sample.includes(0)) return false;
  let text: string;
  try {
    // Drop the last few bytes: the sample may end inside a multi-byte character.
    text = new TextDecoder('utf-8', { fatal: true }).decode(sample.length === 4096 ? sample.subarray(0, 4092) : sample);
  } catch {
    return false;
  }
  const controls = [...text].filter((ch) => ch < ' ' && !'\t\r\n\f'.includes(ch)).length;
  return controls <= text.length / 100;
}

function vetOleFile(buf: Buffer, name: string): never {
  if (buf.includes(utf16('EncryptedPackage'))) {
    throw new WorkbookFileError(
      'password-protected',
      name,
      `${name} is password-protected: remove the password in Excel (File > Info > Protect Workbook) and send it again.`,
    );
  }
  if (buf.includes(utf16('Workbook')) || buf.includes(utf16('Book'))) {
    throw new WorkbookFileError(
      'old-format',
      name,
      `${name} is an old Excel 97-2003 workbook (.xls): ${SAVE_AS_XLSX}.`,
    );
  }
  throw new WorkbookFileError(
    'password-protected',
    name,
    `${name} is either password-protected or an old Excel 97-2003 file: remove any password in Excel (File > Info > Protect Workbook), save it as Excel Workbook (.xlsx) and send it again.`,
  );
}

/** Says what the zip is when it holds no spreadsheet workbook; never returns. */
function refuseOtherZip(entries: readonly ZipEntry[], name: string, buf: Buffer): never {
  const names = new Set(entries.map((e) => e.name));
  const other = (what: string, advice: string): never => {
    throw new WorkbookFileError('not-xlsx', name, `${name} is ${what}, not an Excel workbook: ${advice}.`);
  };
  if ([...names].some((n) => n.endsWith('workbook.bin'))) {
    throw new WorkbookFileError('not-xlsx', name, `${name} is an Excel binary workbook (.xlsb): ${SAVE_AS_XLSX}.`);
  }
  const mimetype = entries.find((e) => e.name === 'mimetype');
  if (mimetype && readZipEntry(buf, mimetype).toString('utf8').includes('opendocument.text')) {
    other('an OpenDocument text document', 'send the partner workbook as an .xlsx or .ods file');
  }
  if (names.has('word/document.xml')) other('a Word document', 'send the partner workbook as an .xlsx file');
  if (names.has('ppt/presentation.xml')) other('a PowerPoint file', 'send the partner workbook as an .xlsx file');
  if ([...names].some((n) => /(^|\/)workbook\.xml$/.test(n))) {
    // A workbook part is there, but the package's relationships do not lead to it.
    throw new WorkbookFileError(
      'damaged',
      name,
      `${name} is an Excel workbook whose parts do not say where its sheets are (its relationships are missing or wrong): open it in Excel, save it again as Excel Workbook (.xlsx) and send that.`,
    );
  }
  return other('a zip archive', 'send the .xlsx workbook itself rather than a zip of files');
}

const MERGE = /<(?:\w+:)?mergeCell\s[^>]*?ref="\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?"/g;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Cells covered by the merged regions of a worksheet's XML (they follow its cells, after `</sheetData>`). */
function mergedCells(xml: Buffer): number {
  const end = xml.lastIndexOf('sheetData>');
  let total = 0;
  for (const m of xml.toString('utf8', end < 0 ? 0 : end).matchAll(MERGE)) {
    if (m[3] === undefined || m[4] === undefined) continue;
    const width = Math.abs(columnNumber(m[3]) - columnNumber(m[1] ?? 'A')) + 1;
    const height = Math.abs(Number(m[4]) - Number(m[2])) + 1;
    total += width * height;
  }
  return total;
}

/** An .xlsx that passed: where its parts are, and whether ExcelJS finds them there (see workbookPackage.ts). */
export interface VettedXlsx {
  format: 'xlsx';
  pkg: WorkbookPackage;
  read: PartReader;
  usualLayout: boolean;
}

/** An .ods that passed: its content part (content.xml), checked and inflated. */
export interface VettedOds {
  format: 'ods';
  content: Buffer;
}

export type VettedWorkbook = VettedXlsx | VettedOds;

/** Refuses a zip with an entry whose name no spreadsheet program writes, naming it. */
function refuseBadEntryNames(entries: readonly ZipEntry[], name: string): void {
  const seen = new Set<string>();
  for (const entry of entries) {
    const problem = entryNameProblem(entry.name) ?? (seen.has(entry.name) ? 'appears twice' : null);
    seen.add(entry.name);
    if (!problem) continue;
    const shown = JSON.stringify(entry.name.length > 80 ? `${entry.name.slice(0, 77)}...` : entry.name);
    throw new WorkbookFileError(
      'damaged',
      name,
      `${name} is damaged (the name of its part ${shown} ${problem}): open it in the program that made it, save a new copy and send that.`,
    );
  }
}

/**
 * The worksheets to check: those the workbook names, and any other part in the usual worksheet folder (which
 * ExcelJS would read whether or not the workbook names it), by its file name.
 */
function worksheetsOf(pkg: WorkbookPackage, entries: readonly ZipEntry[]): { name: string; part: string }[] {
  const sheets = pkg.sheets.filter((s): s is PackageSheet & { part: string } => s.part !== null);
  for (const entry of entries) {
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name) && !sheets.some((s) => s.part === entry.name)) {
      sheets.push({ name: entry.name.slice('xl/worksheets/'.length), part: entry.name });
    }
  }
  return sheets;
}

/** A row element, with any namespace prefix (`<row `, `<row>`, `<x:row `), and not `<rowBreaks`. */
const ROW_TAG = /<(?:[\w.-]+:)?row[\s>/]/g;
const DIMENSION = /<(?:[\w.-]+:)?dimension\s[^>]*?ref\s*=\s*["'][A-Z]*\d*:?[A-Z]*(\d+)["']/;

/**
 * Counts a worksheet's rows as it inflates and refuses the workbook as soon as there are more than
 * WORKBOOK_LIMITS.maxRowsPerSheet, naming the sheet, the limit and, from the sheet's own `<dimension>`, where
 * its used range ends.
 */
async function refuseTallSheet(buf: Buffer, entry: ZipEntry, sheetName: string, name: string): Promise<void> {
  const limit = WORKBOOK_LIMITS.maxRowsPerSheet;
  let rows = 0;
  let carry = '';
  const used = { lastRow: null as number | null };
  let head = true;
  await scanZipEntry(buf, entry, (piece) => {
    // Tags are ASCII, and in UTF-8 no byte of another character looks like '<': latin1 is exact enough here.
    const text = carry + piece.toString('latin1');
    if (head) {
      const dimension = DIMENSION.exec(text);
      if (dimension || text.includes('sheetData')) {
        head = false;
        used.lastRow = dimension ? Number(dimension[1]) : null;
      }
    }
    // A tag cut off at the end of this piece is counted with the next.
    const cut = text.lastIndexOf('<');
    const whole = cut < 0 ? text : text.slice(0, cut);
    carry = cut < 0 ? '' : text.slice(cut);
    rows += whole.match(ROW_TAG)?.length ?? 0;
    return rows <= limit;
  });
  rows += carry.match(ROW_TAG)?.length ?? 0;
  if (rows <= limit) return;
  const extent =
    used.lastRow !== null && used.lastRow > limit
      ? ` (its used range reaches row ${used.lastRow.toLocaleString('en-GB')})`
      : '';
  throw new WorkbookFileError(
    'too-large',
    name,
    `${name} has more than ${limit.toLocaleString('en-GB')} rows in use on sheet ${sheetName}${extent}, too many for a partner workbook: delete the unused rows below your tables and send it again.`,
  );
}

/** Throws WorkbookFileError unless `buf` is an .xlsx that is safe to hand to ExcelJS, or an .ods safe to parse. */
export async function vetWorkbookFile(buf: Buffer, name: string): Promise<VettedWorkbook> {
  if (buf.length === 0) {
    throw new WorkbookFileError(
      'empty',
      name,
      `${name} is empty: attach the partner workbook (.xlsx) and send it again.`,
    );
  }
  if (buf.length > WORKBOOK_LIMITS.maxFileBytes) {
    throw new WorkbookFileError(
      'too-large',
      name,
      `${name} is ${megabytes(buf.length)}, more than the ${megabytes(WORKBOOK_LIMITS.maxFileBytes)} allowed for a partner workbook: remove pictures and unused sheets and send it again.`,
    );
  }
  if (buf.subarray(0, 8).equals(OLE_MAGIC)) vetOleFile(buf, name);
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') {
    throw new WorkbookFileError(
      'not-xlsx',
      name,
      `${name} is a PDF, not an Excel workbook: send the partner workbook as an .xlsx file.`,
    );
  }
  if (!startsLikeZip(buf)) {
    if (
      looksLikeText(buf) &&
      /^\s*[{[]/.test(
        buf
          .subarray(0, 64)
          .toString('utf8')
          .replace(/^\uFEFF/, ''),
      )
    ) {
      throw new WorkbookFileError(
        'not-xlsx',
        name,
        `${name} is a JSON file (a register or catalogue?), not a partner workbook: give the partner's .xlsx workbook.`,
      );
    }
    if (looksLikeText(buf)) {
      throw new WorkbookFileError(
        'not-xlsx',
        name,
        `${name} is a text or CSV file, not an Excel workbook: ${SAVE_AS_XLSX}.`,
      );
    }
    throw new WorkbookFileError(
      'not-xlsx',
      name,
      `${name} is not an Excel workbook (.xlsx): send the partner workbook saved from Excel as an .xlsx file.`,
    );
  }
  try {
    const entries = listZipEntries(buf);
    refuseBadEntryNames(entries, name);
    if (isOdsPackage(buf, entries)) return { format: 'ods', content: vetOds(buf, entries, name) };
    const byName = new Map(entries.map((e) => [e.name, e]));
    const read: PartReader = (part) => {
      const entry = byName.get(part);
      return entry ? readZipEntry(buf, entry).toString('utf8') : null;
    };
    const pkg = findWorkbookPackage(read) ?? refuseOtherZip(entries, name, buf);
    const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
    if (declared > WORKBOOK_LIMITS.maxUnpackedBytes) {
      throw new WorkbookFileError(
        'too-large',
        name,
        `${name} unpacks to ${megabytes(declared)}, more than the ${megabytes(WORKBOOK_LIMITS.maxUnpackedBytes)} allowed for a partner workbook: remove pictures and unused sheets and send it again.`,
      );
    }
    // Rows first, each sheet read only as far as the limit: a sheet of a million rows is refused after its
    // first hundred thousand, before anything else is unpacked.
    const sheets = worksheetsOf(pkg, entries);
    for (const sheet of sheets) {
      const entry = byName.get(sheet.part);
      if (entry) await refuseTallSheet(buf, entry, sheet.name, name);
    }
    let merged = 0;
    for (const entry of entries) {
      const data = readZipEntry(buf, entry);
      if (sheets.some((s) => s.part === entry.name)) merged += mergedCells(data);
    }
    if (merged > WORKBOOK_LIMITS.maxMergedCells) {
      throw new WorkbookFileError(
        'too-large',
        name,
        `${name} has merged cells covering ${merged} cells, more than the ${WORKBOOK_LIMITS.maxMergedCells} a partner workbook may have: unmerge whole rows or columns and send it again.`,
      );
    }
    return { format: 'xlsx', pkg, read, usualLayout: hasUsualLayout(pkg, read) };
  } catch (error) {
    if (!(error instanceof ZipFormatError)) throw error;
    if (error.kind === 'truncated') {
      throw new WorkbookFileError(
        'truncated',
        name,
        `${name} is incomplete (the file was cut off, perhaps during download or upload): send the whole file again.`,
      );
    }
    const part = error.entryName ? ` (its part ${error.entryName} cannot be read)` : '';
    throw new WorkbookFileError(
      'damaged',
      name,
      `${name} is damaged${part}: open it in Excel, save a new copy and send that.`,
    );
  }
}
