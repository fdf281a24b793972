/**
 * The columns of the appendix tables: the workbook contract's columns as appendix columns (their key, header,
 * width and enumeration), and the few columns a register adds to the contract (the organisation, stake,
 * totals), defined here once.
 */
import { ABOUT, type ColumnDef, type RowTableDef } from '../../../shared/contract.js';
import { enumLabel, RESOURCE_TYPE, UNIT } from '../../../shared/enums.js';
import type { AppendixColumn, ValueKind } from './model.js';

const KIND_OF_TYPE: Record<ColumnDef['type'], ValueKind> = {
  text: 'text',
  email: 'text',
  number: 'quantity',
  date: 'date',
  enum: 'enum',
  boolean: 'boolean',
  activity: 'text',
  organisation: 'text',
  recipients: 'text',
};

/** A contract column as an appendix column: its key, header, width and enumeration. */
export function contractColumn(def: ColumnDef): AppendixColumn {
  const kind = def.key === 'fundingTier' ? 'tier' : KIND_OF_TYPE[def.type];
  const keepWhole = def.type === 'email' || def.key === 'phone';
  return {
    key: def.key,
    header: def.header,
    kind,
    width: def.width,
    ...(def.enum ? { enum: def.enum } : {}),
    ...(keepWhole ? { keepWhole } : {}),
  };
}

/** An About field as a column of a register table (the contract's width is About's Value column, so give one). */
export function aboutField(key: string, width: number): AppendixColumn {
  const def = ABOUT.fields.find((f) => f.key === key);
  if (!def) throw new Error(`No About field ${key}`);
  return { ...contractColumn(def), width };
}

export function rowColumns(table: RowTableDef, omit: readonly string[] = []): AppendixColumn[] {
  return table.columns.filter((c) => !omit.includes(c.key)).map(contractColumn);
}

export const ORGANISATION_ID: AppendixColumn = { ...aboutField('organisationId', 28), spreadsheetOnly: true };
export const ORGANISATION: AppendixColumn = { key: 'organisation', header: 'Organisation', kind: 'text', width: 36 };
export const STAKE: AppendixColumn = { key: 'stake', header: 'Stake', kind: 'stake', width: 10 };

/** The totals columns, named from the contract's enumerations: "Analyst time (FTE)", "Funding (GBP)"... */
export const TOTAL_COLUMNS: AppendixColumn[] = [
  {
    key: 'analystFte',
    header: `${enumLabel(RESOURCE_TYPE, 'analyst-time')} (${enumLabel(UNIT, 'fte')})`,
    kind: 'fte',
    width: 18,
  },
  {
    key: 'fundingGbp',
    header: `${enumLabel(RESOURCE_TYPE, 'funding')} (${enumLabel(UNIT, 'gbp')})`,
    kind: 'money',
    width: 18,
  },
  {
    key: 'fundingGbpPerYear',
    header: `${enumLabel(RESOURCE_TYPE, 'funding')} (${enumLabel(UNIT, 'gbp-per-year')})`,
    kind: 'money',
    width: 22,
  },
  { key: 'datasets', header: enumLabel(UNIT, 'datasets'), kind: 'count', width: 10 },
];

/** Funding over the MoU term (mouTerm.ts): one-off GBP plus GBP per year for the years in the term. */
export const FUNDING_OVER_TERM: AppendixColumn = {
  key: 'fundingOverTerm',
  header: `${enumLabel(RESOURCE_TYPE, 'funding')} over the MoU term (${enumLabel(UNIT, 'gbp')})`,
  kind: 'money',
  width: 22,
};
