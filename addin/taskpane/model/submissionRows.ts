/**
 * A stored submission written back as workbook rows (Get latest, and "take the server's" in a conflict): each
 * table's rows in contract column order, enumerations as their labels, Yes/No for booleans, activities by
 * name, About as [Field, Value] pairs. Parsing these rows gives the same submission back (a test checks it).
 */
import {
  ABOUT,
  ALL_PARTNERS,
  TABLES,
  type ColumnDef,
  type RowTableDef,
  type TableName,
} from '../../../shared/contract.js';
import { enumLabel } from '../../../shared/enums.js';
import type { Submission } from '../../../shared/types.js';
import type { TableRows } from '../../gateway.js';

/** Which part of a Submission holds each row table's rows. */
const ROWS_OF: Record<Exclude<TableName, 'About'>, keyof Submission> = {
  Contacts: 'contacts',
  Commitments: 'commitments',
  Roles: 'roles',
  Participation: 'participation',
  'Data sharing': 'dataSharing',
};

/** A parsed value as a cell: what a line manager would type. */
export function cellOf(col: ColumnDef, value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (col.type === 'boolean') return value === true ? 'Yes' : 'No';
  if (col.type === 'recipients') return value === 'all' ? ALL_PARTNERS : Array.isArray(value) ? value.join('; ') : null;
  if (col.enum && (typeof value === 'string' || typeof value === 'number')) return enumLabel(col.enum, String(value));
  if (typeof value === 'string' || typeof value === 'number') return value;
  return String(value);
}

export function submissionRows(submission: Submission): TableRows {
  const out: TableRows = {};
  const about = submission.about as unknown as Record<string, unknown>;
  out.About = ABOUT.fields.map((field) => [field.header, cellOf(field, about[field.key])]);
  for (const table of TABLES) {
    if (table.kind !== 'rows') continue;
    const def: RowTableDef = table;
    const rows = (submission[ROWS_OF[def.name]] ?? []) as unknown as Record<string, unknown>[];
    out[def.name] = rows.map((row) => def.columns.map((col) => cellOf(col, row[col.key])));
  }
  return out;
}
