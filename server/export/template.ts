/**
 * The partner workbook template as an .xlsx file: the Excel set-up of shared/excelSetup.ts (tables, headers,
 * widths, formats, dropdowns, prompts, validation, frozen headers, About pre-filled) translated into ExcelJS
 * calls, with any rows a caller gives written below the headers. What the workbook holds is decided there, not
 * here; the add-in's Office.js set-up reads the same data.
 *
 * - Each header cell carries its prompt as an input message of a data validation that allows anything
 *   (ExcelJS writes a corrupt file when a sheet has both a table and cell comments).
 * - Rules and formats cover the data rows and at least VALIDATED_ROWS rows below the header.
 */
import ExcelJS from 'exceljs';
import { columnLetter } from '../../shared/cells.js';
import {
  excelSetupFor,
  LISTS_SHEET,
  VALIDATED_ROWS,
  type ColumnSetup,
  type ExcelSetup,
  type FieldSetup,
  type Prompt,
  type TableSetup,
  type ValidationRule,
} from '../../shared/excelSetup.js';
import type { Catalogue, CellValue, TableName } from '../../shared/types.js';
import { NotFoundError } from '../store/errors.js';

export { LISTS_SHEET, VALIDATED_ROWS };

/** Rows a caller wants below the headers, in contract column order; About as [Field, Value] pairs. */
export type PartnerRows = Partial<Record<TableName, CellValue[][]>>;

/** A data validation as ExcelJS writes it; `any` (help only) is supported but missing from its typings. */
type Validation = Omit<ExcelJS.DataValidation, 'type'> & { type: ExcelJS.DataValidation['type'] | 'any' };

function promptOf(prompt: Prompt): Pick<Validation, 'showInputMessage' | 'promptTitle' | 'prompt'> {
  return { showInputMessage: true, promptTitle: prompt.title, prompt: prompt.text };
}

/** A list's formula: the labels in quotes, or the Lists sheet range that holds them. */
function listFormula(rule: Extract<ValidationRule, { kind: 'list' }>): string {
  return rule.source.kind === 'inline' ? `"${rule.source.labels.join(',')}"` : rule.source.range;
}

/** The ExcelJS validation of a rule; a cell without a rule still shows its prompt. */
function validationOf(setup: { prompt: Prompt; validation: ValidationRule | null }): Validation {
  const rule = setup.validation;
  const prompt = promptOf(setup.prompt);
  if (!rule) return { type: 'any', formulae: [], ...prompt };
  const base = {
    ...prompt,
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: setup.prompt.title,
    error: rule.error,
  };
  switch (rule.kind) {
    case 'list':
      return { ...base, type: 'list', formulae: [listFormula(rule)] };
    case 'decimal':
    case 'textLength':
      return { ...base, type: rule.kind, operator: rule.operator, formulae: [rule.value] };
    case 'date':
      return { ...base, type: 'date', operator: rule.operator, formulae: [isoDateText(rule.value)] };
  }
}

/** ExcelJS keeps a sheet's rules by address or range (`A2:A501`) but leaves this out of its typings. */
interface SheetValidations {
  dataValidations: { add(range: string, validation: Validation): void };
}

function validate(sheet: ExcelJS.Worksheet, range: string, validation: Validation): void {
  (sheet as unknown as SheetValidations).dataValidations.add(range, validation);
}

function isoDateText(value: unknown): Date | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : date;
}

/** A value as Excel would store what a line manager typed: yyyy-mm-dd text in a date column becomes a date. */
function cellValue(setup: { type: string } | undefined, value: CellValue): ExcelJS.CellValue {
  if (value === undefined) return null;
  if (setup?.type === 'date') return isoDateText(value) ?? (value as ExcelJS.CellValue);
  return value as ExcelJS.CellValue;
}

/** Adds the table of `setup` at A1 of `sheet` with `data` rows (one blank row when there are none). */
function addTable(sheet: ExcelJS.Worksheet, setup: TableSetup, data: ExcelJS.CellValue[][]): void {
  setup.columns.forEach((col, i) => {
    sheet.getColumn(i + 1).width = col.width;
    if (col.numberFormat) sheet.getColumn(i + 1).numFmt = col.numberFormat;
  });
  sheet.addTable({
    name: setup.tableName,
    ref: 'A1',
    headerRow: true,
    totalsRow: false,
    style: { theme: setup.style as ExcelJS.TableStyleProperties['theme'], showRowStripes: true },
    columns: setup.columns.map((col) => ({ name: col.header, filterButton: true })),
    rows: data.length > 0 ? data : [Array.from({ length: setup.columns.length }, () => null)],
  });
  sheet.getRow(1).font = { bold: true };
  setup.columns.forEach((col, i) => {
    validate(sheet, `${columnLetter(i + 1)}1`, { type: 'any', formulae: [], ...promptOf(col.prompt) });
  });
  if (setup.freezeHeader) {
    sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
  }
}

export function checkedRows(setup: TableSetup, rows: readonly CellValue[][]): ExcelJS.CellValue[][] {
  const columns: readonly ColumnSetup[] = setup.columns;
  return rows.map((row, i) => {
    if (!Array.isArray(row) || row.length > columns.length) {
      throw new RangeError(
        `${setup.name} row ${i + 1} must be a list of at most ${columns.length} values (${columns.map((c) => c.header).join(', ')}).`,
      );
    }
    return columns.map((col, c) => cellValue(col, row[c]));
  });
}

function fillRowTable(sheet: ExcelJS.Worksheet, setup: TableSetup, rows: readonly CellValue[][]): void {
  const data = checkedRows(setup, rows);
  addTable(sheet, setup, data);
  const lastRow = Math.max(data.length, VALIDATED_ROWS) + 1;
  setup.columns.forEach((col, i) => {
    const letter = columnLetter(i + 1);
    if (col.validation) validate(sheet, `${letter}2:${letter}${lastRow}`, validationOf(col));
  });
}

/** The About field a Field cell names (case and surrounding spaces ignored). */
export function fieldNamed(fields: readonly FieldSetup[], field: CellValue): FieldSetup | undefined {
  if (typeof field !== 'string') return undefined;
  return fields.find((f) => f.field.toLowerCase() === field.trim().toLowerCase());
}

/**
 * About's Field/Value rows: every field of the set-up with its pre-filled value. A given pair replaces the
 * value of its field, except that a null value keeps the pre-filled one ('' blanks it); a pair naming no field
 * is added below.
 */
export function aboutRows(fields: readonly FieldSetup[], given: readonly CellValue[][]): CellValue[][] {
  const rows: CellValue[][] = fields.map((f) => [f.field, f.value]);
  given.forEach((pair, i) => {
    if (!Array.isArray(pair) || pair.length > 2) {
      throw new RangeError(`About row ${i + 1} must be a [Field, Value] pair.`);
    }
    const [field, value] = pair;
    const known = fieldNamed(fields, field);
    const existing = known && rows.find((r) => r[0] === known.field);
    if (!existing) rows.push([field ?? null, value ?? null]);
    else if (value !== null && value !== undefined) existing[1] = value;
  });
  return rows;
}

function fillAbout(sheet: ExcelJS.Worksheet, setup: TableSetup, given: readonly CellValue[][]): void {
  const fields = setup.fields ?? [];
  const rows = aboutRows(fields, given);
  addTable(
    sheet,
    setup,
    rows.map(([field, value]) => [cellValue(undefined, field), cellValue(fieldNamed(fields, field), value)]),
  );
  rows.forEach(([field], i) => {
    const def = fieldNamed(fields, field);
    if (!def) return;
    const address = `B${i + 2}`;
    if (def.numberFormat) sheet.getCell(address).numFmt = def.numberFormat;
    validate(sheet, address, validationOf(def));
  });
}

function writeLists(workbook: ExcelJS.Workbook, setup: ExcelSetup): void {
  if (setup.lists.length === 0) return;
  const sheet = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  for (const list of setup.lists) {
    sheet.getCell(1, list.column).value = list.name;
    sheet.getColumn(list.column).width = list.width;
    list.labels.forEach((label, i) => (sheet.getCell(i + 2, list.column).value = label));
  }
}

/** The workbook for one organisation; `rows` fills data rows below the headers. Throws NotFoundError for an unknown organisation. */
export function buildPartnerWorkbook(
  catalogue: Catalogue,
  organisationId: string,
  rows: PartnerRows = {},
): ExcelJS.Workbook {
  const org = catalogue.organisations.find((o) => o.id === organisationId);
  if (!org) {
    throw new NotFoundError(
      `Organisation "${organisationId}" is not in the catalogue of ${catalogue.partnership.name}; use one of: ${catalogue.organisations.map((o) => o.id).join(', ') || '(none)'}.`,
    );
  }
  const setup = excelSetupFor(catalogue, organisationId);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'oda-register';
  workbook.title = `${catalogue.partnership.name}: partner workbook of ${org.name}`;
  for (const table of setup.tables) {
    const sheet = workbook.addWorksheet(table.name);
    if (table.fields) fillAbout(sheet, table, rows.About ?? []);
    else fillRowTable(sheet, table, rows[table.name] ?? []);
  }
  writeLists(workbook, setup);
  return workbook;
}

/** The partner workbook as .xlsx bytes. */
export async function writePartnerTemplate(
  catalogue: Catalogue,
  organisationId: string,
  rows?: PartnerRows,
): Promise<Buffer> {
  const workbook = buildPartnerWorkbook(catalogue, organisationId, rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
