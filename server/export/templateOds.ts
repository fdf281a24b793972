/**
 * The partner workbook template as an OpenDocument spreadsheet (`template --format ods`), from the same set-up
 * as the .xlsx (shared/excelSetup.ts): one sheet per table with its headers (bold), widths and date formats,
 * a database range per table (LibreOffice's form of an Excel table, which the .ods reader finds by name), the
 * dropdowns, rules and input prompts as content validations, About pre-filled and the long lists on a hidden
 * Lists sheet. What it lacks against the .xlsx: no frozen header row, no table style (banded rows) and no
 * filter buttons until the partner turns on AutoFilter (docs/ods.md).
 */
import {
  excelSetupFor,
  LISTS_SHEET,
  VALIDATED_ROWS,
  type TableSetup,
  type ValidationRule,
} from '../../shared/excelSetup.js';
import type { Catalogue, CellValue } from '../../shared/types.js';
import { NotFoundError } from '../store/errors.js';
import { columnLetter } from '../../shared/cells.js';
import {
  sheetRef,
  writeOds,
  type OdsCell,
  type OdsDatabaseRange,
  type OdsSheet,
  type OdsValidation,
  type OdsValue,
} from './ods/odsWriter.js';
import { aboutRows, checkedRows, fieldNamed, type PartnerRows } from './template.js';

/** Excel's `Lists!$A$2:$A$9` as an OpenFormula reference `$Lists.$A$2:$Lists.$A$9`. */
function odsRange(range: string): string {
  const m = /^'?(.+?)'?!\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(range);
  if (!m) throw new RangeError(`Not a range: ${range}`);
  const sheet = `$${sheetRef(m[1]!)}`;
  return `${sheet}.$${m[2]}$${m[3]}:${sheet}.$${m[4]}$${m[5]}`;
}

/** Days since 1899-12-30, LibreOffice's (and Excel's) serial of a yyyy-mm-dd date. */
function serialOf(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The OpenFormula condition of a rule of the set-up. */
export function conditionOf(rule: ValidationRule): string {
  switch (rule.kind) {
    case 'list':
      return rule.source.kind === 'inline'
        ? `of:cell-content-is-in-list(${rule.source.labels.map(quoted).join(';')})`
        : `of:cell-content-is-in-list([${odsRange(rule.source.range)}])`;
    case 'decimal':
      return `of:cell-content-is-decimal-number() and cell-content()>${rule.value}`;
    case 'date':
      return `of:cell-content-is-date() and cell-content()>${serialOf(rule.value)}`;
    case 'textLength':
      return `of:cell-content-text-length()<=${rule.value}`;
  }
}

/** A value of the .xlsx template's rows as the .ods writes it (a hyperlink or rich text by its text). */
function plain(value: unknown): OdsValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) {
    return value;
  }
  if (typeof value === 'object' && 'text' in value && typeof value.text === 'string') return value.text;
  return String(value);
}

function dateFormatOf(numberFormat: string | undefined): OdsCell['format'] {
  if (numberFormat === 'yyyy-mm-dd') return 'date';
  if (numberFormat === 'dd/mm/yyyy') return 'ukDate';
  return undefined;
}

class Validations {
  readonly list: OdsValidation[] = [];
  add(
    sheet: string,
    column: number,
    row: number,
    setup: { prompt: { title: string; text: string }; validation: ValidationRule | null },
  ): string {
    const name = `val${this.list.length + 1}`;
    const rule = setup.validation;
    this.list.push({
      name,
      condition: rule ? conditionOf(rule) : null,
      list: rule?.kind === 'list',
      help: { title: setup.prompt.title, text: setup.prompt.text },
      ...(rule ? { error: { title: setup.prompt.title, text: rule.error } } : {}),
      baseCell: `${sheetRef(sheet)}.${columnLetter(column + 1)}${row + 1}`,
    });
    return name;
  }
}

function tableSheet(
  setup: TableSetup,
  given: readonly CellValue[][],
  validations: Validations,
): { sheet: OdsSheet; range: OdsDatabaseRange } {
  const header: OdsCell[] = setup.columns.map((col, c) => ({
    value: col.header,
    validation: validations.add(setup.name, c, 0, { prompt: col.prompt, validation: null }),
  }));
  const data = checkedRows(setup, given).map((row) => row.map(plain));
  const dataRows = Math.max(data.length, 1);
  const lastRow = Math.max(data.length, VALIDATED_ROWS);
  const ruleOf = setup.columns.map((col, c) => (col.validation ? validations.add(setup.name, c, 1, col) : undefined));
  const rows: OdsCell[][] = [header];
  for (let r = 0; r < lastRow; r++) {
    rows.push(
      setup.columns.map((col, c) => ({
        value: data[r]?.[c] ?? null,
        ...(dateFormatOf(col.numberFormat) ? { format: dateFormatOf(col.numberFormat) } : {}),
        ...(ruleOf[c] ? { validation: ruleOf[c] } : {}),
      })),
    );
  }
  return {
    sheet: { name: setup.name, widths: setup.columns.map((c) => c.width), rows, boldRows: [0] },
    range: {
      name: setup.name,
      sheet: setup.name,
      firstRow: 0,
      firstColumn: 0,
      lastRow: dataRows,
      lastColumn: setup.columns.length - 1,
    },
  };
}

function aboutSheet(
  setup: TableSetup,
  given: readonly CellValue[][],
  validations: Validations,
): { sheet: OdsSheet; range: OdsDatabaseRange } {
  const fields = setup.fields ?? [];
  const rows: OdsCell[][] = [
    setup.columns.map((col, c) => ({
      value: col.header,
      validation: validations.add(setup.name, c, 0, { prompt: col.prompt, validation: null }),
    })),
  ];
  aboutRows(fields, given).forEach(([field, value], i) => {
    const def = fieldNamed(fields, field);
    const format = dateFormatOf(def?.numberFormat);
    const typed =
      def?.type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? new Date(`${value}T00:00:00Z`)
        : plain(value);
    rows.push([
      { value: plain(field) },
      {
        value: typed,
        ...(format ? { format } : {}),
        ...(def ? { validation: validations.add(setup.name, 1, i + 1, def) } : {}),
      },
    ]);
  });
  return {
    sheet: { name: setup.name, widths: setup.columns.map((c) => c.width), rows, boldRows: [0] },
    range: {
      name: setup.name,
      sheet: setup.name,
      firstRow: 0,
      firstColumn: 0,
      lastRow: rows.length - 1,
      lastColumn: 1,
    },
  };
}

/** The partner workbook for one organisation as .ods bytes. Throws NotFoundError for an unknown organisation. */
export async function writePartnerTemplateOds(
  catalogue: Catalogue,
  organisationId: string,
  rows: PartnerRows = {},
): Promise<Buffer> {
  const org = catalogue.organisations.find((o) => o.id === organisationId);
  if (!org) {
    throw new NotFoundError(
      `Organisation "${organisationId}" is not in the catalogue of ${catalogue.partnership.name}; use one of: ${catalogue.organisations.map((o) => o.id).join(', ') || '(none)'}.`,
    );
  }
  const setup = excelSetupFor(catalogue, organisationId);
  const validations = new Validations();
  const sheets: OdsSheet[] = [];
  const ranges: OdsDatabaseRange[] = [];
  for (const table of setup.tables) {
    const made = table.fields
      ? aboutSheet(table, rows.About ?? [], validations)
      : tableSheet(table, rows[table.name] ?? [], validations);
    sheets.push(made.sheet);
    ranges.push(made.range);
  }
  if (setup.lists.length > 0) {
    const width = Math.max(...setup.lists.map((l) => l.column));
    const height = Math.max(...setup.lists.map((l) => l.labels.length)) + 1;
    const grid: OdsValue[][] = Array.from({ length: height }, () => Array.from({ length: width }, () => null));
    const widths: number[] = Array.from({ length: width }, () => 8.43);
    for (const list of setup.lists) {
      grid[0]![list.column - 1] = list.name;
      list.labels.forEach((label, i) => (grid[i + 1]![list.column - 1] = label));
      widths[list.column - 1] = list.width;
    }
    sheets.push({ name: LISTS_SHEET, widths, rows: grid, hidden: true });
  }
  return writeOds({
    title: `${catalogue.partnership.name}: partner workbook of ${org.name}`,
    sheets,
    databaseRanges: ranges,
    validations: validations.list,
  });
}
