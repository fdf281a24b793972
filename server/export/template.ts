/**
 * The partner workbook template: five sheets in contract order, each holding one Excel table named like the
 * sheet with the contract's headers, column widths, number formats, data validation and input help, and a
 * frozen header row; About pre-filled from the catalogue. Everything comes from shared/contract.ts.
 *
 * - Dropdowns: every enumeration column lists its labels, Roles.Activity the catalogue's activity names. A
 *   list goes inline when it fits Excel's 255-character limit and no label holds a comma; otherwise it is
 *   written to the hidden `Lists` sheet and referenced (`Lists!$A$2:$A$9`).
 * - Also validated: Quantity (a number > 0), text with a maximum length (Description), dates (a real date).
 * - Help: each header cell shows its column's help as an input message (a data validation prompt; ExcelJS
 *   writes a corrupt file when a sheet has both a table and cell comments), and validated data cells repeat
 *   it.
 * - Validation and formats cover the data rows and at least VALIDATED_ROWS rows below the header, so rows a
 *   line manager adds get them too.
 */
import ExcelJS from 'exceljs';
import { columnLetter } from '../../shared/cells.js';
import { ABOUT, TABLES, type ColumnDef, type TableDef } from '../../shared/contract.js';
import { enumLabel, INVOLVEMENT, SECTOR } from '../../shared/enums.js';
import type { Catalogue, CatalogueOrganisation, CellValue, TableName } from '../../shared/types.js';
import { NotFoundError } from '../store/errors.js';

export const LISTS_SHEET = 'Lists';
/** Rows below the header that carry validation and formats even when empty. */
export const VALIDATED_ROWS = 500;
const INLINE_LIST_LIMIT = 255;
const TABLE_STYLE = 'TableStyleMedium2';

/** Rows a caller wants below the headers, in contract column order; About as [Field, Value] pairs. */
export type PartnerRows = Partial<Record<TableName, CellValue[][]>>;

/** A data validation as ExcelJS writes it; `any` (help only) is supported but missing from its typings. */
type Validation = Omit<ExcelJS.DataValidation, 'type'> & { type: ExcelJS.DataValidation['type'] | 'any' };

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 3)}...`;
}

function help(title: string, prompt: string): Pick<Validation, 'showInputMessage' | 'promptTitle' | 'prompt'> {
  return { showInputMessage: true, promptTitle: clip(title, 32), prompt: clip(prompt, 255) };
}

/** Writes long lists to the hidden Lists sheet, one column per list, and hands back list formulas. */
class Lists {
  private readonly refs = new Map<string, string>();
  private used = 0;

  constructor(private readonly sheet: ExcelJS.Worksheet) {}

  /** The formula of a list validation offering `labels`. */
  formula(name: string, labels: readonly string[]): string {
    const inline = labels.join(',');
    if (inline.length + 2 <= INLINE_LIST_LIMIT && !labels.some((l) => /[,"]/.test(l))) return `"${inline}"`;
    const known = this.refs.get(name);
    if (known) return known;
    const column = ++this.used;
    const letter = columnLetter(column);
    this.sheet.getCell(1, column).value = name;
    this.sheet.getColumn(column).width = Math.min(60, Math.max(12, ...labels.map((l) => l.length + 2)));
    labels.forEach((label, i) => (this.sheet.getCell(i + 2, column).value = label));
    const ref = `${LISTS_SHEET}!$${letter}$2:$${letter}$${labels.length + 1}`;
    this.refs.set(name, ref);
    return ref;
  }

  get isEmpty(): boolean {
    return this.used === 0;
  }
}

/** The dropdown, range or length rule of a column, or null when it has none. */
function validationFor(col: ColumnDef, catalogue: Catalogue, lists: Lists): Validation | null {
  const base = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop', errorTitle: clip(col.header, 32) };
  const prompt = help(col.header, col.help);
  const list = (name: string, labels: readonly string[]): Validation | null =>
    labels.length === 0
      ? null
      : {
          ...base,
          ...prompt,
          type: 'list',
          formulae: [lists.formula(name, labels)],
          error:
            labels.join(', ').length <= 200 ? `Choose one of: ${labels.join(', ')}.` : 'Choose a value from the list.',
        };
  if (col.enum)
    return list(
      col.enum.name,
      col.enum.options.map((o) => o.label),
    );
  if (col.type === 'activity')
    return list(
      'Activity',
      catalogue.activities.map((a) => a.name),
    );
  if (col.type === 'number') {
    return {
      ...base,
      ...prompt,
      type: 'decimal',
      operator: 'greaterThan',
      formulae: [0],
      error: 'Type a number greater than 0, such as 0.5 or 12000.',
    };
  }
  if (col.type === 'date') {
    return {
      ...base,
      ...prompt,
      type: 'date',
      operator: 'greaterThan',
      formulae: [new Date(Date.UTC(1900, 0, 1))],
      error: 'Type a date such as 2025-04-01 or 01/04/2025.',
    };
  }
  if (col.maxLength !== undefined) {
    return {
      ...base,
      ...prompt,
      type: 'textLength',
      operator: 'lessThanOrEqual',
      formulae: [col.maxLength],
      error: `Keep this to at most ${col.maxLength} characters.`,
    };
  }
  return null;
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
function cellValue(col: ColumnDef | undefined, value: CellValue): ExcelJS.CellValue {
  if (value === undefined) return null;
  if (col?.type === 'date') return isoDateText(value) ?? (value as ExcelJS.CellValue);
  return value as ExcelJS.CellValue;
}

function frozenHeader(sheet: ExcelJS.Worksheet): void {
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
}

/** Adds the table of `def` at A1 of `sheet` with `data` rows (one blank row when there are none). */
function addTable(sheet: ExcelJS.Worksheet, def: TableDef, data: ExcelJS.CellValue[][]): void {
  const width = def.columns.length;
  def.columns.forEach((col, i) => {
    sheet.getColumn(i + 1).width = col.width;
    if (col.numFmt) sheet.getColumn(i + 1).numFmt = col.numFmt;
  });
  sheet.addTable({
    name: def.name,
    ref: 'A1',
    headerRow: true,
    totalsRow: false,
    style: { theme: TABLE_STYLE, showRowStripes: true },
    columns: def.columns.map((col) => ({ name: col.header, filterButton: true })),
    rows: data.length > 0 ? data : [Array.from({ length: width }, () => null)],
  });
  sheet.getRow(1).font = { bold: true };
  def.columns.forEach((col, i) => {
    validate(sheet, `${columnLetter(i + 1)}1`, { type: 'any', formulae: [], ...help(col.header, col.help) });
  });
  frozenHeader(sheet);
}

function checkedRows(table: TableName, def: TableDef, rows: readonly CellValue[][]): ExcelJS.CellValue[][] {
  return rows.map((row, i) => {
    if (!Array.isArray(row) || row.length > def.columns.length) {
      throw new RangeError(
        `${table} row ${i + 1} must be a list of at most ${def.columns.length} values (${def.columns.map((c) => c.header).join(', ')}).`,
      );
    }
    return def.columns.map((col, c) => cellValue(col, row[c]));
  });
}

function fillRowTable(
  sheet: ExcelJS.Worksheet,
  def: TableDef,
  rows: readonly CellValue[][],
  catalogue: Catalogue,
  lists: Lists,
): void {
  const data = checkedRows(def.name, def, rows);
  addTable(sheet, def, data);
  const lastRow = Math.max(data.length, VALIDATED_ROWS) + 1;
  def.columns.forEach((col, i) => {
    const letter = columnLetter(i + 1);
    const rule = validationFor(col, catalogue, lists);
    if (rule) validate(sheet, `${letter}2:${letter}${lastRow}`, rule);
  });
}

/** The About field a Field cell names (case and surrounding spaces ignored). */
function aboutField(field: CellValue): ColumnDef | undefined {
  if (typeof field !== 'string') return undefined;
  return ABOUT.fields.find((f) => f.header.toLowerCase() === field.trim().toLowerCase());
}

/**
 * About's Field/Value rows: every field, pre-filled from the catalogue (name, sector and involvement labels,
 * tier). A given pair replaces the value of its field, except that a null value keeps the pre-filled one (''
 * blanks it); a pair naming no field is added below.
 */
function aboutRows(org: CatalogueOrganisation, given: readonly CellValue[][]): CellValue[][] {
  const prefilled: Record<string, CellValue> = {
    organisationId: org.id,
    organisationName: org.name,
    sector: enumLabel(SECTOR, org.sector),
    involvement: enumLabel(INVOLVEMENT, org.involvement),
    fundingTier: org.tier ?? null,
  };
  const rows: CellValue[][] = ABOUT.fields.map((f) => [f.header, prefilled[f.key] ?? null]);
  given.forEach((pair, i) => {
    if (!Array.isArray(pair) || pair.length > 2) {
      throw new RangeError(`About row ${i + 1} must be a [Field, Value] pair.`);
    }
    const [field, value] = pair;
    const def = aboutField(field);
    const existing = def && rows.find((r) => r[0] === def.header);
    if (!existing) rows.push([field ?? null, value ?? null]);
    else if (value !== null && value !== undefined) existing[1] = value;
  });
  return rows;
}

function fillAbout(
  sheet: ExcelJS.Worksheet,
  org: CatalogueOrganisation,
  given: readonly CellValue[][],
  catalogue: Catalogue,
  lists: Lists,
): void {
  const rows = aboutRows(org, given);
  addTable(
    sheet,
    ABOUT,
    rows.map(([field, value]) => [cellValue(undefined, field), cellValue(aboutField(field), value)]),
  );
  rows.forEach(([field], i) => {
    const def = aboutField(field);
    if (!def) return;
    const address = `B${i + 2}`;
    if (def.numFmt) sheet.getCell(address).numFmt = def.numFmt;
    validate(
      sheet,
      address,
      validationFor(def, catalogue, lists) ?? { type: 'any', formulae: [], ...help(def.header, def.help) },
    );
  });
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
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'oda-register';
  workbook.title = `${catalogue.partnership.name}: partner workbook of ${org.name}`;
  const sheets = TABLES.map((def) => workbook.addWorksheet(def.name));
  const listsSheet = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  const lists = new Lists(listsSheet);
  TABLES.forEach((def, i) => {
    const sheet = sheets[i];
    if (!sheet) return;
    if (def.kind === 'fields') fillAbout(sheet, org, rows.About ?? [], catalogue, lists);
    else fillRowTable(sheet, def, rows[def.name] ?? [], catalogue, lists);
  });
  if (lists.isEmpty) workbook.removeWorksheet(listsSheet.id);
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
