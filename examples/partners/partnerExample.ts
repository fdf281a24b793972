/**
 * A demo partner's workbook content as a line manager would type it: labels rather than ids, dates as UK
 * text, ISO text or real dates, numbers sometimes as text. Rows are keyed by the contract's column headers
 * (shared/contract.ts) so they read like the sheet; `exampleRows` turns them into the data rows, in the
 * contract's column order, that `writePartnerTemplate` writes below the headers.
 */
import { ABOUT, tableDef } from '../../shared/contract.js';
import type { CellValue, TableName } from '../../shared/types.js';

/** One row, keyed by column header (or, for About, by field name). */
export type ExampleRow = Readonly<Record<string, CellValue>>;

export interface PartnerExample {
  organisationId: string;
  /** About values keyed by field name ("Organisation ID", "MoU signatory", ...). */
  about: ExampleRow;
  contacts: readonly ExampleRow[];
  commitments: readonly ExampleRow[];
  roles: readonly ExampleRow[];
  participation: readonly ExampleRow[];
  /** Data sharing (contract 1.1, optional): left out, the workbook has the table with no rows. */
  dataSharing?: readonly ExampleRow[];
}

/** A date as Excel stores a real date cell: midnight UTC of that day. `day('2025-04-01')`. */
export function day(isoDate: string): Date {
  const date = new Date(`${isoDate}T00:00:00.000Z`);
  if (Number.isNaN(date.getTime())) throw new Error(`Not a yyyy-mm-dd date: ${isoDate}`);
  return date;
}

function unknownKeys(row: ExampleRow, known: readonly string[]): string[] {
  return Object.keys(row).filter((key) => !known.includes(key));
}

function rowsOf(
  organisationId: string,
  table: Exclude<TableName, 'About'>,
  rows: readonly ExampleRow[],
): CellValue[][] {
  const headers = tableDef(table).columns.map((c) => c.header);
  return rows.map((row, i) => {
    const unknown = unknownKeys(row, headers);
    if (unknown.length > 0) {
      throw new Error(
        `${organisationId} ${table} row ${i + 1}: unknown column ${unknown.map((k) => `"${k}"`).join(', ')}; ` +
          `columns are ${headers.join(', ')}`,
      );
    }
    return headers.map((header) => row[header] ?? null);
  });
}

/** The data rows of every table, values in the contract's column order; About as [Field, Value] pairs. */
export function exampleRows(partner: PartnerExample): Partial<Record<TableName, CellValue[][]>> {
  const fields = ABOUT.fields.map((f) => f.header);
  const unknown = unknownKeys(partner.about, fields);
  if (unknown.length > 0) {
    throw new Error(
      `${partner.organisationId} About: unknown field ${unknown.join(', ')}; fields are ${fields.join(', ')}`,
    );
  }
  return {
    About: fields.map((field) => [field, partner.about[field] ?? null]),
    Contacts: rowsOf(partner.organisationId, 'Contacts', partner.contacts),
    Commitments: rowsOf(partner.organisationId, 'Commitments', partner.commitments),
    Roles: rowsOf(partner.organisationId, 'Roles', partner.roles),
    Participation: rowsOf(partner.organisationId, 'Participation', partner.participation),
    'Data sharing': rowsOf(partner.organisationId, 'Data sharing', partner.dataSharing ?? []),
  };
}
