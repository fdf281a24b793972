/**
 * Finding a contract table in raw tables, matching its headers, and reading its non-blank rows cell by cell
 * into issues with places (sheet, Excel row, contract column header, A1 cell).
 */
import {
  offsetA1,
  parseA1,
  readBoolean,
  readDate,
  readEmail,
  readEnum,
  readNumber,
  readText,
  isBlank,
  MAX_COLUMN,
  MAX_ROW,
} from './cells.js';
import type { CellPosition, CellRead } from './cells.js';
import { isOptionalTable, type ColumnDef, type TableDef } from './contract.js';
import { isRecord, isWellFormedText } from './guards.js';
import { makeIssue, type Issue, type IssueCode } from './issues.js';
import type { RawTables } from './types.js';

export interface Place {
  sheet?: string;
  row?: number;
  column?: string;
  cell?: string;
}

/** Collects issues; severity comes from ISSUE_CODES. */
export class IssueList {
  readonly items: Issue[] = [];

  add(code: IssueCode, message: string, place: Place = {}): void {
    this.items.push(makeIssue(code, message, place));
  }
}

/** A contract table found in the workbook, with its header matched. */
export interface LocatedTable {
  def: TableDef;
  sheet: string;
  /** Position of the first header cell. */
  origin: CellPosition;
  /** values[0] is the header row. Rows that are not arrays count as blank. */
  values: readonly unknown[];
  /** Column key -> 0-based offset from the first header cell. */
  columns: ReadonlyMap<string, number>;
}

/** One non-blank data row. */
export interface DataRow {
  /** Index in `values` (1 is the first data row). */
  index: number;
  /** Excel row number. */
  excelRow: number;
  cells: readonly unknown[];
}

/** Header text as compared: trimmed, lower case, inner runs of spaces as one. */
export function normaliseName(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

function findRaw(tables: RawTables, name: string): unknown {
  if (typeof tables !== 'object' || tables === null) return undefined;
  const wanted = normaliseName(name);
  for (const key of Object.keys(tables)) {
    if (normaliseName(key) === wanted) return (tables as Record<string, unknown>)[key];
  }
  return undefined;
}

/**
 * Finds `def` in `tables` (name ignoring case) and matches its header row. Reports `table/missing` when the
 * table is absent or cannot be read, `table/missing-column` for each absent required column and
 * `table/extra-column` for unknown or repeated columns. Returns null when the table is missing (silently for an
 * optional table, Data sharing).
 */
export function locateTable(tables: RawTables, def: TableDef, issues: IssueList): LocatedTable | null {
  const raw = findRaw(tables, def.name);
  const place = { sheet: def.name };
  if ((raw === undefined || raw === null) && isOptionalTable(def)) return null;
  if (raw === undefined || raw === null) {
    issues.add(
      'table/missing',
      `The workbook has no ${def.name} table; add a ${def.name} sheet with its table.`,
      place,
    );
    return null;
  }
  // A sheet name issues can carry: a broken one (an unpaired surrogate) could not be stored with a warning.
  const sheet =
    isRecord(raw) && typeof raw.sheet === 'string' && raw.sheet.trim() !== '' && isWellFormedText(raw.sheet)
      ? raw.sheet
      : def.name;
  const values = isRecord(raw) ? raw.values : undefined;
  const origin = isRecord(raw) ? parseA1(raw.topLeft) : null;
  if (!Array.isArray(values) || !origin) {
    const why = !Array.isArray(values)
      ? 'holds no cell values'
      : `has no valid top-left cell address (${isRecord(raw) && typeof raw.topLeft === 'string' ? `"${raw.topLeft}"` : 'none'})`;
    issues.add('table/missing', `The ${def.name} table could not be read: it ${why}.`, { sheet });
    return null;
  }
  const header: unknown[] = Array.isArray(values[0]) ? values[0] : [];
  if (
    origin.row + Math.max(values.length, 1) - 1 > MAX_ROW ||
    origin.column + Math.max(header.length, 1) - 1 > MAX_COLUMN
  ) {
    issues.add('table/missing', `The ${def.name} table could not be read: it runs beyond the edge of the sheet.`, {
      sheet,
    });
    return null;
  }

  const byName = new Map(def.columns.map((c) => [normaliseName(c.header), c] as const));
  const columns = new Map<string, number>();
  const headerRow = origin.row;
  header.forEach((cell, c) => {
    if (isBlank(cell)) return;
    const at = { sheet, row: headerRow, cell: offsetA1(origin, 0, c) };
    const text = readText(cell);
    if (!text.ok) {
      issues.add('table/extra-column', `The column header ${text.problem.message}; the column is ignored.`, at);
      return;
    }
    const col = byName.get(normaliseName(text.value ?? ''));
    if (!col) {
      issues.add(
        'table/extra-column',
        `Column "${text.value}" is not part of the ${def.name} table and is ignored. Its columns are: ${def.columns.map((x) => x.header).join(', ')}.`,
        at,
      );
      return;
    }
    const first = columns.get(col.key);
    if (first !== undefined) {
      issues.add(
        'table/extra-column',
        `Column "${col.header}" appears twice; this one is ignored and the one in ${offsetA1(origin, 0, first)} is read.`,
        { ...at, column: col.header },
      );
      return;
    }
    columns.set(col.key, c);
  });
  for (const col of def.columns) {
    if (col.required && !columns.has(col.key)) {
      issues.add(
        'table/missing-column',
        `The ${def.name} table has no "${col.header}" column; add it to the header row. ${col.help}`,
        { sheet, row: headerRow, column: col.header },
      );
    }
  }
  return { def, sheet, origin, values, columns };
}

/** The non-blank data rows of a table, in order. */
export function dataRows(table: LocatedTable): DataRow[] {
  const rows: DataRow[] = [];
  for (let r = 1; r < table.values.length; r++) {
    const cells = table.values[r];
    if (!Array.isArray(cells) || cells.every(isBlank)) continue;
    rows.push({ index: r, excelRow: table.origin.row + r, cells });
  }
  return rows;
}

/** The place of a row, and of its cell in column `key` when the table has that column. */
export function placeOf(table: LocatedTable, row: DataRow, key?: string): Place {
  const place: Place = { sheet: table.sheet, row: row.excelRow };
  if (key === undefined) return place;
  const col = table.def.columns.find((c) => c.key === key);
  if (col) place.column = col.header;
  const c = table.columns.get(key);
  if (c !== undefined) place.cell = offsetA1(table.origin, row.index, c);
  return place;
}

/** The raw value in column `key` of a row (undefined when the table has no such column). */
export function rawCell(table: LocatedTable, row: DataRow, key: string): unknown {
  const c = table.columns.get(key);
  return c === undefined ? undefined : row.cells[c];
}

/** A cell value after reading: enum ids, booleans, numbers, yyyy-mm-dd dates, or text. */
export type CellData = string | number | boolean | null;

/** Reads a value by its column definition, enforcing maxLength. Blank gives null. */
export function readByType(col: ColumnDef, value: unknown): CellRead<CellData> {
  let read: CellRead<CellData>;
  switch (col.type) {
    case 'number':
      read = readNumber(value);
      break;
    case 'date':
      read = readDate(value);
      break;
    case 'email':
      read = readEmail(value);
      break;
    case 'boolean':
      read = readBoolean(value);
      break;
    case 'enum':
      read = col.enum ? readEnum(col.enum, value) : readText(value);
      break;
    default:
      read = readText(value);
  }
  if (read.ok && typeof read.value === 'string' && col.maxLength !== undefined && read.value.length > col.maxLength) {
    return {
      ok: false,
      problem: {
        code: 'cell/too-long',
        message: `is ${read.value.length} characters long; at most ${col.maxLength} are allowed`,
      },
    };
  }
  return read;
}

/**
 * Reads one cell of `col` (a column, or an About field read from `place`), reporting a bad value or a blank
 * required cell. `place` may be a function, called only when there is an issue. `name` is what messages call it (the column header or the About field name).
 */
export function readCellAt(
  col: ColumnDef,
  value: unknown,
  place: Place | (() => Place),
  issues: IssueList,
  noun: string,
  name = col.header,
): CellData {
  const read = readByType(col, value);
  if (!read.ok) {
    issues.add(read.problem.code, `${name} ${read.problem.message}.`, typeof place === 'function' ? place() : place);
    return null;
  }
  if (read.value === null && col.required) {
    issues.add(
      'cell/required',
      `${name} is required for each ${noun}. ${col.help}`,
      typeof place === 'function' ? place() : place,
    );
  }
  return read.value;
}

/** Reads every contract column of a row by its type: key -> value (null when blank or bad). */
export function readRow(table: LocatedTable, row: DataRow, issues: IssueList): Record<string, CellData> {
  const out: Record<string, CellData> = {};
  for (const col of table.def.columns) {
    if (!table.columns.has(col.key)) {
      out[col.key] = null;
      continue;
    }
    out[col.key] = readCellAt(
      col,
      rawCell(table, row, col.key),
      () => placeOf(table, row, col.key),
      issues,
      table.def.rowNoun,
    );
  }
  return out;
}

export function textOf(values: Record<string, CellData>, key: string): string | null {
  const v = values[key];
  return typeof v === 'string' ? v : null;
}

export function numberOf(values: Record<string, CellData>, key: string): number | null {
  const v = values[key];
  return typeof v === 'number' ? v : null;
}

export function booleanOf(values: Record<string, CellData>, key: string): boolean | null {
  const v = values[key];
  return typeof v === 'boolean' ? v : null;
}

/** "Alpha, Beta and 3 more" style list for messages, at most `max` items. */
export function listForMessage(items: readonly string[], max = 10): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
