/**
 * Raw tables (as a workbook reader hands them over) for tests: a valid workbook for any organisation of a
 * catalogue, and small helpers to change one cell, add or drop a row or column.
 *
 * goodRawTables puts every table's header at A1, so data row n (1-based) is Excel row n + 1. Dates appear in
 * every accepted form (ISO text, UK text, Excel serial, JS Date). With testCatalogue(), the five good
 * workbooks consolidate without errors: each activity has exactly one Accountable organisation.
 */
import ExcelJS from 'exceljs';
import type { Catalogue, RawTable, RawTables } from '../../shared/types.js';
import { enumLabel, INVOLVEMENT, SECTOR } from '../../shared/enums.js';

/** A raw table from headers and data rows. */
export function rawTable(sheet: string, headers: unknown[], rows: unknown[][], topLeft = 'A1'): RawTable {
  return { sheet, topLeft, values: [headers, ...rows] };
}

/** Excel serial number of a yyyy-mm-dd date (after 1 March 1900). */
export function excelSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** "2025-04-01" -> "01/04/2025". */
export function ukDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function domainOf(catalogue: Catalogue, organisationId: string): string {
  const member = catalogue.members.find((m) => m.organisationId === organisationId && m.role === 'line-manager');
  return member ? (member.email.split('@')[1] ?? `${organisationId}.example`) : `${organisationId}.example`;
}

/**
 * A valid workbook for `organisationId` (default: the catalogue's first organisation). Roles: a governing
 * organisation at catalogue index i is Accountable for activity i (when there is one), other
 * non-observers Responsible for the first activity, observers Informed of the last.
 */
export function goodRawTables(catalogue: Catalogue, organisationId?: string): RawTables {
  const index = organisationId === undefined ? 0 : catalogue.organisations.findIndex((o) => o.id === organisationId);
  const org = catalogue.organisations[index];
  if (!org) throw new Error(`No organisation ${organisationId} in the test catalogue`);
  const domain = domainOf(catalogue, org.id);
  const { mouStart, mouEnd } = catalogue.partnership;
  const governing = org.involvement === 'governance' || org.involvement === 'governance-and-funding';

  const about = rawTable(
    'About',
    ['Field', 'Value'],
    [
      ['Organisation ID', org.id],
      ['Organisation name', org.name],
      ['Sector', enumLabel(SECTOR, org.sector)],
      ['Involvement', enumLabel(INVOLVEMENT, org.involvement)],
      ['Funding tier', org.tier ?? null],
      ['MoU signatory', 'Sam Signer'],
      ['MoU signed on', new Date(`${mouStart}T00:00:00Z`)],
    ],
  );
  const contacts = rawTable(
    'Contacts',
    ['Name', 'Job title', 'Email', 'Phone', 'Contact role', 'Primary'],
    [
      ['Pat Point', 'Head of Insight', `pat.point@${domain}`, '0113 000 0001', 'Point of contact', 'Yes'],
      ['Morgan Manager', 'Analytics Manager', `manager@${domain}`, null, 'PMG member', null],
      ['Sam Signer', 'Director', `sam.signer@${domain}`, null, 'MoU signatory', 'No'],
    ],
  );
  const commitmentRows: unknown[][] = [
    [
      'A1',
      'Analyst time',
      'Data analyst for the partnership',
      0.5,
      'FTE',
      mouStart,
      new Date(`${mouEnd}T00:00:00Z`),
      null,
      'Agreed',
      null,
    ],
    [
      'A2',
      'Analyst time',
      'Senior analyst support',
      4,
      'Days per month',
      excelSerial(mouStart),
      ukDate(mouEnd),
      'Youth violence',
      'Proposed',
      'Subject to budget',
    ],
  ];
  if (org.involvement === 'governance-and-funding') {
    commitmentRows.push([
      'F1',
      'Funding',
      'Annual contribution',
      25000,
      'GBP per year',
      ukDate(mouStart),
      null,
      null,
      'Agreed',
      null,
    ]);
  }
  if (org.involvement === 'data-provider') {
    commitmentRows.push(['D1', 'Data', 'Monthly extracts', 3, 'Datasets', mouStart, mouEnd, null, 'Delivered', null]);
  }
  const commitments = rawTable(
    'Commitments',
    ['Ref', 'Resource type', 'Description', 'Quantity', 'Unit', 'Start', 'End', 'Project', 'Status', 'Notes'],
    commitmentRows,
  );
  const activities = catalogue.activities;
  const roleRows: unknown[][] = [];
  if (governing && activities[index]) roleRows.push([activities[index].name, 'Accountable', 'Morgan Manager', null]);
  else if (org.involvement !== 'observer' && activities[0]) roleRows.push([activities[0].name, 'R', null, null]);
  const last = activities[activities.length - 1];
  if (org.involvement === 'observer' && last) roleRows.push([last.id, 'Informed', null, 'Kept informed']);
  const roles = rawTable('Roles', ['Activity', 'Role', 'Named lead', 'Notes'], roleRows);
  const participation = rawTable(
    'Participation',
    ['Forum', 'Representative', 'Frequency', 'Channel', 'Notes'],
    [['Programme Management Group', 'Morgan Manager', 'Monthly', 'Video call', null]],
  );
  return { About: about, Contacts: contacts, Commitments: commitments, Roles: roles, Participation: participation };
}

function tableOf(tables: RawTables, name: string): RawTable {
  const key = Object.keys(tables).find((k) => k.toLowerCase() === name.toLowerCase());
  const table = key === undefined ? undefined : tables[key];
  if (!table) throw new Error(`No table ${name}`);
  return table;
}

function columnOf(table: RawTable, header: string): number {
  const c = (table.values[0] ?? []).findIndex((h) => String(h).trim().toLowerCase() === header.toLowerCase());
  if (c < 0) throw new Error(`No column ${header} in ${table.sheet}`);
  return c;
}

/** Sets the cell in column `header` of data row `row` (1-based; the row is created if needed). */
export function setCell(tables: RawTables, name: string, row: number, header: string, value: unknown): RawTables {
  const table = tableOf(tables, name);
  const c = columnOf(table, header);
  while (table.values.length <= row) table.values.push([]);
  const cells = table.values[row] ?? [];
  cells[c] = value;
  table.values[row] = cells;
  return tables;
}

/** The About data row (1-based) of a field. */
export function aboutRow(tables: RawTables, field: string): number {
  const table = tableOf(tables, 'About');
  const r = table.values.findIndex((cells, i) => i > 0 && String(cells[0]).toLowerCase() === field.toLowerCase());
  if (r < 0) throw new Error(`No About field ${field}`);
  return r;
}

/** Sets the Value of an About field. */
export function setAbout(tables: RawTables, field: string, value: unknown): RawTables {
  return setCell(tables, 'About', aboutRow(tables, field), 'Value', value);
}

/** Appends a data row given by header; returns its data row number (1-based). */
export function addRow(tables: RawTables, name: string, cells: Record<string, unknown>): number {
  const table = tableOf(tables, name);
  const row = table.values.length;
  table.values.push([]);
  for (const [header, value] of Object.entries(cells)) setCell(tables, name, row, header, value);
  return row;
}

/** Removes data row `row` (1-based). */
export function removeRow(tables: RawTables, name: string, row: number): RawTables {
  tableOf(tables, name).values.splice(row, 1);
  return tables;
}

/** Removes a column, header and cells. */
export function removeColumn(tables: RawTables, name: string, header: string): RawTables {
  const table = tableOf(tables, name);
  const c = columnOf(table, header);
  for (const cells of table.values) cells.splice(c, 1);
  return tables;
}

/**
 * Adds valid commitment rows (analyst time, hours per week, within the test MoU period) until the Commitments
 * table has `total` data rows; Refs are `${prefix}1`, `${prefix}2`, ... by row number.
 */
export function fillCommitments(tables: RawTables, total: number, prefix = 'X'): RawTables {
  const existing = (tables.Commitments?.values.length ?? 1) - 1;
  for (let i = existing + 1; i <= total; i++) {
    addRow(tables, 'Commitments', {
      Ref: `${prefix}${i}`,
      'Resource type': 'Analyst time',
      Description: `Analyst support for project ${i}`,
      Quantity: (i % 7) + 1,
      Unit: 'Hours per week',
      Start: '2025-04-01',
      End: '2028-03-31',
      Project: `Project ${i % 5}`,
      Status: i % 3 === 0 ? 'Proposed' : 'Agreed',
      Notes: null,
    });
  }
  return tables;
}

/** An .xlsx file with one sheet per table (named by the table, headers in row 1), as the sheet fallback reads. */
export async function xlsxOf(tables: RawTables): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, table] of Object.entries(tables)) {
    const ws = wb.addWorksheet(name);
    for (const row of table.values) ws.addRow(row as unknown[]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The headers of a Data sharing table (contract 1.1), in contract order. */
export const DATA_SHARING_HEADERS = [
  'Ref',
  'Dataset',
  'Recipients',
  'Purpose',
  'Personal data',
  'Lawful basis',
  'Condition',
  'Controller role',
  'Agreement ref',
  'DPIA ref',
  'Review date',
  'Retention',
  'Status',
  'Notes',
];

/**
 * Adds a Data sharing table with one complete, valid row per entry (a special category dataset with every
 * reference given), each entry's fields overriding the defaults by header. Data row n is Excel row n + 1.
 */
export function withDataSharing(tables: RawTables, rows: Record<string, unknown>[] = [{}]): RawTables {
  const complete: Record<string, unknown> = {
    Ref: null,
    Dataset: 'Hospital admissions',
    Recipients: 'All partners',
    Purpose: 'Population health analysis',
    'Personal data': 'Special category',
    'Lawful basis': 'Public task',
    Condition: 'Article 9(2)(h) health or social care',
    'Controller role': 'Joint controller',
    'Agreement ref': 'ISG-0001',
    'DPIA ref': 'DPIA-01',
    'Review date': '2026-04-01',
    Retention: 'Two years',
    Status: 'Active',
    Notes: null,
  };
  tables['Data sharing'] = rawTable(
    'Data sharing',
    [...DATA_SHARING_HEADERS],
    rows.map((r, i) => DATA_SHARING_HEADERS.map((h) => (h in r ? r[h] : h === 'Ref' ? `S${i + 1}` : complete[h]))),
  );
  return tables;
}
