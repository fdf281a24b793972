/// <reference types="office-js" />
/**
 * Reads the five contract tables into raw tables, the shape shared/parse.ts takes (the same as
 * server/import/readWorkbook.ts gives for a file), in two requests whatever the number of rows:
 *
 * 1. each table by name (`getItemOrNullObject`, names ignore case in Excel) and each sheet of that name;
 * 2. for a table: its header row and data body values (a totals row is left out); for a sheet with no such
 *    table (a plain range): its used range, where the header row is the first row holding a header of that
 *    table (so a title above the headers is skipped), or else its first non-blank row, as the file reader does.
 *
 * Only `values` and `address` are loaded. Trailing blank rows are dropped; every row has the header's width.
 */
import { isBlank } from '../../shared/cells.js';
import { TABLES, type TableDef } from '../../shared/contract.js';
import { normaliseName } from '../../shared/table.js';
import type { RawTable, RawTables } from '../../shared/types.js';
import { cellA1, parseAddress } from './address.js';

type Values = unknown[][];

/** Rows without the trailing blank ones. */
export function withoutTrailingBlankRows(rows: Values): Values {
  let end = rows.length;
  while (end > 0 && rows[end - 1]!.every(isBlank)) end -= 1;
  return end === rows.length ? rows : rows.slice(0, end);
}

/** Header texts of `def` as compared (case and runs of spaces ignored). */
export function headerKeys(def: { columns: readonly { header: string }[] }): Set<string> {
  return new Set(def.columns.map((c) => normaliseName(c.header)));
}

export function headerKey(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? normaliseName(value) : null;
}

/** Index of the header row in `values`: the first row holding a header of `def`, else the first non-blank row. */
export function findHeaderRow(values: Values, def: { columns: readonly { header: string }[] }): number {
  const keys = headerKeys(def);
  const holdsHeader = values.findIndex((row) => row.some((v) => keys.has(headerKey(v) ?? '')));
  return holdsHeader >= 0 ? holdsHeader : values.findIndex((row) => row.some((v) => !isBlank(v)));
}

/** The raw table in a sheet's used range (values starting at `address`), as the file reader finds it. */
export function tableInRange(def: TableDef, address: string, values: Values): RawTable {
  const rect = parseAddress(address);
  const headerIndex = findHeaderRow(values, def);
  if (headerIndex < 0) return { sheet: rect.sheet, topLeft: cellA1({ row: rect.top, column: rect.left }), values: [] };
  const header = values[headerIndex]!;
  const used = header.flatMap((v, i) => (isBlank(v) ? [] : [i]));
  const first = used[0] ?? 0;
  const last = used[used.length - 1] ?? 0;
  const rows = values.slice(headerIndex).map((row) => row.slice(first, last + 1));
  return {
    sheet: rect.sheet,
    topLeft: cellA1({ row: rect.top + headerIndex, column: rect.left + first }),
    values: withoutTrailingBlankRows(rows),
  };
}

export async function readTables(context: Excel.RequestContext): Promise<RawTables> {
  const { workbook } = context;
  const found = TABLES.map((def) => ({
    def,
    table: workbook.tables.getItemOrNullObject(def.name).load('name'),
    sheet: workbook.worksheets.getItemOrNullObject(def.name).load('name'),
  }));
  await context.sync();

  const reads = found.map(({ def, table, sheet }) => {
    if (!table.isNullObject) {
      return {
        def,
        header: table.getHeaderRowRange().load('values,address'),
        body: table.getDataBodyRange().load('values'),
      };
    }
    if (!sheet.isNullObject) return { def, used: sheet.getUsedRangeOrNullObject(true).load('values,address') };
    return { def };
  });
  await context.sync();

  const tables: RawTables = {};
  for (const read of reads) {
    if ('header' in read && read.header && read.body) {
      const rect = parseAddress(read.header.address);
      tables[read.def.name] = {
        sheet: rect.sheet,
        topLeft: cellA1({ row: rect.top, column: rect.left }),
        values: [read.header.values[0] ?? [], ...withoutTrailingBlankRows(read.body.values)],
      };
    } else if ('used' in read && read.used) {
      const sheetName = found.find((f) => f.def === read.def)!.sheet.name;
      tables[read.def.name] = read.used.isNullObject
        ? { sheet: sheetName, topLeft: 'A1', values: [] }
        : tableInRange(read.def, read.used.address, read.used.values);
    }
  }
  return tables;
}
