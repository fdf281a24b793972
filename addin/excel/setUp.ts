/// <reference types="office-js" />
/**
 * "Set up this workbook": creates or repairs the five contract tables from shared/excelSetup.ts, in a fixed
 * number of requests whatever the number of rows (locate, read the headers, [read the top of plain ranges],
 * then the writes, split only if they would pass Excel on the web's request limit).
 *
 * For each table, in this order of preference:
 * - a table of that name (any case): kept where it is and repaired;
 * - a table under another name whose headers are the contract's (at least two of them, the most wins):
 *   renamed and repaired;
 * - a sheet of that name with the headers in a plain range (a row holding one of the headers, within the
 *   first HEADER_SEARCH_ROWS rows of the used range): turned into a table over the header and the rows below;
 * - an empty sheet of that name, or no sheet: a new table at A1 (About with its fields pre-filled).
 * A sheet of that name holding other things and none of the headers is left alone, and set-up stops before
 * changing anything, naming the sheet.
 *
 * Repair never deletes, moves or reorders a user's rows or columns: missing contract columns are added at
 * the right of the table, About fields missing from the Field column are added below the others, and blank
 * About values are pre-filled. Number formats, dropdowns, prompts and entry checks are (re)applied to every
 * contract column for its data rows and at least VALIDATED_ROWS rows; column widths only on new tables and
 * added columns (a width the user chose is kept). Dropdowns, prompts and checks need ExcelApi 1.8 and frozen
 * headers 1.7: without them set-up skips them and says so in the report.
 */
import {
  LISTS_SHEET,
  VALIDATED_ROWS,
  type ColumnSetup,
  type ExcelSetup,
  type FieldSetup,
  type Prompt,
  type TableSetup,
  type ValidationRule,
} from '../../shared/excelSetup.js';
import type { TableName } from '../../shared/contract.js';
import { columnLetter, isBlank } from '../../shared/cells.js';
import { normaliseName } from '../../shared/table.js';
import type { Progress, SetUpReport } from '../gateway.js';
import { parseAddress, rectA1, type Rect } from './address.js';
import { WriteBatch } from './batch.js';
import { columnWidthPoints } from './columnWidth.js';
import { writtenCell, type WrittenCell } from './cellValues.js';
import { findHeaderRow, headerKey } from './readTables.js';
import { jsonBytes, requestBytes } from './requestSize.js';

/** How far down a plain range set-up looks for a header row. */
export const HEADER_SEARCH_ROWS = 50;

export interface SetUpSupport {
  /** ExcelApi 1.8: dropdowns, entry checks and input prompts. */
  dataValidation: boolean;
  /** ExcelApi 1.7: frozen header rows. */
  freezePanes: boolean;
  /** ExcelApi 1.6: calculation suspended during large writes. */
  suspendCalculation: boolean;
}

export const SKIPPED_VALIDATION =
  'Dropdowns, input help and entry checks were not added: this version of Excel lacks them (they need Excel API 1.8: Excel 2019 or later, Microsoft 365 or Excel on the web). Check still finds every problem.';
export const SKIPPED_FREEZE =
  'Header rows were not frozen: this version of Excel cannot do it from an add-in (it needs Excel API 1.7). Use View > Freeze Panes > Freeze Top Row on each sheet if you like.';

type Kind = 'existing' | 'renamed' | 'convert' | 'create';

interface TablePlan {
  setup: TableSetup;
  kind: Kind;
  /** The sheet the table is (or will be) on. */
  sheet: string;
  createSheet: boolean;
  /** The table's current name (existing and renamed tables). */
  currentName?: string;
  /** The header row: row number and first/last column. */
  header: Rect;
  /** The header row's texts as they are now (create: the contract's). */
  headers: unknown[];
  /** Data rows the table has now (a new table gets one blank row or About's fields). */
  bodyRows: number;
  /** About's data rows as they are (existing, renamed, convert). */
  aboutRows?: unknown[][];
}

function ruleOf(rule: ValidationRule): Excel.DataValidationRule {
  switch (rule.kind) {
    case 'list':
      return {
        list: {
          inCellDropDown: true,
          source: rule.source.kind === 'inline' ? rule.source.labels.join(',') : `=${rule.source.range}`,
        },
      };
    case 'decimal':
      return { decimal: { formula1: rule.value, operator: 'GreaterThan' } };
    case 'date':
      return { date: { formula1: rule.value, operator: 'GreaterThan' } };
    case 'textLength':
      return { textLength: { formula1: rule.value, operator: 'LessThanOrEqualTo' } };
  }
}

function promptOf(prompt: Prompt): Excel.DataValidationPrompt {
  return { showPrompt: true, title: prompt.title, message: prompt.text };
}

/** Queues the prompt and, when there is one, the rule and its error alert on `range` (ExcelApi 1.8). */
function queueValidation(range: Excel.Range, setup: { prompt: Prompt; validation: ValidationRule | null }): void {
  range.dataValidation.clear();
  if (setup.validation) {
    range.dataValidation.ignoreBlanks = true;
    range.dataValidation.rule = ruleOf(setup.validation);
    range.dataValidation.errorAlert = {
      showAlert: true,
      style: 'Stop',
      title: setup.prompt.title,
      message: setup.validation.error,
    };
  }
  range.dataValidation.prompt = promptOf(setup.prompt);
}

const VALIDATION_BYTES = requestBytes(6, { rule: 'x'.repeat(300), prompt: 'x'.repeat(300) });

/** Where each contract column is (0-based in the table) once missing ones are added at the right. */
function columnPositions(plan: TablePlan): { column: ColumnSetup; index: number; added: boolean }[] {
  const keys = plan.headers.map(headerKey);
  let next = plan.headers.length;
  return plan.setup.columns.map((column) => {
    const at = keys.indexOf(normaliseName(column.header));
    return at >= 0 ? { column, index: at, added: false } : { column, index: next++, added: true };
  });
}

function sameHeaders(headers: unknown[], setup: TableSetup): number {
  const keys = new Set(setup.columns.map((c) => normaliseName(c.header)));
  return new Set(headers.map(headerKey).filter((k): k is string => k !== null && keys.has(k))).size;
}

interface Located {
  setup: TableSetup;
  byName: Excel.Table;
  sheet: Excel.Worksheet;
}

/** A table of the workbook, any name: its header row (values and address) and its data rows. */
interface TableInfo {
  table: Excel.Table;
  name: string;
  header: Excel.Range;
  body: Excel.Range;
}

/** The top rows of a plain range on a sheet of a contract table's name, where its header row may be. */
interface PlainTop {
  rect: Rect;
  range: Excel.Range;
}

/**
 * Set-up in its steps: find the tables (by name, then by headers), read the plain ranges where none is, plan
 * each table (keep, rename, convert or create), then write the tables, the lists and the formats.
 */
export async function setUpWorkbook(
  context: Excel.RequestContext,
  setup: ExcelSetup,
  support: SetUpSupport,
  progress?: Progress,
): Promise<SetUpReport> {
  const total = 5;
  const step = (done: number, label: string) => progress?.({ label, done, total });

  step(0, 'Looking at the workbook');
  const { located, allTables, listsSheet } = await locate(context, setup);
  step(1, 'Reading the tables');
  const { tableInfo, usedRanges } = await readHeaders(context, located, allTables);
  const plans = planFromTables(located, tableInfo, setup);
  step(2, 'Looking for headers');
  const tops = await readPlainTops(context, located, usedRanges, plans, tableInfo);
  step(3, 'Planning');
  located.forEach((l, i) => {
    plans[i] ??= planFromSheet(l, tops[i] ?? null);
  });

  step(4, 'Writing the tables, formats and dropdowns');
  const batch = new WriteBatch(context, { suspendCalculation: support.suspendCalculation });
  const report = await writeTables(context.workbook, located, plans as TablePlan[], batch);
  if (support.dataValidation && setup.lists.length > 0) await writeLists(context.workbook, setup, listsSheet, batch);
  for (const plan of plans as TablePlan[]) await formatTable(context, plan, support, batch);
  await batch.send();
  step(5, 'Done');

  if (!support.dataValidation) report.skipped.push(SKIPPED_VALIDATION);
  if (!support.freezePanes) report.skipped.push(SKIPPED_FREEZE);
  return report;
}

/** Request 1: which contract tables and sheets exist by name, every table's name, and the Lists sheet. */
async function locate(context: Excel.RequestContext, setup: ExcelSetup) {
  const { workbook } = context;
  const located: Located[] = setup.tables.map((t) => ({
    setup: t,
    byName: workbook.tables.getItemOrNullObject(t.tableName).load('name'),
    sheet: workbook.worksheets.getItemOrNullObject(t.name).load('name'),
  }));
  const allTables = workbook.tables.load('items/name');
  const listsSheet = workbook.worksheets.getItemOrNullObject(LISTS_SHEET).load('name');
  await context.sync();
  return { located, allTables, listsSheet };
}

/** Request 2: every table's header row and size; the used range of each named sheet without its table. */
async function readHeaders(context: Excel.RequestContext, located: Located[], allTables: Excel.TableCollection) {
  const tableInfo: TableInfo[] = allTables.items.map((table) => ({
    table,
    name: table.name,
    header: table.getHeaderRowRange().load('values,address'),
    body: table.getDataBodyRange().load('rowCount'),
  }));
  const usedRanges = located.map((l) =>
    l.byName.isNullObject && !l.sheet.isNullObject ? l.sheet.getUsedRangeOrNullObject(true).load('address') : null,
  );
  await context.sync();
  return { tableInfo, usedRanges };
}

const infoOf = (tableInfo: TableInfo[], name: string) =>
  tableInfo.find((i) => i.name.toLowerCase() === name.toLowerCase())!;

/**
 * The table each contract table is, where one is: a table of its name first, then among the rest (no other
 * contract table's name) the one with most of its headers, on its own sheet when tied. Null where none is.
 */
function planFromTables(located: Located[], tableInfo: TableInfo[], setup: ExcelSetup): (TablePlan | null)[] {
  const plans: (TablePlan | null)[] = located.map(() => null);
  const contractNames = new Set(setup.tables.map((t) => t.tableName.toLowerCase()));
  const planFromTable = (l: Located, name: string, kind: 'existing' | 'renamed'): TablePlan => {
    const info = infoOf(tableInfo, name);
    const header = parseAddress(info.header.address);
    return {
      setup: l.setup,
      kind,
      sheet: header.sheet,
      createSheet: false,
      currentName: info.name,
      header,
      headers: info.header.values[0] ?? [],
      bodyRows: info.body.rowCount,
    };
  };
  const claimed = new Set<string>();
  located.forEach((l, i) => {
    if (l.byName.isNullObject) return;
    claimed.add(l.byName.name.toLowerCase());
    plans[i] = planFromTable(l, l.byName.name, 'existing');
  });
  located.forEach((l, i) => {
    if (plans[i]) return;
    const onOwnSheet = (info: TableInfo) => Number(parseAddress(info.header.address).sheet === l.setup.name);
    const best = tableInfo
      .filter((info) => !claimed.has(info.name.toLowerCase()) && !contractNames.has(info.name.toLowerCase()))
      .map((info) => ({ info, score: sameHeaders(info.header.values[0] ?? [], l.setup) }))
      .filter((c) => c.score >= Math.min(2, l.setup.columns.length))
      .sort((a, b) => b.score - a.score || onOwnSheet(b.info) - onOwnSheet(a.info))[0];
    if (best) {
      claimed.add(best.info.name.toLowerCase());
      plans[i] = planFromTable(l, best.info.name, 'renamed');
    }
  });
  return plans;
}

/**
 * Request 3, only when needed: the top of each plain range on a sheet of a table's name, to find its header
 * row; and About's rows when About is a table already (kept on its plan).
 */
async function readPlainTops(
  context: Excel.RequestContext,
  located: Located[],
  usedRanges: (Excel.Range | null)[],
  plans: (TablePlan | null)[],
  tableInfo: TableInfo[],
): Promise<(PlainTop | null)[]> {
  const tops = located.map((l, i) => {
    const used = usedRanges[i];
    if (plans[i] || !used || used.isNullObject) return null;
    const rect = parseAddress(used.address);
    const rows = Math.min(HEADER_SEARCH_ROWS, rect.bottom - rect.top + 1);
    return { rect, range: l.sheet.getRange(rectA1({ ...rect, bottom: rect.top + rows - 1 })).load('values') };
  });
  const aboutPlan = plans.find((p) => p?.setup.fields);
  const aboutBody = aboutPlan
    ? infoOf(tableInfo, aboutPlan.currentName!).table.getDataBodyRange().load('values')
    : null;
  if (tops.some((t) => t !== null) || aboutBody) await context.sync();
  if (aboutPlan && aboutBody) aboutPlan.aboutRows = aboutBody.values;
  return tops;
}

/**
 * A contract table that is no table yet: a new table at A1 of its sheet (made when missing), or a table over
 * the header row found in the plain range and the rows below. Throws, naming the sheet, when the sheet holds
 * other things and none of the headers.
 */
function planFromSheet(l: Located, top: PlainTop | null): TablePlan {
  if (!top) {
    const sheet = l.sheet.isNullObject ? l.setup.name : l.sheet.name;
    return {
      setup: l.setup,
      kind: 'create',
      sheet,
      createSheet: l.sheet.isNullObject,
      header: { sheet, top: 1, left: 1, bottom: 1, right: l.setup.fields ? 2 : l.setup.columns.length },
      headers: l.setup.columns.map((c) => c.header),
      bodyRows: l.setup.fields ? l.setup.fields.length : 1,
    };
  }
  const values = top.range.values;
  const keys = new Set(l.setup.columns.map((c) => normaliseName(c.header)));
  const headerIndex = findHeaderRow(values, l.setup);
  const row = values[headerIndex];
  if (headerIndex < 0 || !row || !row.some((v) => keys.has(headerKey(v) ?? ''))) {
    throw new Error(
      `The sheet "${l.sheet.name}" holds other things (${rectA1(top.rect)}) and none of the ${l.setup.name} headers (${l.setup.columns
        .map((c) => c.header)
        .join(', ')}). Nothing was changed: rename that sheet, or add the headers above its rows, and set up again.`,
    );
  }
  const used = row.flatMap((v, c) => (isBlank(v) ? [] : [c]));
  const header: Rect = {
    sheet: l.sheet.name,
    top: top.rect.top + headerIndex,
    bottom: top.rect.top + headerIndex,
    left: top.rect.left + (used[0] ?? 0),
    right: top.rect.left + (used[used.length - 1] ?? 0),
  };
  const bodyRows = Math.max(top.rect.bottom - header.top, 1);
  return {
    setup: l.setup,
    kind: 'convert',
    sheet: l.sheet.name,
    createSheet: false,
    header,
    headers: row.slice(used[0] ?? 0, (used[used.length - 1] ?? 0) + 1),
    bodyRows,
    ...(l.setup.fields
      ? {
          aboutRows: values.slice(headerIndex + 1).map((r) => r.slice(used[0] ?? 0, (used[used.length - 1] ?? 0) + 1)),
        }
      : {}),
  };
}

/** The tables made, renamed or repaired as planned, and About's fields; what was done, for the report. */
async function writeTables(
  workbook: Excel.Workbook,
  located: Located[],
  plans: TablePlan[],
  batch: WriteBatch,
): Promise<SetUpReport> {
  const report: SetUpReport = { created: [], repaired: [], addedColumns: [], skipped: [] };
  const tables = new Map<TableName, Excel.Table>();
  for (const [i, plan] of plans.entries()) {
    const l = located[i]!;
    const name = plan.setup.name;
    if (plan.kind === 'create') {
      const rows = newTableRows(plan);
      await batch.add(requestBytes(8, rows), () => {
        const sheet = plan.createSheet ? workbook.worksheets.add(plan.sheet) : l.sheet;
        const address = rectA1({ ...plan.header, bottom: plan.header.top + rows.length - 1 });
        writeCells(sheet.getRange(address), rows);
        const table = sheet.tables.add(address, true);
        table.name = plan.setup.tableName;
        table.style = plan.setup.style;
        tables.set(name, table);
      });
      report.created.push(name);
      continue;
    }
    await batch.add(requestBytes(6), () => {
      let table: Excel.Table;
      if (plan.kind === 'convert') {
        table = l.sheet.tables.add(rectA1({ ...plan.header, bottom: plan.header.top + plan.bodyRows }), true);
        table.name = plan.setup.tableName;
        table.style = plan.setup.style;
      } else {
        table = workbook.tables.getItem(plan.currentName!);
        if (plan.currentName !== plan.setup.tableName) table.name = plan.setup.tableName;
      }
      tables.set(name, table);
      for (const position of columnPositions(plan).filter((p) => p.added)) {
        table.columns.add(undefined, undefined, position.column.header);
      }
    });
    report.repaired.push(name);
    for (const p of columnPositions(plan).filter((p) => p.added))
      report.addedColumns.push(`${name}.${p.column.header}`);
    if (plan.setup.fields) await repairAbout(plan, tables.get(name)!, batch);
  }
  return report;
}

/** The hidden Lists sheet the dropdowns read: each list's column rewritten (ExcelApi 1.8). */
async function writeLists(
  workbook: Excel.Workbook,
  setup: ExcelSetup,
  listsSheet: Excel.Worksheet,
  batch: WriteBatch,
): Promise<void> {
  await batch.add(requestBytes(4 + 3 * setup.lists.length, setup.lists), () => {
    const sheet = listsSheet.isNullObject ? workbook.worksheets.add(LISTS_SHEET) : listsSheet;
    for (const list of setup.lists) {
      const letter = columnLetter(list.column);
      sheet.getRange(`${letter}:${letter}`).clear('Contents');
      writeCells(
        sheet.getRange(`${letter}1:${letter}${list.labels.length + 1}`),
        [list.name, ...list.labels].map((l) => [writtenCell(l, 'text')]),
      );
      sheet.getRange(`${letter}1`).format.columnWidth = columnWidthPoints(list.width);
    }
    sheet.visibility = 'Hidden';
  });
}

/** Writes cells into `range` (exactly their size): the number formats first, so text is kept as text. */
function writeCells(range: Excel.Range, cells: readonly (readonly WrittenCell[])[]): void {
  range.numberFormat = cells.map((row) => row.map((c) => c.format));
  range.values = cells.map((row) => row.map((c) => c.value));
}

/** The header and first rows of a new table: About's fields with their pre-filled values, else one blank row. */
function newTableRows(plan: TablePlan): WrittenCell[][] {
  const header = plan.setup.columns.map((c) => writtenCell(c.header, 'text'));
  if (!plan.setup.fields) return [header, plan.setup.columns.map((c) => writtenCell('', c.type, c.numberFormat))];
  return [header, ...plan.setup.fields.map((f) => [writtenCell(f.field, 'text'), fieldCell(f)])];
}

/** About's Value cell of a field as pre-filled (blank without a value), in the field's format. */
function fieldCell(field: FieldSetup): WrittenCell {
  return writtenCell(field.value, field.type, field.numberFormat);
}

/**
 * About repaired: fields missing from the Field column are added below (into the one blank row of an
 * otherwise empty table first), and blank Values of known fields pre-filled. Nothing else is touched.
 */
async function repairAbout(plan: TablePlan, table: Excel.Table, batch: WriteBatch): Promise<void> {
  const fields = plan.setup.fields ?? [];
  const positions = columnPositions(plan);
  const fieldAt = positions[0]!.index;
  const valueAt = positions[1]!.index;
  const width = Math.max(plan.headers.length, ...positions.map((p) => p.index + 1));
  const rows = plan.aboutRows ?? [];
  const present = new Map<string, number>();
  rows.forEach((row, r) => {
    const key = headerKey(row[fieldAt]);
    if (key !== null && !present.has(key)) present.set(key, r);
  });
  const prefill: { row: number; cell: WrittenCell }[] = [];
  const missing: FieldSetup[] = [];
  for (const field of fields) {
    const r = present.get(normaliseName(field.field));
    if (r === undefined) missing.push(field);
    else if (field.value !== null && isBlank(rows[r]?.[valueAt])) prefill.push({ row: r, cell: fieldCell(field) });
  }
  const emptyTable = rows.length === 1 && rows[0]!.every(isBlank);
  const line = (f: FieldSetup) => {
    const row: WrittenCell[] = Array.from({ length: width }, () => writtenCell(''));
    row[fieldAt] = writtenCell(f.field, 'text');
    row[valueAt] = fieldCell(f);
    return row;
  };
  const intoBlank = emptyTable ? missing.slice(0, 1) : [];
  const appended = missing.slice(intoBlank.length);
  // Appended rows start below the table's rows (a table has at least one).
  const appendAt = Math.max(rows.length, 1);
  await batch.add(requestBytes(6 + 2 * prefill.length, [prefill, missing, missing]), () => {
    const body = table.getDataBodyRange();
    for (const p of prefill) writeCells(body.getCell(p.row, valueAt), [[p.cell]]);
    // The body's first row spans the table's width already.
    for (const f of intoBlank) writeCells(body.getRow(0), [line(f)]);
    if (appended.length > 0) {
      table.rows.add(
        undefined,
        appended.map(() => Array.from({ length: width }, () => '')),
      );
      const added = table
        .getDataBodyRange()
        .getCell(appendAt, 0)
        .getResizedRange(appended.length - 1, width - 1);
      writeCells(added, appended.map(line));
    }
  });
  plan.bodyRows = appendAt + appended.length;
}

/** Formats, widths, validation and the frozen header of one table, by absolute address on its sheet. */
async function formatTable(
  context: Excel.RequestContext,
  plan: TablePlan,
  support: SetUpSupport,
  batch: WriteBatch,
): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(plan.sheet);
  const firstRow = plan.header.top + 1;
  const lastRow = plan.header.top + Math.max(plan.bodyRows, VALIDATED_ROWS);
  const fresh = plan.kind === 'create';
  for (const { column, index, added } of columnPositions(plan)) {
    const col = plan.header.left + index;
    const data = rectA1({ top: firstRow, bottom: lastRow, left: col, right: col });
    const headerCell = rectA1({ top: plan.header.top, bottom: plan.header.top, left: col, right: col });
    const isAbout = Boolean(plan.setup.fields);
    const format =
      !isAbout && column.numberFormat
        ? Array.from({ length: lastRow - firstRow + 1 }, () => [column.numberFormat!])
        : null;
    const bytes = requestBytes(8, format) + (support.dataValidation ? VALIDATION_BYTES * 2 : 0);
    await batch.add(bytes, () => {
      if (fresh || added) sheet.getRange(headerCell).format.columnWidth = columnWidthPoints(column.width);
      if (format) sheet.getRange(data).numberFormat = format;
      if (support.dataValidation) {
        queueValidation(sheet.getRange(headerCell), { prompt: column.prompt, validation: null });
        if (!isAbout) queueValidation(sheet.getRange(data), column);
      }
    });
  }
  if (plan.setup.fields) await formatAboutValues(plan, sheet, support, batch);
  if (support.freezePanes) await batch.add(requestBytes(2), () => sheet.freezePanes.freezeRows(plan.header.top));
}

/** About's Value cells: each field's format, prompt and rule on its own row. */
async function formatAboutValues(
  plan: TablePlan,
  sheet: Excel.Worksheet,
  support: SetUpSupport,
  batch: WriteBatch,
): Promise<void> {
  const positions = columnPositions(plan);
  const fieldAt = positions[0]!.index;
  const valueCol = plan.header.left + positions[1]!.index;
  const rows: unknown[][] =
    plan.kind === 'create' ? plan.setup.fields!.map((f) => [f.field]) : (plan.aboutRows ?? []).map((r) => [r[fieldAt]]);
  // Fields added by the repair sit below the existing rows, in set-up order.
  const known = new Set(rows.map((r) => headerKey(r[0])));
  const added = plan.kind === 'create' ? [] : plan.setup.fields!.filter((f) => !known.has(normaliseName(f.field)));
  const emptyTable = plan.kind !== 'create' && rows.length === 1 && rows[0]!.every(isBlank);
  const fieldRows = [...(emptyTable ? [] : rows.map((r) => r[0])), ...added.map((f) => f.field)];
  for (const [r, field] of fieldRows.entries()) {
    const setup = plan.setup.fields!.find((f) => headerKey(field) === normaliseName(f.field));
    if (!setup) continue;
    const cell = rectA1({
      top: plan.header.top + 1 + r,
      bottom: plan.header.top + 1 + r,
      left: valueCol,
      right: valueCol,
    });
    await batch.add(
      requestBytes(6) + (support.dataValidation ? VALIDATION_BYTES : 0) + jsonBytes(setup.numberFormat ?? ''),
      () => {
        if (setup.numberFormat) sheet.getRange(cell).numberFormat = [[setup.numberFormat]];
        if (support.dataValidation) queueValidation(sheet.getRange(cell), setup);
      },
    );
  }
}
