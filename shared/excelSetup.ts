/**
 * How the workbook contract is laid out in Excel: the one definition that the ExcelJS template
 * (server/export/template.ts) and the add-in's Office.js set-up (addin/excel/) both read, so they cannot
 * drift. Pure data derived from shared/contract.ts and the catalogue; docs/workbook-contract.md describes it.
 *
 * - Each table sits at A1 of a sheet of its own name (its Excel table named without spaces: DataSharing), with the contract's headers in contract
 *   order, the column widths and number formats of the contract, a frozen header row and TABLE_STYLE.
 * - Every header cell shows its column's help as an input prompt; data cells of a validated column repeat it.
 * - Dropdowns: every enumeration column lists its labels, Roles.Activity the catalogue's activity names. A
 *   list goes inline when it fits Excel's 255-character limit and no label holds a comma or a quote; otherwise
 *   it is written to the hidden LISTS_SHEET, one column per list, and referenced (`Lists!$A$2:$A$9`).
 * - Also validated: numbers (greater than 0), dates (a real date, after 1900-01-01) and text with a maximum
 *   length (Description). Blank cells are always allowed (required cells are the parser's business), and a
 *   refused value stops with the rule's error text under the prompt's title.
 * - Validation and formats cover at least VALIDATED_ROWS rows below the header, so rows a line manager adds
 *   get them too.
 * - About is a Field/Value table: `fields` lists its rows, each with the prompt, rule and format of its
 *   Value cell, pre-filled from the catalogue (name, sector and involvement labels, tier) for an organisation.
 */
import { ABOUT, TABLES, listObjectName, type ColumnDef, type ColumnType, type TableName } from './contract.js';
import { enumLabel, INVOLVEMENT, SECTOR } from './enums.js';
import { columnLetter } from './cells.js';
import type { Catalogue } from './types.js';

/** The hidden sheet that holds dropdown lists too long (or with commas) to write inline. */
export const LISTS_SHEET = 'Lists';
/** Rows below the header that carry validation and formats even when empty. */
export const VALIDATED_ROWS = 500;
/** Excel's limit on an inline list formula ("a,b,c"). */
export const INLINE_LIST_LIMIT = 255;
export const TABLE_STYLE = 'TableStyleMedium2';
/** Excel's limits on an input prompt's title and text, and on an error alert's title. */
export const PROMPT_TITLE_LIMIT = 32;
export const PROMPT_TEXT_LIMIT = 255;
/**
 * Excel's text number format. A cell with it keeps a string as written: Excel does not read "1 May" as a
 * date, "1E3" as 1000 or "=x" as a formula, whether the add-in writes it or a user types it. Every column
 * and About field read as text (every type but number and date) has it, in the template and in set-up.
 */
export const TEXT_FORMAT = '@';
/** Excel's default number format, for numbers without a format of their own. */
export const GENERAL_FORMAT = 'General';

/** Whether cells of this type hold text (and so get TEXT_FORMAT): every type but number and date. */
export function isTextType(type: ColumnType): boolean {
  return type !== 'number' && type !== 'date';
}
/** The earliest date a date cell accepts (exclusive): Excel's dates start in 1900. */
export const EARLIEST_DATE = '1900-01-01';

/** Where a dropdown's labels live. */
export type ListSource =
  /** Written inline in the rule ("a,b,c"). */
  | { kind: 'inline'; labels: readonly string[] }
  /**
   * Written to LISTS_SHEET in `column` (1-based), header `name` in row 1, labels from row 2; `range` is the
   * absolute A1 reference (`Lists!$A$2:$A$9`); `width` the column's width in characters.
   */
  | { kind: 'sheet'; name: string; column: number; labels: readonly string[]; range: string; width: number };

/** A data validation rule; blank is always allowed, and the error alert's title is the prompt's title. */
export type ValidationRule =
  | { kind: 'list'; source: ListSource; error: string }
  | { kind: 'decimal'; operator: 'greaterThan'; value: number; error: string }
  | { kind: 'date'; operator: 'greaterThan'; value: string /* yyyy-mm-dd */; error: string }
  | { kind: 'textLength'; operator: 'lessThanOrEqual'; value: number; error: string };

export interface Prompt {
  /** Clipped to PROMPT_TITLE_LIMIT characters. */
  title: string;
  /** Clipped to PROMPT_TEXT_LIMIT characters. */
  text: string;
}

export interface ColumnSetup {
  header: string;
  /** Width in Excel characters. */
  width: number;
  /** Excel number format, where the column has one ('yyyy-mm-dd', '0.00', '@'). */
  numberFormat?: string;
  /** Input prompt: title clipped to 32 characters, text to 255 (Excel's limits). */
  prompt: Prompt;
  validation: ValidationRule | null;
  required: boolean;
  /** The contract's key and type of the column (a 'date' column takes yyyy-mm-dd text as a date). */
  key: string;
  type: ColumnType;
}

/** One row of About: the Field cell's text and the Value cell's pre-filled value, prompt, rule and format. */
export interface FieldSetup {
  field: string;
  value: string | number | null;
  /** The contract's key and type of the field. */
  key: string;
  type: ColumnType;
  required: boolean;
  prompt: Prompt;
  validation: ValidationRule | null;
  numberFormat?: string;
}

export interface TableSetup {
  /** The table's contract name, which is also its sheet's name. */
  name: TableName;
  /** The Excel table's (ListObject's) name: `name` without spaces ("DataSharing"), as Excel requires. */
  tableName: string;
  /** True for a table a workbook may leave out (Data sharing): set-up still creates it. */
  optional: boolean;
  columns: readonly ColumnSetup[];
  /** Freeze the header row. */
  freezeHeader: true;
  style: string;
  /**
   * About only: the Field column's rows in contract order, with their values pre-filled for the organisation
   * (null without one, and for fields the catalogue does not hold).
   */
  fields?: readonly FieldSetup[];
}

export interface ExcelSetup {
  tables: readonly TableSetup[];
  /** Lists written to LISTS_SHEET (empty when every list fits inline), in column order. */
  lists: readonly Extract<ListSource, { kind: 'sheet' }>[];
}

/** `text` cut to `max` characters, ending in "..." when cut. */
export function clipText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 3)}...`;
}

function promptOf(def: ColumnDef): Prompt {
  return { title: clipText(def.header, PROMPT_TITLE_LIMIT), text: clipText(def.help, PROMPT_TEXT_LIMIT) };
}

/** Hands out list sources: inline when they fit, else the next column of LISTS_SHEET (one per list name). */
class ListPlanner {
  readonly sheetLists: Extract<ListSource, { kind: 'sheet' }>[] = [];

  source(name: string, labels: readonly string[]): ListSource {
    const inline = labels.join(',');
    // The formula is the list in quotes: `"a,b,c"`.
    if (inline.length + 2 <= INLINE_LIST_LIMIT && !labels.some((l) => /[,"]/.test(l))) {
      return { kind: 'inline', labels };
    }
    const known = this.sheetLists.find((l) => l.name === name);
    if (known) return known;
    const column = this.sheetLists.length + 1;
    const letter = columnLetter(column);
    const list = {
      kind: 'sheet' as const,
      name,
      column,
      labels,
      range: `${LISTS_SHEET}!$${letter}$2:$${letter}$${labels.length + 1}`,
      width: Math.min(60, Math.max(12, ...labels.map((l) => l.length + 2))),
    };
    this.sheetLists.push(list);
    return list;
  }
}

/** The error text of a dropdown: the choices when they are short enough to read in an alert. */
function listError(labels: readonly string[]): string {
  const choices = labels.join(', ');
  return choices.length <= 200 ? `Choose one of: ${choices}.` : 'Choose a value from the list.';
}

/** The dropdown, range or length rule of a column or About field, or null when it has none. */
function ruleFor(def: ColumnDef, catalogue: Catalogue, lists: ListPlanner): ValidationRule | null {
  const list = (name: string, labels: readonly string[]): ValidationRule | null =>
    labels.length === 0 ? null : { kind: 'list', source: lists.source(name, labels), error: listError(labels) };
  if (def.enum)
    return list(
      def.enum.name,
      def.enum.options.map((o) => o.label),
    );
  if (def.type === 'activity')
    return list(
      'Activity',
      catalogue.activities.map((a) => a.name),
    );
  if (def.type === 'number') {
    return {
      kind: 'decimal',
      operator: 'greaterThan',
      value: 0,
      error: 'Type a number greater than 0, such as 0.5 or 12000.',
    };
  }
  if (def.type === 'date') {
    return {
      kind: 'date',
      operator: 'greaterThan',
      value: EARLIEST_DATE,
      error: 'Type a date such as 2025-04-01 or 01/04/2025.',
    };
  }
  if (def.maxLength !== undefined) {
    return {
      kind: 'textLength',
      operator: 'lessThanOrEqual',
      value: def.maxLength,
      error: `Keep this to at most ${def.maxLength} characters.`,
    };
  }
  return null;
}

/** The column's number format: the contract's (dates), else the text format for text types. */
function withFormat<T extends object>(setup: T, def: ColumnDef): T & { numberFormat?: string } {
  const format = def.numFmt ?? (isTextType(def.type) ? TEXT_FORMAT : undefined);
  return format === undefined ? setup : { ...setup, numberFormat: format };
}

/** About's values for an organisation as the catalogue holds them, by field key. */
function prefilled(catalogue: Catalogue, organisationId: string | undefined): Record<string, string | number | null> {
  if (organisationId === undefined) return {};
  const org = catalogue.organisations.find((o) => o.id === organisationId);
  if (!org) {
    throw new RangeError(
      `Organisation "${organisationId}" is not in the catalogue of ${catalogue.partnership.name}; use one of: ${catalogue.organisations.map((o) => o.id).join(', ') || '(none)'}.`,
    );
  }
  return {
    organisationId: org.id,
    organisationName: org.name,
    sector: enumLabel(SECTOR, org.sector),
    involvement: enumLabel(INVOLVEMENT, org.involvement),
    // The tier is an enumeration label ("1"), text like every label, as writeTables writes it.
    fundingTier: org.tier === null || org.tier === undefined ? null : String(org.tier),
  };
}

/**
 * The set-up for a partnership's workbook, About pre-filled when organisationId is given. Throws a RangeError
 * naming the catalogue's organisations when organisationId is not one of them.
 */
export function excelSetupFor(catalogue: Catalogue, organisationId?: string): ExcelSetup {
  const values = prefilled(catalogue, organisationId);
  const lists = new ListPlanner();
  const tables = TABLES.map((def): TableSetup => {
    // About's fields first: their lists take the first columns of the Lists sheet, as in workbook order.
    const fields =
      def.kind === 'fields'
        ? ABOUT.fields.map((f) =>
            withFormat(
              {
                field: f.header,
                value: values[f.key] ?? null,
                key: f.key,
                type: f.type,
                required: f.required,
                prompt: promptOf(f),
                validation: ruleFor(f, catalogue, lists),
              },
              f,
            ),
          )
        : undefined;
    const columns = def.columns.map((col) =>
      withFormat(
        {
          header: col.header,
          width: col.width,
          prompt: promptOf(col),
          validation: ruleFor(col, catalogue, lists),
          required: col.required,
          key: col.key,
          type: col.type,
        },
        col,
      ),
    );
    const table: TableSetup = {
      name: def.name,
      tableName: listObjectName(def.name),
      optional: def.kind === 'rows' && def.optional === true,
      columns,
      freezeHeader: true,
      style: TABLE_STYLE,
    };
    return fields ? { ...table, fields } : table;
  });
  return { tables, lists: lists.sheetLists };
}

/** The set-up of one table. */
export function tableSetup(setup: ExcelSetup, name: TableName): TableSetup {
  const table = setup.tables.find((t) => t.name === name);
  if (!table) throw new Error(`The Excel set-up has no ${name} table`);
  return table;
}
