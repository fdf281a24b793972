/**
 * `verify`: is this file a true copy of a register version? Pure: given the file's bytes and a lookup of a
 * register version (with its sign-offs), it reads the version and digest the file names (Word custom
 * properties, the Excel cover sheet, the CSV README, the JSON register's fields), checks that the register
 * version exists with that digest, then compares the file with what that version renders to: every table cell
 * of a Word file (and its footer), every cell of every sheet of an Excel file, every field of every CSV file;
 * a JSON register's digest is recomputed from its content. Used by `oda-register verify` and POST /api/verify.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { registerDigest } from '../../../shared/consolidate.js';
import { canonicalJson } from '../../../shared/digest.js';
import { diffRegisters } from '../../../shared/diff.js';
import { REGISTER_SCHEMA, type Register } from '../../../shared/types.js';
import type { SignOff, StoredRegister } from '../../store/types.js';
import { csvFiles, README_FILE } from './csv.js';
import { docxCustomProperties, docxFooterTexts, docxTableTexts } from './docxRead.js';
import { docxLayout, docxTables, tableText } from './docxLayout.js';
import { shortDigest, ukDate } from '../../../shared/displayFormat.js';
import { claimedIdentity, PROPERTY, type ClaimedIdentity } from './identity.js';
import { buildAppendix, type Appendix } from './model.js';
import type { AppendixFormat } from './formats.js';
import { COVER, COVER_SHEET, xlsxSheets } from './xlsxSheets.js';
import type { SheetValue } from './cellValues.js';

export type Verdict = 'true-copy' | 'edited' | 'unknown-register' | 'not-an-appendix';

/** The exit code of `oda-register verify` for each verdict. */
export const VERIFY_EXIT_CODES: Record<Verdict, number> = {
  'true-copy': 0,
  edited: 1,
  'unknown-register': 1,
  'not-an-appendix': 2,
};

export interface Difference {
  /** "Appendix D Resource commitments: commitments". */
  where: string;
  /** Row in the table, sheet or file (1 = the header row), when the difference is in one. */
  row: number | null;
  /** The column's header or the field's name. */
  field: string | null;
  /** What the file holds, and what the register version renders there ("" for nothing). */
  found: string;
  expected: string;
}

export interface VerifyResult {
  verdict: Verdict;
  format: AppendixFormat | null;
  version: number | null;
  digest: string | null;
  partnership: string | null;
  /** One plain sentence, then (for an edited file) the first differences. */
  message: string;
  differences: Difference[];
}

export interface RegisterLookup {
  /** The register version with its sign-offs, or null when there is none. */
  (version: number): Promise<{ stored: StoredRegister; signOffs: readonly SignOff[] } | null>;
}

/** Differences listed in the message; all of them are in `differences`. */
const SHOWN = 10;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function notAnAppendix(why: string, format: AppendixFormat | null = null): VerifyResult {
  return {
    verdict: 'not-an-appendix',
    format,
    version: null,
    digest: null,
    partnership: null,
    message: `Not a register appendix: ${why}`,
    differences: [],
  };
}

function show(text: string): string {
  const one = text.replace(/\r?\n/g, ' ⏎ ');
  return `"${one.length > 80 ? `${one.slice(0, 77)}...` : one}"`;
}

export function describeDifference(d: Difference): string {
  const place = [d.where, d.row !== null ? `row ${d.row}` : null, d.field].filter(Boolean).join(', ');
  if (d.found === '' && d.expected !== '')
    return `${place}: missing from the file (the register has ${show(d.expected)}).`;
  if (d.expected === '' && d.found !== '')
    return `${place}: the file has ${show(d.found)}, which the register does not.`;
  return `${place}: the file says ${show(d.found)}, the register says ${show(d.expected)}.`;
}

function identityText(version: number, digest: string, partnership: string): string {
  return `register version ${version} (${shortDigest(digest)}...) of the ${partnership}`;
}

/** Compares two grids of text cell by cell (rows and columns beyond either side count as differences). */
function compareGrids(
  where: string,
  found: readonly (readonly string[])[],
  expected: readonly (readonly string[])[],
  fieldOf: (row: number, column: number) => string,
  out: Difference[],
): void {
  const rows = Math.max(found.length, expected.length);
  for (let r = 0; r < rows; r++) {
    const f = found[r] ?? [];
    const e = expected[r] ?? [];
    const columns = Math.max(f.length, e.length);
    for (let c = 0; c < columns; c++) {
      const a = f[c] ?? '';
      const b = e[c] ?? '';
      if (a !== b) out.push({ where, row: r + 1, field: fieldOf(r, c), found: a, expected: b });
    }
  }
}

// ---- Word

async function verifyDocx(zip: JSZip): Promise<VerifyResult | Checked> {
  const claimed = claimedIdentity(await docxCustomProperties(zip));
  if (!claimed)
    return notAnAppendix('this Word document has no register version and digest in its properties.', 'docx');
  return {
    claimed,
    format: 'docx',
    compare: async (appendix) => {
      const differences: Difference[] = [];
      const documentXml = (await zip.file('word/document.xml')?.async('string')) ?? '';
      const found = docxTableTexts(documentXml);
      const expected = docxTables(docxLayout(appendix));
      const n = Math.max(found.length, expected.length);
      for (let t = 0; t < n; t++) {
        const e = expected[t];
        const f = found[t];
        if (!e) {
          differences.push({ where: `table ${t + 1}`, row: null, field: null, found: 'a table', expected: '' });
          continue;
        }
        if (!f) {
          differences.push({ where: e.caption, row: null, field: null, found: '', expected: 'the whole table' });
          continue;
        }
        const grid = tableText(e);
        compareGrids(
          e.caption,
          f,
          grid,
          (r, c) =>
            e.header ? (r === 0 ? 'header' : (e.header[c] ?? `column ${c + 1}`)) : (grid[r]?.[0] ?? `column ${c + 1}`),
          differences,
        );
      }
      const id = appendix.identity;
      const footer = `${id.partnershipName} · Register version ${id.version} · ${ukDate(id.createdAt)} · ${shortDigest(id.digest)} · `;
      const footers = await docxFooterTexts(zip);
      for (const text of footers) {
        if (!text.startsWith(footer)) {
          differences.push({ where: 'the page footer', row: null, field: null, found: text, expected: footer });
          break;
        }
      }
      if (footers.length === 0)
        differences.push({ where: 'the page footer', row: null, field: null, found: '', expected: footer });
      return differences;
    },
  };
}

// ---- Excel

function cellText(v: ExcelJS.CellValue): { text: string; formula: boolean } {
  if (v === null || v === undefined) return { text: '', formula: false };
  if (v instanceof Date) return { text: `date:${v.toISOString()}`, formula: false };
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v)
      return { text: `=${String((v as { formula?: string }).formula ?? '')}`, formula: true };
    if ('richText' in v) return { text: v.richText.map((r) => r.text).join(''), formula: false };
    if ('text' in v) return { text: String(v.text), formula: false };
    if ('error' in v) return { text: String(v.error), formula: false };
  }
  return { text: typeof v === 'number' ? `number:${v}` : String(v), formula: false };
}

function expectedText(v: SheetValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return `date:${v.toISOString()}`;
  return typeof v === 'number' ? `number:${v}` : v;
}

/** How an Excel value reads in a message: "date:2025-04-01T00:00:00.000Z" -> "2025-04-01". */
function plain(text: string): string {
  if (text.startsWith('date:')) return text.slice(5, 15);
  if (text.startsWith('number:')) return text.slice(7);
  return text;
}

async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook | null> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    return wb;
  } catch {
    return null;
  }
}

async function verifyXlsx(bytes: Uint8Array): Promise<VerifyResult | Checked> {
  const wb = await loadWorkbook(bytes);
  if (!wb) return notAnAppendix('the Excel file cannot be read.', 'xlsx');
  const cover = wb.getWorksheet(COVER_SHEET);
  const fields: Record<string, string> = {};
  cover?.eachRow((row) => {
    const k = cellText(row.getCell(1).value).text;
    const v = plain(cellText(row.getCell(2).value).text);
    if (k) fields[k] = v;
  });
  const claimed = claimedIdentity({
    [PROPERTY.version]: fields[COVER.version],
    [PROPERTY.digest]: fields[COVER.digest],
    [PROPERTY.asOf]: fields[COVER.asOfIso],
  });
  if (!claimed)
    return notAnAppendix(`this workbook has no "${COVER_SHEET}" sheet naming a register version and digest.`, 'xlsx');
  return {
    claimed,
    format: 'xlsx',
    compare: async (appendix) => {
      const differences: Difference[] = [];
      const plans = xlsxSheets(appendix);
      const expectedNames = new Set(plans.map((p) => p.name));
      for (const ws of wb.worksheets) {
        if (!expectedNames.has(ws.name)) {
          differences.push({ where: `sheet "${ws.name}"`, row: null, field: null, found: 'a sheet', expected: '' });
        }
      }
      for (const plan of plans) {
        const ws = wb.getWorksheet(plan.name);
        const where = `${plan.caption} (sheet "${plan.name}")`;
        if (!ws) {
          differences.push({ where, row: null, field: null, found: '', expected: 'the whole sheet' });
          continue;
        }
        const grid: string[][] = plan.rows.map((r) => r.map(expectedText));
        for (const e of plan.extra) {
          (grid[e.row - 1] ??= [])[e.column - 1] = e.value;
        }
        const found: string[][] = [];
        ws.eachRow({ includeEmpty: false }, (row, r) => {
          const cells: string[] = [];
          row.eachCell({ includeEmpty: false }, (cell, c) => {
            const { text, formula } = cellText(cell.value);
            cells[c - 1] = formula ? `${text} (a formula)` : text;
          });
          found[r - 1] = cells;
        });
        const rowsFound = Array.from({ length: found.length }, (_, i) => Array.from(found[i] ?? [], (x) => x ?? ''));
        const rowsExpected = Array.from({ length: grid.length }, (_, i) => Array.from(grid[i] ?? [], (x) => x ?? ''));
        const before = differences.length;
        compareGrids(
          where,
          rowsFound,
          rowsExpected,
          (_r, c) => String(plan.rows[0]?.[c] ?? `column ${c + 1}`),
          differences,
        );
        for (const d of differences.slice(before)) {
          d.found = plain(d.found);
          d.expected = plain(d.expected);
        }
      }
      return differences;
    },
  };
}

// ---- CSV

async function verifyCsvZip(zip: JSZip): Promise<VerifyResult | Checked> {
  const readme = (await zip.file(README_FILE)?.async('string')) ?? '';
  const props: Record<string, string> = {};
  for (const line of readme.split(/\r?\n/)) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) props[m[1]!.trim()] = m[2]!.trim();
  }
  const claimed = claimedIdentity(props);
  if (!claimed) return notAnAppendix(`this zip has no ${README_FILE} naming a register version and digest.`, 'csv');
  return {
    claimed,
    format: 'csv',
    compare: async (appendix) => {
      const differences: Difference[] = [];
      const files = csvFiles(appendix);
      const names = new Set([README_FILE, ...files.map((f) => f.name)]);
      for (const name of Object.keys(zip.files)) {
        if (!zip.files[name]!.dir && !names.has(name)) {
          differences.push({ where: `file ${name}`, row: null, field: null, found: 'a file', expected: '' });
        }
      }
      for (const f of files) {
        const entry = zip.file(f.name);
        if (!entry) {
          differences.push({ where: f.caption, row: null, field: null, found: '', expected: 'the whole file' });
          continue;
        }
        const text = await entry.async('string');
        let rows: string[][];
        try {
          rows = parseCsv(text, { bom: true, relax_column_count: true }) as string[][];
        } catch (err) {
          differences.push({
            where: f.caption,
            row: null,
            field: null,
            found: `not valid CSV (${(err as Error).message})`,
            expected: 'CSV',
          });
          continue;
        }
        compareGrids(f.caption, rows, f.rows, (_r, c) => f.rows[0]?.[c] ?? `column ${c + 1}`, differences);
      }
      return differences;
    },
  };
}

// ---- JSON

const valueText = (v: unknown): string => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));

function verifyJson(text: string): VerifyResult | Checked {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return notAnAppendix('the file is neither a Word, Excel or zip file nor valid JSON.');
  }
  const r = value as Partial<Register> | null;
  if (!r || typeof r !== 'object' || r.schema !== REGISTER_SCHEMA) {
    return notAnAppendix(`this JSON is not a register (its "schema" is not "${REGISTER_SCHEMA}").`, 'json');
  }
  const claimed = claimedIdentity({ [PROPERTY.version]: String(r.version), [PROPERTY.digest]: String(r.digest) });
  if (!claimed) return notAnAppendix('this register JSON has no valid "version" and "digest".', 'json');
  return {
    claimed,
    format: 'json',
    compareRegister: (stored) => {
      const differences: Difference[] = [];
      const fileRegister = r as Register;
      if (fileRegister.createdAt !== stored.register.createdAt) {
        differences.push({
          where: 'the register',
          row: null,
          field: 'createdAt',
          found: String(fileRegister.createdAt),
          expected: stored.register.createdAt,
        });
      }
      let digest: string | null = null;
      try {
        digest = registerDigest(fileRegister);
      } catch {
        // Not canonicalisable (a number out of range, a lone surrogate): it cannot be the register.
      }
      if (digest === stored.digest) return differences;
      try {
        const diff = diffRegisters(stored.register, fileRegister);
        for (const [table, d] of Object.entries(diff.tables)) {
          for (const ch of d.changed) {
            for (const c of ch.changes) {
              differences.push({
                where: `${table} ${ch.key}`,
                row: null,
                field: c.field,
                found: valueText(c.to),
                expected: valueText(c.from),
              });
            }
          }
          for (const a of d.added)
            differences.push({ where: table, row: null, field: null, found: canonicalJson(a), expected: '' });
          for (const a of d.removed)
            differences.push({ where: table, row: null, field: null, found: '', expected: canonicalJson(a) });
        }
      } catch {
        // The file's tables are not register rows: compared as wholes below.
      }
      if (differences.length === 0) {
        const a = stored.register as unknown as Record<string, unknown>;
        const b = fileRegister as unknown as Record<string, unknown>;
        for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
          if (key === 'version' || key === 'digest') continue;
          let same: boolean;
          try {
            same = canonicalJson(a[key]) === canonicalJson(b[key]);
          } catch {
            same = false;
          }
          if (!same) differences.push({ where: 'the register', row: null, field: key, found: 'changed', expected: '' });
        }
      }
      if (differences.length === 0) {
        differences.push({
          where: 'the register',
          row: null,
          field: null,
          found: `content digest ${digest ?? 'none'}`,
          expected: stored.digest,
        });
      }
      return differences;
    },
  };
}

// ---- the verdict

interface Checked {
  claimed: ClaimedIdentity;
  format: AppendixFormat;
  compare?: (appendix: Appendix) => Promise<Difference[]>;
  compareRegister?: (stored: StoredRegister) => Difference[];
}

async function readFile(bytes: Uint8Array): Promise<VerifyResult | Checked> {
  if (bytes.length === 0) return notAnAppendix('the file is empty.');
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) {
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes);
    } catch {
      return notAnAppendix('the file looks like a zip archive but cannot be opened.');
    }
    if (zip.file('word/document.xml')) return verifyDocx(zip);
    if (zip.file('xl/workbook.xml')) return verifyXlsx(bytes);
    if (zip.file(README_FILE) || Object.keys(zip.files).some((n) => n.endsWith('.csv'))) return verifyCsvZip(zip);
    return notAnAppendix('the zip archive holds neither a Word document, an Excel workbook nor CSV files.');
  }
  const text = Buffer.from(bytes)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  if (/^\s*[{[]/.test(text)) return verifyJson(text);
  return notAnAppendix('it is not a Word (.docx), Excel (.xlsx), CSV zip or JSON file.');
}

/** Whether `bytes` are a true copy of the register version they name. */
export async function verifyAppendix(bytes: Uint8Array, lookup: RegisterLookup): Promise<VerifyResult> {
  const read = await readFile(bytes);
  if ('verdict' in read) return read;
  const { claimed, format } = read;
  const found = await lookup(claimed.version);
  if (!found || found.stored.digest !== claimed.digest) {
    return {
      verdict: 'unknown-register',
      format,
      version: claimed.version,
      digest: claimed.digest,
      partnership: found?.stored.register.partnership.name ?? null,
      message:
        `No register version ${claimed.version} with digest ${shortDigest(claimed.digest)}... exists here` +
        (found ? ` (version ${claimed.version} has ${shortDigest(found.stored.digest)}...)` : '') +
        ': this file does not come from this register, or its version or digest was changed.',
      differences: [],
    };
  }
  const { stored, signOffs } = found;
  const name = stored.register.partnership.name;
  const differences = read.compareRegister
    ? read.compareRegister(stored)
    : await read.compare!(buildAppendix({ stored, signOffs, asOf: claimed.asOf ?? stored.createdAt }));
  const id = identityText(stored.version, stored.digest, name);
  if (differences.length === 0) {
    return {
      verdict: 'true-copy',
      format,
      version: stored.version,
      digest: stored.digest,
      partnership: name,
      message: `True copy of ${id}.`,
      differences,
    };
  }
  const lines = differences.slice(0, SHOWN).map((d) => `  ${describeDifference(d)}`);
  if (differences.length > SHOWN) lines.push(`  ... and ${differences.length - SHOWN} more.`);
  return {
    verdict: 'edited',
    format,
    version: stored.version,
    digest: stored.digest,
    partnership: name,
    message: `Edited: this file names ${id}, but ${differences.length === 1 ? 'one value differs' : `${differences.length} values differ`} from it:\n${lines.join('\n')}`,
    differences,
  };
}
