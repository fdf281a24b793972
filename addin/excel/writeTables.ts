/// <reference types="office-js" />
/**
 * Replaces the data rows of contract tables ("Get latest", "take the server's version"): two requests to
 * find the tables and their headers, then the writes, packed into as few requests as Excel on the web's
 * 5 MB limit allows (one for a workbook of ordinary size, whatever the number of rows).
 *
 * Rows come in contract column order (About as [Field, Value] pairs) and are written under the table's own
 * headers, wherever the user has put each column; columns outside the contract are left blank in the new
 * rows. Rows beyond the new count are deleted (the table keeps one blank row when there are none), missing
 * rows are added blank at the end, and then every row is written in place, so formulas and formats around
 * the table stay where they are. Each contract column's cells get their number format in the same request,
 * before their values (cellValues.ts): text under "@", so Excel cannot retype it; dates as dates.
 *
 * Every table is located before anything is written: a missing table stops the whole write, naming it.
 */
import {
  ABOUT,
  isOptionalTable,
  listObjectName,
  tableDef,
  type ColumnDef,
  type ColumnType,
  type TableName,
} from '../../shared/contract.js';
import { normaliseName } from '../../shared/table.js';
import type { Progress, TableRows } from '../gateway.js';
import { parseAddress, rectA1 } from './address.js';
import { chunkRows, WriteBatch } from './batch.js';
import { writtenCell, type ExcelCell } from './cellValues.js';
import { headerKey } from './readTables.js';
import { jsonBytes, requestBytes } from './requestSize.js';

export class MissingTableError extends Error {
  constructor(readonly table: TableName) {
    super(
      `This workbook has no ${table} table, so the rows could not be written. Nothing was changed: choose "Set up this workbook" first, then try again.`,
    );
    this.name = 'MissingTableError';
  }
}

/** The type of each cell of a row: a column's type, or for About the type of the field the row names. */
function typeOf(name: TableName, row: readonly unknown[], column: ColumnDef): ColumnType {
  if (name !== 'About' || column.key !== 'value') return column.type;
  const field = typeof row[0] === 'string' ? normaliseName(row[0]) : '';
  return ABOUT.fields.find((f) => normaliseName(f.header) === field)?.type ?? 'text';
}

export async function writeTables(
  context: Excel.RequestContext,
  rows: TableRows,
  options: { suspendCalculation: boolean; progress?: Progress },
): Promise<void> {
  const names = Object.keys(rows) as TableName[];
  const found = names.map((name) => ({
    name,
    table: context.workbook.tables.getItemOrNullObject(listObjectName(name)).load('name'),
  }));
  await context.sync();
  // An optional table (Data sharing) the workbook lacks is left out when there are no rows to write into it.
  const skip = (f: (typeof found)[number]) =>
    f.table.isNullObject && isOptionalTable(tableDef(f.name)) && (rows[f.name]?.length ?? 0) === 0;
  const missing = found.find((f) => f.table.isNullObject && !skip(f));
  if (missing) throw new MissingTableError(missing.name);

  const located = found
    .filter((f) => !skip(f))
    .map(({ name, table }) => ({
      name,
      table,
      header: table.getHeaderRowRange().load('values,address'),
      body: table.getDataBodyRange().load('rowCount'),
    }));
  await context.sync();

  const totalRows = names.reduce((n, name) => n + (rows[name]?.length ?? 0), 0);
  let done = 0;
  const report = (label: string) => options.progress?.({ label, done, total: totalRows });
  const batch = new WriteBatch(context, { suspendCalculation: options.suspendCalculation });

  for (const { name, table, header, body } of located) {
    const def = tableDef(name);
    const headerRow = header.values[0] ?? [];
    const rect = parseAddress(header.address);
    const width = headerRow.length;
    const keys = headerRow.map(headerKey);
    const positions = def.columns.map((column) => keys.indexOf(normaliseName(column.header)));
    const lost = def.columns.filter((_c, i) => positions[i]! < 0);
    if (lost.length > 0) {
      throw new Error(
        `The ${name} table has no ${lost.map((c) => `"${c.header}"`).join(', ')} column, so its rows could not be written. Choose "Set up this workbook" to add the missing columns, then try again.`,
      );
    }
    const given = rows[name] ?? [];
    // Each row as written: its values across the table's width (blank outside the contract's columns), and
    // the number format of each contract column's cell (text "@", dates their date format, numbers General).
    const written = given.map((row) =>
      def.columns.map((column, c) => writtenCell(row[c], typeOf(name, row, column), column.numFmt)),
    );
    const cells: ExcelCell[][] = written.map((line) => {
      const values: ExcelCell[] = Array.from({ length: width }, () => '');
      line.forEach((cell, c) => (values[positions[c]!] = cell.value));
      return values;
    });
    const sheet = context.workbook.worksheets.getItem(rect.sheet);
    const existing = body.rowCount;
    const rowsAt = (from: number, count: number, left = rect.left, right = rect.right) =>
      rectA1({ top: rect.top + 1 + from, bottom: rect.top + from + count, left, right });

    // The table gets exactly the rows needed: surplus rows go (it keeps one, blanked, when no rows are
    // given), missing ones are added blank at the end. Then every row is written in place, formats first.
    const keep = Math.max(cells.length, 1);
    if (existing > keep)
      await batch.add(requestBytes(3), () => sheet.getRange(rowsAt(keep, existing - keep)).delete('Up'));
    if (cells.length === 0) await batch.add(requestBytes(3), () => sheet.getRange(rowsAt(0, 1)).clear('Contents'));
    const blank = Array.from({ length: width }, () => '');
    for (const chunk of chunkRows(cells.slice(existing), () => jsonBytes(blank))) {
      const blanks = chunk.map(() => blank);
      await batch.add(requestBytes(3, blanks), () => {
        table.rows.add(undefined, blanks);
      });
    }

    let at = 0;
    for (const chunk of chunkRows(cells, (row) => 2 * jsonBytes(row))) {
      const from = at;
      const formats = def.columns.map((_column, c) =>
        written.slice(from, from + chunk.length).map((line) => [line[c]!.format]),
      );
      await batch.add(requestBytes(3 + def.columns.length, [chunk, formats]), () => {
        formats.forEach((format, c) => {
          const col = rect.left + positions[c]!;
          sheet.getRange(rowsAt(from, chunk.length, col, col)).numberFormat = format;
        });
        sheet.getRange(rowsAt(from, chunk.length)).values = chunk;
      });
      at += chunk.length;
      done += chunk.length;
      report(`Writing ${name}: ${at} of ${cells.length} rows`);
    }
  }
  await batch.send();
  report('Written');
}
