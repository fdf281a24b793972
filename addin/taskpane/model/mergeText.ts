/**
 * A merge's changes in the workbook's words: the sheet, the row in a few words, and the headers of the fields
 * ("Commitments C1 · Leakage analyst: Description, Quantity"). Tables and fields are found in the contract
 * (shared/contract.ts), so a table added there is described without a change here.
 */
import { TABLES, type ColumnDef, type TableDef } from '../../../shared/contract.js';
import { rowLabel, type Change, type ChangeFate } from '../../../shared/merge.js';
import { cellOf } from './submissionRows.js';

const squash = (s: string) => s.replace(/[\s_-]/g, '').toLowerCase();

/** The contract table a submission property holds ("commitments" -> Commitments, "dataSharing" -> Data sharing). */
export function tableOf(property: string): TableDef | undefined {
  return TABLES.find((t) => squash(t.name) === squash(property));
}

export function sheetTitle(property: string): string {
  return tableOf(property)?.name ?? property;
}

function columnsOf(property: string): readonly ColumnDef[] {
  const def = tableOf(property);
  if (!def) return [];
  return def.kind === 'fields' ? def.fields : def.columns;
}

/** A field's header in the workbook (roles' activityId is the Activity column). */
export function columnOf(property: string, field: string): ColumnDef | undefined {
  const cols = columnsOf(property);
  return cols.find((c) => c.key === field) ?? cols.find((c) => `${c.key}Id` === field);
}

export function fieldTitle(property: string, field: string): string {
  return columnOf(property, field)?.header ?? field;
}

/** A value as the workbook shows it: labels for enumerations, Yes/No, "(blank)". */
export function shown(property: string, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(blank)';
  const col = columnOf(property, field);
  const cell = col ? cellOf(col, value) : value;
  return typeof cell === 'object' ? JSON.stringify(cell) : String(cell);
}

export function changeText(c: Change): string {
  const where = c.key === '' ? sheetTitle(c.table) : `${sheetTitle(c.table)} ${rowLabel(c.row)}`;
  if (c.kind === 'added') return `${where} added`;
  if (c.kind === 'removed') return `${where} removed`;
  return `${where}: ${c.fields.map((f) => fieldTitle(c.table, f)).join(', ')}`;
}

/** Changes in one line, "; " between them; '' for none. */
export function describeChanges(changes: readonly Change[]): string {
  return changes.map(changeText).join('; ');
}

/**
 * What became of a manager's own changes in a later version, in a sentence or two naming who saved after them;
 * '' when they had none.
 */
export function describeFates(fates: readonly ChangeFate[], by: readonly string[]): string {
  if (fates.length === 0) return '';
  const who = by.join(' and ');
  const kept = fates.filter((f) => f.fate === 'kept').map((f) => changeText(f.change));
  const overwritten = fates
    .filter((f) => f.fate === 'overwritten')
    .map((f) =>
      f.overwrittenFields.length && f.change.kind === 'changed'
        ? changeText({ ...f.change, fields: f.overwrittenFields })
        : changeText(f.change),
    );
  return [
    kept.length ? `Your changes merged by ${who}: ${kept.join('; ')}.` : '',
    overwritten.length ? `Your changes overwritten by ${who}: ${overwritten.join('; ')}.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
