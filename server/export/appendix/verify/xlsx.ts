/**
 * What a reader sees in an Excel file, as blocks: every sheet in order with whether it is shown, hidden or very
 * hidden; its hidden rows and columns (hidden, or too narrow or low to show anything); its printed header and
 * footer; and every cell as it shows (the value through its number format, so a format that shows £45,000 as
 * £45.00 is a difference), with the value it holds where that reads otherwise, its formula and its note, marked
 * when its font makes it unreadable (the colour of its background, or under 4 pt); any conditional formatting,
 * each table's style and any table style the workbook defines (the appendix uses one built-in table style: a
 * rule or a style of one's own can hide text). The cover is a sheet like the others. The package is checked as an upload is
 * (vetWorkbookFile: rows per sheet, merged cells, its parts) and ExcelJS reads a copy built from the vetted parts
 * only, so no part ExcelJS reads escaped the vetting.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import SSF from 'ssf';
import { vetWorkbookFile } from '../../../import/vetWorkbookFile.js';
import { WorkbookFileError } from '../../../import/workbookFileError.js';
import { COVER_SHEET } from '../xlsxSheets.js';
import { NotAnAppendix, type Block, type FileIdentity } from './content.js';
import { coverIdentity } from './cover.js';

const DAY_MS = 86_400_000;
/** 1899-12-30, day 0 of Excel's 1900 date system. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function formatted(format: string, value: number | string): string | null {
  try {
    return SSF.format(format, value);
  } catch {
    return null;
  }
}

/** The number a shown text reads as ("£45,000.00" 45000, "25.0%" 0.25), to tell whether it shows the value. */
function readsAs(shown: string): number {
  const n = Number(shown.replace(/[^0-9.eE+-]/g, ''));
  return shown.trim().endsWith('%') ? n / 100 : n;
}

/** A value as a reader sees it in its cell. */
function shownValue(value: ExcelJS.CellValue, format: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    const shown = formatted(format || 'General', value) ?? String(value);
    const back = readsAs(shown);
    if (shown.trim() === '') return `nothing shown (value ${value})`;
    return Math.abs(back - value) <= 1e-9 * Math.max(1, Math.abs(value)) ? shown : `${shown} (value ${value})`;
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const serial = (value.getTime() - EXCEL_EPOCH) / DAY_MS;
    const iso = value.toISOString();
    const plain = iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
    return format && format !== 'General' ? (formatted(format, serial) ?? plain) : plain;
  }
  if (typeof value === 'string')
    return format.includes('@') && format !== '@' ? (formatted(format, value) ?? value) : value;
  if ('formula' in value || 'sharedFormula' in value) {
    const f = value as ExcelJS.CellFormulaValue;
    const result = f.result === undefined ? '' : ` showing ${shownValue(f.result as ExcelJS.CellValue, format)}`;
    return `=${f.formula ?? ''} (a formula${result})`;
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return `${String(value.text)} (a link to ${value.hyperlink})`;
  if ('error' in value) return String(value.error);
  return String(value as unknown);
}

function noteText(note: ExcelJS.Cell['note']): string {
  if (!note) return '';
  const text = typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('');
  return text ? ` [note: ${text}]` : '';
}

/** Narrower than this (in characters) a column shows nothing; lower than this (in points) a row does. */
const MIN_COLUMN_WIDTH = 0.5;
const MIN_ROW_HEIGHT = 3;

/** An ARGB or theme colour as RGB hex; theme 0 is the background colour (white) of every default theme. */
function rgb(color: Partial<ExcelJS.Color> | undefined): string | null {
  if (color?.argb) return color.argb.slice(-6).toUpperCase();
  if ((color as { theme?: number } | undefined)?.theme === 0) return 'FFFFFF';
  return null;
}

/** Why a reader cannot read a cell's text ("text the colour of its background", "text under 4 pt"), or null. */
function unreadable(cell: ExcelJS.Cell): string | null {
  const font = cell.font;
  if (font?.size !== undefined && font.size < 4) return 'text under 4 pt';
  const fill = cell.fill;
  const background = fill?.type === 'pattern' && fill.pattern === 'solid' ? (rgb(fill.fgColor) ?? 'FFFFFF') : 'FFFFFF';
  return rgb(font?.color) === background ? 'text the colour of its background' : null;
}

/** A sheet's conditional formatting as "A2:F40 (expression, cellIs)", or "none". */
function conditionalFormats(ws: ExcelJS.Worksheet): string {
  const rules =
    (ws as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings ?? [];
  return rules.map((f) => `${f.ref} (${f.rules.map((r) => r.type).join(', ')})`).join('; ') || 'none';
}

const STATES: Record<string, string> = { visible: 'shown', hidden: 'hidden', veryHidden: 'very hidden' };

function sheetBlocks(ws: ExcelJS.Worksheet): Block[] {
  const where = `sheet "${ws.name}"`;
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (row.hidden || (row.height !== undefined && row.height < MIN_ROW_HEIGHT)) hiddenRows.push(r);
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const shown = shownValue(cell.value, cell.numFmt ?? '');
      const why = shown ? unreadable(cell) : null;
      cells[c - 1] = (why ? `[${why}: ${shown}]` : shown) + noteText(cell.note);
    });
    const dense = Array.from(cells, (x) => x ?? '');
    if (dense.some((x) => x !== '')) {
      rows.push(dense);
      rowNumbers.push(r);
    }
  });
  const hiddenColumns = (ws.columns ?? [])
    .filter((c) => c.hidden || (c.width !== undefined && c.width < MIN_COLUMN_WIDTH))
    .map((c) => c.letter)
    .join(', ');
  return [
    {
      id: `sheet ${ws.name} layout`,
      where,
      kind: 'fields',
      header: false,
      rows: [
        ['shown', STATES[ws.state] ?? ws.state],
        ['hidden rows', hiddenRows.join(', ') || 'none'],
        ['hidden columns', hiddenColumns || 'none'],
        // What prints at the top and foot of each page (codes such as &P for the page number as written).
        // A rule can hide text (a white font where a condition holds): the appendix has none, so any is an edit.
        ['conditional formats', conditionalFormats(ws)],
        ['printed header', ws.headerFooter?.oddHeader ?? ''],
        ['printed footer', ws.headerFooter?.oddFooter ?? ''],
      ],
    },
    { id: `sheet ${ws.name}`, where, kind: 'table', header: true, rows, rowNumbers },
  ];
}

/** The workbook, vetted as an upload is, and read by ExcelJS from its vetted parts. Throws NotAnAppendix. */
export async function loadWorkbook(bytes: Uint8Array, parts: Map<string, Buffer>): Promise<ExcelJS.Workbook> {
  try {
    await vetWorkbookFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'the file');
  } catch (error) {
    if (!(error instanceof WorkbookFileError)) throw error;
    throw new NotAnAppendix(
      error.problem === 'too-large'
        ? 'the workbook has more rows, merged cells or data than any appendix.'
        : 'the Excel workbook cannot be read (it is damaged, or its parts are not where Excel puts them).',
    );
  }
  const copy = new JSZip();
  for (const [name, data] of parts) copy.file(name, data);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load((await copy.generateAsync({ type: 'nodebuffer', compression: 'STORE' })) as never);
  } catch {
    throw new NotAnAppendix('the Excel workbook cannot be read.');
  }
  return wb;
}

/** The cover's fields: "Register version" and the like, by label. */
function coverFields(wb: ExcelJS.Workbook): Record<string, string> {
  const fields: Record<string, string> = {};
  wb.getWorksheet(COVER_SHEET)?.eachRow((row) => {
    const k = row.getCell(1).value;
    const v = row.getCell(2).value;
    if (typeof k === 'string' && v !== null && v !== undefined) {
      fields[k] = v instanceof Date ? v.toISOString() : typeof v === 'object' ? shownValue(v, '') : String(v);
    }
  });
  return fields;
}

export function xlsxIdentity(wb: ExcelJS.Workbook): FileIdentity {
  const fields = coverFields(wb);
  return coverIdentity(fields);
}

/**
 * Each table's style ("D_Commitments: TableStyleMedium2"), and the table styles the workbook defines itself:
 * a table style of one's own can colour a table's text like its background, so the appendix uses a built-in
 * one and defines none.
 */
function tableStyles(parts: Map<string, Buffer>): string[][] {
  const used = [...parts]
    .filter(([name]) => /^xl\/tables\/[^/]+\.xml$/.test(name))
    .map(([, bytes]) => {
      const xml = bytes.toString('utf8');
      const table = /<table\b[^>]*?\bdisplayName="([^"]*)"/.exec(xml)?.[1] ?? '(a table)';
      return `${table}: ${/<tableStyleInfo\b[^>]*?\bname="([^"]*)"/.exec(xml)?.[1] ?? 'none'}`;
    })
    .sort();
  const styles = parts.get('xl/styles.xml')?.toString('utf8') ?? '';
  const own = [...styles.matchAll(/<tableStyle\b[^>]*?\bname="([^"]*)"/g)].map((m) => m[1]!).sort();
  return [
    ['table styles', used.join('; ') || 'none'],
    ['table styles of its own', own.join('; ') || 'none'],
  ];
}

export function xlsxBlocks(wb: ExcelJS.Workbook, parts: Map<string, Buffer>): Block[] {
  const order: Block = {
    id: 'sheets',
    where: 'the workbook',
    kind: 'fields',
    header: false,
    rows: [['sheets', wb.worksheets.map((ws) => ws.name).join('; ')], ...tableStyles(parts)],
  };
  return [order, ...wb.worksheets.flatMap(sheetBlocks)];
}
