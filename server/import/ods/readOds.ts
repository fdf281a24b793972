/**
 * Reads the content part of an OpenDocument spreadsheet (content.xml, vetted by vetOds.ts) into raw tables by
 * the rules of readWorkbook.ts, so an .ods and the same workbook as .xlsx give the parser the same tables:
 * - a database range named like a contract table (LibreOffice's form of an Excel table, and what it makes of
 *   one when it opens an .xlsx) is that table; else a sheet named like it (tableRegions.ts);
 * - values as ExcelJS gives them for the same cells: numbers (also percentages and currency), booleans, dates
 *   as Date at midnight UTC, text (paragraphs joined by line breaks), a cell that is one link as
 *   { text, hyperlink }, a formula as { formula, result } with its saved result, an error as { error }, and
 *   the formulas =TRUE() and =FALSE() (LibreOffice's form of an .xlsx's TRUE and FALSE) as booleans;
 * - merged cells as in readWorkbook.ts: the first column of a merged region repeats its value down the rows
 *   it covers, other covered cells are blank;
 * - repeated rows and cells (table:number-rows-repeated, table:number-columns-repeated) are filled only where
 *   they hold a value, and refused before they are filled past WORKBOOK_LIMITS (rows per sheet, cells per
 *   row, cells filled by repetition), so a few bytes cannot ask for millions of cells.
 *
 * The XML is parsed by saxes (a streaming, non-validating parser that expands no entities but the five of
 * XML), the parser ExcelJS uses for .xlsx. This file is the only one that knows the .ods format: replacing the
 * library means replacing it (docs/ods.md).
 */
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';
import { parseA1 } from '../../../shared/cells.js';
import { TABLES } from '../../../shared/contract.js';
import type { CellValue, RawTables } from '../../../shared/types.js';
import { findSheetRegion, readRegion, type Grid, type Region } from '../tableRegions.js';
import { WORKBOOK_LIMITS, WorkbookFileError } from '../workbookFileError.js';

const OFFICE = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
const TABLE = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';
const TEXT = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
const XLINK = 'http://www.w3.org/1999/xlink';
const CALCEXT = 'urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0';

/** A sheet of the .ods: its non-blank cells by row, then column. */
export class OdsSheet implements Grid {
  readonly rows = new Map<number, Map<number, CellValue>>();
  constructor(readonly name: string) {}
  rowNumbers(): number[] {
    return [...this.rows.keys()].sort((a, b) => a - b);
  }
  width(r: number): number {
    const row = this.rows.get(r);
    return row ? Math.max(0, ...row.keys()) : 0;
  }
  rowValues(r: number, first: number, last: number): CellValue[] {
    const row = this.rows.get(r);
    const values: CellValue[] = [];
    for (let c = first; c <= last; c++) values.push(row?.get(c) ?? null);
    return values;
  }
  lastRow(): number {
    return Math.max(0, ...this.rows.keys());
  }
}

/** A database range: a name and where it is. */
interface DatabaseRange {
  name: string;
  sheet: string;
  from: string;
  to: string;
}

/** The cell being read: its attributes, and its text as it comes. */
interface OpenCell {
  covered: boolean;
  attrs: Map<string, string>;
  paragraphs: string[];
  /** Text of the paragraph being read, or null outside one. */
  paragraph: string | null;
  links: string[];
  /** Text outside any link, to tell a cell that is one link from text holding one. */
  textOutsideLinks: boolean;
  linkDepth: number;
}

function attributesOf(tag: SaxesTagNS): Map<string, string> {
  const map = new Map<string, string>();
  for (const a of Object.values(tag.attributes) as SaxesAttributeNS[]) map.set(`${a.uri} ${a.local}`, a.value);
  return map;
}

function count(attrs: Map<string, string>, key: string): number {
  const n = Number(attrs.get(key) ?? '1');
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/** office:date-value (2025-04-01 or 2025-04-01T09:30:00) as ExcelJS gives a date: that moment read as UTC. */
function dateOf(text: string): Date | string {
  const m = /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?)?/.exec(text);
  if (!m) return text;
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  return new Date(
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms),
  );
}

/** office:time-value (PT09H30M00S) as a fraction of a day, as a time-only cell is stored in .xlsx. */
function timeOf(text: string): number | string {
  const m = /^(-)?PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/.exec(text);
  if (!m) return text;
  const seconds = Number(m[2] ?? 0) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
  return ((m[1] ? -1 : 1) * seconds) / 86_400;
}

/** The value of a finished cell, as ExcelJS would give the same cell of an .xlsx. */
function valueOf(cell: OpenCell): CellValue {
  const a = cell.attrs;
  const text = cell.paragraphs.join('\n');
  const type = a.get(`${OFFICE} value-type`);
  let value: CellValue;
  if (a.get(`${CALCEXT} value-type`) === 'error') value = { error: text };
  else if (type === 'float' || type === 'percentage' || type === 'currency') {
    const n = Number(a.get(`${OFFICE} value`));
    value = Number.isNaN(n) ? text : n;
  } else if (type === 'date') value = dateOf(a.get(`${OFFICE} date-value`) ?? text);
  else if (type === 'time') value = timeOf(a.get(`${OFFICE} time-value`) ?? text);
  else if (type === 'boolean') value = a.get(`${OFFICE} boolean-value`) === 'true';
  else if (type === 'string') value = a.get(`${OFFICE} string-value`) ?? text;
  else value = text === '' ? null : text;
  if (typeof value === 'string' && cell.links.length === 1 && !cell.textOutsideLinks) {
    value = { text: value, hyperlink: cell.links[0] };
  }
  const formula = a.get(`${TABLE} formula`);
  if (formula === undefined) return value;
  // LibreOffice saves an .xlsx's TRUE and FALSE cells as the formulas =TRUE() and =FALSE(), sometimes with a
  // number as their result: they are the constants, as the .xlsx holds them.
  const constant = /^(?:of:)?=(TRUE|FALSE)\(\)$/i.exec(formula.trim());
  if (constant) return constant[1]!.toUpperCase() === 'TRUE';
  return { formula, result: type === undefined ? undefined : value };
  return value;
}

function tooLarge(fileName: string, message: string): WorkbookFileError {
  return new WorkbookFileError('too-large', fileName, `${fileName} ${message}`);
}

/** Reads the sheets and database ranges of content.xml; throws WorkbookFileError. */
export function readOdsContent(content: Buffer, fileName: string): { sheets: OdsSheet[]; ranges: DatabaseRange[] } {
  const sheets: OdsSheet[] = [];
  const ranges: DatabaseRange[] = [];
  let sheet: OdsSheet | null = null;
  let row = 0;
  let rowRepeat = 1;
  let rowsFilled = 0;
  let column = 0;
  let cells: Map<number, CellValue> | null = null;
  let cell: OpenCell | null = null;
  /** Depth inside a cell's annotation or drawing, whose text is not the cell's. */
  let skip = 0;
  /** For each merged region's first column: its value and last row. */
  let masters = new Map<number, { value: CellValue; lastRow: number }>();
  let repeatedCells = 0;

  const parser = new SaxesParser({ xmlns: true });
  parser.on('opentag', (tag) => {
    if (cell) {
      if (skip > 0 || tag.uri !== TEXT) {
        // An annotation, a drawing or anything else in the cell that is not its text.
        skip += 1;
      } else if (tag.uri === TEXT) {
        if (tag.local === 'p' || tag.local === 'h') cell.paragraph = '';
        else if (tag.local === 's')
          cell.paragraph = (cell.paragraph ?? '') + ' '.repeat(Math.min(count(attributesOf(tag), `${TEXT} c`), 1000));
        else if (tag.local === 'tab') cell.paragraph = (cell.paragraph ?? '') + '\t';
        else if (tag.local === 'line-break') cell.paragraph = (cell.paragraph ?? '') + '\n';
        else if (tag.local === 'a') {
          cell.linkDepth += 1;
          const href = attributesOf(tag).get(`${XLINK} href`);
          if (href !== undefined) cell.links.push(href);
        }
      }
      return;
    }
    if (tag.uri !== TABLE) return;
    const attrs = attributesOf(tag);
    switch (tag.local) {
      case 'table':
        sheet = new OdsSheet(attrs.get(`${TABLE} name`) ?? `Sheet${sheets.length + 1}`);
        sheets.push(sheet);
        row = 0;
        rowsFilled = 0;
        masters = new Map();
        break;
      case 'table-row':
        if (!sheet) break;
        row += 1;
        rowRepeat = count(attrs, `${TABLE} number-rows-repeated`);
        column = 0;
        cells = new Map();
        break;
      case 'table-cell':
      case 'covered-table-cell':
        if (!cells) break;
        cell = {
          covered: tag.local === 'covered-table-cell',
          attrs,
          paragraphs: [],
          paragraph: null,
          links: [],
          textOutsideLinks: false,
          linkDepth: 0,
        };
        break;
      case 'database-range': {
        const place = rangeAddress(attrs.get(`${TABLE} target-range-address`) ?? '');
        const name = attrs.get(`${TABLE} name`);
        if (place && name) ranges.push({ name, ...place });
        break;
      }
    }
  });
  parser.on('text', (text) => {
    if (!cell || skip > 0 || cell.paragraph === null) return;
    cell.paragraph += text;
    if (cell.linkDepth === 0 && text !== '') cell.textOutsideLinks = true;
  });
  parser.on('closetag', (tag) => {
    if (cell && skip > 0) {
      skip -= 1;
      return;
    }
    if (cell && tag.uri === TEXT) {
      if ((tag.local === 'p' || tag.local === 'h') && cell.paragraph !== null) {
        cell.paragraphs.push(cell.paragraph);
        cell.paragraph = null;
      } else if (tag.local === 'a') cell.linkDepth -= 1;
      return;
    }
    if (tag.uri !== TABLE) return;
    if ((tag.local === 'table-cell' || tag.local === 'covered-table-cell') && cell && cells && sheet) {
      const repeat = count(cell.attrs, `${TABLE} number-columns-repeated`);
      const first = column + 1;
      let value: CellValue;
      if (cell.covered) {
        const master = masters.get(first);
        value = master && master.lastRow >= row ? master.value : null;
      } else {
        value = valueOf(cell);
        const rowsSpanned = count(cell.attrs, `${TABLE} number-rows-spanned`);
        const columnsSpanned = count(cell.attrs, `${TABLE} number-columns-spanned`);
        if (rowsSpanned > 1 || columnsSpanned > 1) masters.set(first, { value, lastRow: row + rowsSpanned - 1 });
        else masters.delete(first);
      }
      column += repeat;
      if (value !== null) {
        if (column > WORKBOOK_LIMITS.maxCellsPerRow) {
          throw tooLarge(
            fileName,
            `has a value in column ${Math.min(column, 16_384)} of sheet ${sheet.name}, more than the ${WORKBOOK_LIMITS.maxCellsPerRow} columns a partner workbook may use: delete it and send the file again.`,
          );
        }
        repeatedCells += repeat - 1;
        if (repeatedCells > WORKBOOK_LIMITS.maxRepeatedCells) throw tooManyRepeats(fileName);
        for (let c = first; c <= column; c++) cells.set(c, value);
      }
      cell = null;
    } else if (tag.local === 'table-row' && cells && sheet) {
      if (cells.size > 0) {
        rowsFilled += rowRepeat;
        if (rowsFilled > WORKBOOK_LIMITS.maxRowsPerSheet) {
          throw tooLarge(
            fileName,
            `has more than ${WORKBOOK_LIMITS.maxRowsPerSheet.toLocaleString('en-GB')} rows in use on sheet ${sheet.name}, too many for a partner workbook: delete the unused rows below your tables and send it again.`,
          );
        }
        repeatedCells += cells.size * (rowRepeat - 1);
        if (repeatedCells > WORKBOOK_LIMITS.maxRepeatedCells) throw tooManyRepeats(fileName);
        for (let k = 0; k < rowRepeat; k++) sheet.rows.set(row + k, k === 0 ? cells : new Map(cells));
      }
      row += rowRepeat - 1;
      cells = null;
    } else if (tag.local === 'table') {
      sheet = null;
    }
  });

  try {
    const xml = content.toString('utf8');
    const piece = 1 << 20;
    for (let at = 0; at < xml.length; at += piece) parser.write(xml.slice(at, at + piece));
    parser.close();
  } catch (error) {
    if (error instanceof WorkbookFileError) throw error;
    throw new WorkbookFileError(
      'damaged',
      fileName,
      `${fileName} could not be read as an OpenDocument spreadsheet (its content is damaged or not valid XML): open it in LibreOffice, save a new copy as .ods and send that.`,
    );
  }
  return { sheets, ranges };
}

function tooManyRepeats(fileName: string): WorkbookFileError {
  return tooLarge(
    fileName,
    `repeats its cells to fill more than ${WORKBOOK_LIMITS.maxRepeatedCells.toLocaleString('en-GB')} cells, too many for a partner workbook: delete the unused rows and columns and send it again.`,
  );
}

/** A sheet name in a range address: 'Sheet name' (quotes doubled inside) or a bare name. */
const SHEET = `(?:\\$?('(?:[^']|'')+'|[^.':$]+))?`;
const CELL = `\\.\\$?([A-Za-z]{1,3})\\$?(\\d+)`;
const RANGE = new RegExp(`^${SHEET}${CELL}(?::${SHEET}${CELL})?$`);

/** `Commitments.A1:Commitments.J5`, `$'My sheet'.$A$1:.$J$5` -> sheet and corners; null for anything else. */
export function rangeAddress(address: string): { sheet: string; from: string; to: string } | null {
  const m = RANGE.exec(address.trim());
  if (!m || m[1] === undefined) return null;
  const sheet = m[1].startsWith("'") ? m[1].slice(1, -1).replace(/''/g, "'") : m[1];
  const from = `${m[2]!.toUpperCase()}${m[3]}`;
  const to = m[5] === undefined ? from : `${m[5].toUpperCase()}${m[6]}`;
  return { sheet, from, to };
}

/** The region of a database range named like the table (any case), as readWorkbook.ts reads an Excel table. */
function findDatabaseRange(
  sheets: readonly OdsSheet[],
  ranges: readonly DatabaseRange[],
  table: string,
): Region | null {
  const wanted = table.toLowerCase();
  for (const range of ranges) {
    if (range.name.toLowerCase() !== wanted) continue;
    const grid = sheets.find((s) => s.name === range.sheet);
    const start = parseA1(range.from);
    const end = parseA1(range.to);
    if (!grid || !start || !end) continue;
    return { grid, headerRow: start.row, firstColumn: start.column, lastColumn: end.column, lastRow: end.row };
  }
  return null;
}

/** The raw tables of an .ods, from its vetted content part. Throws WorkbookFileError. */
export function readOdsTables(content: Buffer, fileName: string): RawTables {
  const { sheets, ranges } = readOdsContent(content, fileName);
  const tables: RawTables = {};
  for (const def of TABLES) {
    const region = findDatabaseRange(sheets, ranges, def.name) ?? findSheetRegion(sheets, def);
    if (region) tables[def.name] = readRegion(region, fileName);
  }
  return tables;
}
