/**
 * How big a table's rows are when read back (`range.values` in a response), estimated before reading them,
 * so a read can be split into row ranges that each stay under Excel on the web's 5 MB response limit.
 *
 * A row is estimated at its longest as the contract allows: text at its maximum length (500 characters for
 * a Description), or UNBOUNDED_TEXT_CHARACTERS where the contract sets none; an enumeration at its longest
 * label; a number or a date as the longest number JSON writes. Every cell adds its quotes and comma; a cell
 * outside the contract counts as unbounded text. Text longer than this (a Notes cell of thousands of
 * characters) is caught by the reader: a refused response is read again in smaller pieces.
 */
import type { ColumnDef, TableDef } from '../../shared/contract.js';
import { normaliseName } from '../../shared/table.js';

/** Characters assumed for text the contract does not limit. */
export const UNBOUNDED_TEXT_CHARACTERS = 255;
/** JSON of a number or a serial date at its longest ("-1.2345678901234567e+300"). */
const NUMBER_BYTES = 24;
/** Quotes, comma and (for a row) brackets around each cell. */
const CELL_OVERHEAD = 4;

function cellBytes(column: ColumnDef | undefined): number {
  if (!column) return UNBOUNDED_TEXT_CHARACTERS;
  if (column.type === 'number' || column.type === 'date') return NUMBER_BYTES;
  if (column.enum) return Math.max(...column.enum.options.map((o) => o.label.length), NUMBER_BYTES);
  return column.maxLength ?? UNBOUNDED_TEXT_CHARACTERS;
}

/** The estimated response bytes of one row under `header` (the table's header row as read). */
export function rowReadBytes(def: TableDef, header: readonly unknown[]): number {
  const byHeader = new Map(def.columns.map((c) => [normaliseName(c.header), c]));
  const columns = header.length > 0 ? header : def.columns.map((c) => c.header);
  return (
    2 +
    columns.reduce<number>(
      (n, h) => n + CELL_OVERHEAD + cellBytes(byHeader.get(typeof h === 'string' ? normaliseName(h) : '')),
      0,
    )
  );
}
