/// <reference types="office-js" />
/**
 * Reads the five contract tables into raw tables, the shape shared/parse.ts takes (the same as
 * server/import/readWorkbook.ts gives for a file), in three requests for a workbook of ordinary size:
 *
 * 1. each table by name (`getItemOrNullObject`, names ignore case in Excel) and each sheet of that name;
 * 2. for a table: its header row and the size of its data body (a totals row is left out); for a sheet with
 *    no such table (a plain range): the address of its used range;
 * 3. the values, in row ranges sized so that each response stays under Excel on the web's 5 MB limit
 *    (readSize.ts: every text at the contract's longest): all five tables in one response while they fit,
 *    more responses only for tables too large for one. Should a response still be refused
 *    (ResponsePayloadSizeLimitExceeded: text far longer than estimated), the same rows are read again in
 *    pieces half the size; reading changes nothing, so a retry is safe.
 *
 * In a plain range the header row is the first row holding a header of that table (so a title above the
 * headers is skipped), or else its first non-blank row, as the file reader does. Only `values`, `address`
 * and sizes are loaded. Trailing blank rows are dropped; every row has the header's width.
 */
import { isBlank } from '../../shared/cells.js';
import { TABLES, listObjectName, type TableDef } from '../../shared/contract.js';
import { normaliseName } from '../../shared/table.js';
import type { RawTable, RawTables } from '../../shared/types.js';
import { cellA1, parseAddress } from './address.js';
import { rowReadBytes } from './readSize.js';
import { RESPONSE_BUDGET_BYTES } from './requestSize.js';

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

/** Rows of one range to read in pieces: `slice` gives the range of `count` rows from row `from`. */
interface RowSource {
  rows: number;
  rowBytes: number;
  slice(from: number, count: number): Excel.Range;
  values: Values;
}

function isResponseTooLarge(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ResponsePayloadSizeLimitExceeded';
}

/**
 * Loads every source's values, packing row ranges into as few requests as the response budget allows, in
 * order. A refused response is retried with each row counted twice as large.
 */
export async function readRows(
  context: Excel.RequestContext,
  sources: readonly RowSource[],
  budget = RESPONSE_BUDGET_BYTES,
): Promise<void> {
  const next = sources.map(() => 0);
  let scale = 1;
  for (;;) {
    const loads: { source: number; count: number; range: Excel.Range }[] = [];
    let used = 0;
    for (const [i, source] of sources.entries()) {
      const left = source.rows - next[i]!;
      if (left <= 0) continue;
      const perRow = Math.max(source.rowBytes * scale, 1);
      let count = Math.min(left, Math.floor((budget - used) / perRow));
      if (count <= 0) {
        if (loads.length > 0) break;
        count = 1;
      }
      loads.push({ source: i, count, range: source.slice(next[i]!, count).load('values') });
      used += count * perRow;
      if (count < left) break;
    }
    if (loads.length === 0) return;
    try {
      await context.sync();
    } catch (error) {
      if (!isResponseTooLarge(error) || (loads.length === 1 && loads[0]!.count === 1)) throw error;
      scale *= 2;
      continue;
    }
    for (const load of loads) {
      sources[load.source]!.values.push(...load.range.values);
      next[load.source]! += load.count;
    }
  }
}

export async function readTables(context: Excel.RequestContext): Promise<RawTables> {
  const { workbook } = context;
  const found = TABLES.map((def) => ({
    def,
    table: workbook.tables.getItemOrNullObject(listObjectName(def.name)).load('name'),
    sheet: workbook.worksheets.getItemOrNullObject(def.name).load('name'),
  }));
  await context.sync();

  const sized = found.map(({ def, table, sheet }) => {
    if (!table.isNullObject) {
      return {
        def,
        header: table.getHeaderRowRange().load('values,address'),
        body: table.getDataBodyRange().load('rowCount,columnCount'),
      };
    }
    if (!sheet.isNullObject) {
      return {
        def,
        sheetName: sheet.name,
        used: sheet.getUsedRangeOrNullObject(true).load('address,rowCount,columnCount'),
      };
    }
    return { def };
  });
  await context.sync();

  const sources: RowSource[] = [];
  const source = (range: Excel.Range, rows: number, columns: number, rowBytes: number): RowSource => {
    const read: RowSource = {
      rows,
      rowBytes,
      slice: (from, count) => range.getCell(from, 0).getResizedRange(count - 1, columns - 1),
      values: [],
    };
    sources.push(read);
    return read;
  };
  const reads = sized.map((s) => {
    if ('header' in s && s.header && s.body) {
      const header = s.header.values[0] ?? [];
      return { ...s, rows: source(s.body, s.body.rowCount, s.body.columnCount, rowReadBytes(s.def, header)) };
    }
    if ('used' in s && s.used && !s.used.isNullObject) {
      const columns = s.used.columnCount;
      const rowBytes = rowReadBytes(
        s.def,
        Array.from({ length: columns }, () => null),
      );
      return { ...s, rows: source(s.used, s.used.rowCount, columns, rowBytes) };
    }
    return s;
  });
  await readRows(context, sources);

  const tables: RawTables = {};
  for (const read of reads) {
    if ('header' in read && read.header && 'rows' in read && read.rows) {
      const rect = parseAddress(read.header.address);
      tables[read.def.name] = {
        sheet: rect.sheet,
        topLeft: cellA1({ row: rect.top, column: rect.left }),
        values: [read.header.values[0] ?? [], ...withoutTrailingBlankRows(read.rows.values)],
      };
    } else if ('used' in read && read.used) {
      tables[read.def.name] =
        'rows' in read && read.rows
          ? tableInRange(read.def, read.used.address, read.rows.values)
          : { sheet: read.sheetName, topLeft: 'A1', values: [] };
    }
  }
  return tables;
}
