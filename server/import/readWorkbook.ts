/**
 * Reads a partner .xlsx into raw tables, the shape the add-in also produces through Office.js, so files and
 * the add-in share one parser (shared/parse.ts).
 *
 * For each contract table (shared/contract.ts TABLES):
 * - an Excel table (ListObject) of that name, case-insensitive, on any sheet: its header row and data rows
 *   (a totals row is left out);
 * - else a sheet of that name (case and spaces ignored). Its header row is the first row holding a header
 *   of that table (so a title or notes above the headers are skipped), or, when no row does, the first
 *   non-blank row (the parser then reports the missing columns there). The header runs from its first to
 *   its last non-blank cell; data rows run to the last row with a value in those columns;
 * - else the table is left out (the parser reports `table/missing`).
 * Tables and sheets whose names are not in the contract are ignored.
 *
 * Values are handed over as ExcelJS gives them (string, number, boolean, Date, null, or its rich-text,
 * hyperlink, formula and error objects); the shared parser is the one place that unwraps them (shared/cells.ts),
 * so a hyperlinked email keeps its mailto: target for the Email column and a formula without a cached result
 * gets the parser's "open the workbook in Excel and save it". Hidden rows are data like any other. Rows are kept in place, blank ones included, so
 * values[r][c] is at topLeft + (r, c); trailing blank rows are dropped, and each row has the header's width.
 * Merged cells: the value is in the merged region's first column only, repeated down each row the region
 * covers (a Project cell merged over three commitment rows applies to all three; a Notes cell merged across
 * columns is one value, not copies).
 *
 * A file that is not a readable .xlsx throws WorkbookFileError with one sentence naming the file.
 */
import ExcelJS from 'exceljs';
import { columnLetter, isBlank, parseA1, readText } from '../../shared/cells.js';
import { TABLES, type TableDef } from '../../shared/contract.js';
import type { CellValue, RawTable, RawTables } from '../../shared/types.js';
import JSZip from 'jszip';
import { vetWorkbookFile, type VettedWorkbook } from './vetWorkbookFile.js';
import { toUsualLayout } from './workbookPackage.js';
import { WORKBOOK_LIMITS, WorkbookFileError } from './workbookFileError.js';

export { WorkbookFileError, WORKBOOK_LIMITS, type WorkbookFileProblem } from './workbookFileError.js';

/** A rectangle of a sheet: the header row and the last row that may hold data. */
interface Region {
  sheet: ExcelJS.Worksheet;
  headerRow: number;
  firstColumn: number;
  lastColumn: number;
  lastRow: number;
}

/** What ExcelJS keeps of a loaded ListObject (its typings do not describe the loaded form). */
interface LoadedTable {
  table?: { name?: string; tableRef?: string; totalsRow?: boolean };
}

/** Parts of a worksheet the reader never needs and ExcelJS would expand cell by cell (whole-column rules). */
const IGNORED_NODES = ['dataValidations', 'conditionalFormatting', 'extLst'];

export async function readWorkbook(data: Buffer | Uint8Array, opts: { fileName?: string } = {}): Promise<RawTables> {
  const name = opts.fileName?.trim() || 'The file';
  const buffer = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const vetted = await vetWorkbookFile(buffer, name);
  const workbook = await loadWorkbook(vetted.usualLayout ? buffer : await inUsualLayout(vetted), name);
  const tables: RawTables = {};
  for (const def of TABLES) {
    const region = findListObject(workbook, def.name) ?? findSheetRegion(workbook, def);
    if (region) tables[def.name] = readRegion(region, name);
  }
  return tables;
}

/**
 * A package whose parts are not where ExcelJS looks (a workbook at xl2/workbook.xml, say), rewritten as a zip
 * with the parts the reader needs in the usual places (workbookPackage.ts). Stored, not compressed: it is
 * read at once and thrown away.
 */
async function inUsualLayout(vetted: VettedWorkbook): Promise<Buffer> {
  const zip = new JSZip();
  for (const [part, text] of toUsualLayout(vetted.pkg, vetted.read)) zip.file(part, text);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

async function loadWorkbook(buffer: Buffer, name: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // maxRows and maxCols are honoured by ExcelJS's worksheet reader but missing from its typings.
  const options = {
    ignoreNodes: IGNORED_NODES,
    maxRows: WORKBOOK_LIMITS.maxRowsPerSheet,
    maxCols: WORKBOOK_LIMITS.maxCellsPerRow,
  };
  try {
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer, options);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/^Max (row|c) count/.test(message)) {
      throw new WorkbookFileError(
        'too-large',
        name,
        `${name} has a sheet with more than ${WORKBOOK_LIMITS.maxRowsPerSheet} rows or ${WORKBOOK_LIMITS.maxCellsPerRow} columns in use, too many for a partner workbook: delete the unused rows and columns and send it again.`,
      );
    }
    throw new WorkbookFileError(
      'damaged',
      name,
      `${name} could not be read as an Excel workbook (its contents are damaged or not in the .xlsx format): open it in Excel, save a new copy as Excel Workbook (.xlsx) and send that.`,
    );
  }
  return workbook;
}

function findListObject(workbook: ExcelJS.Workbook, tableName: string): Region | null {
  const wanted = tableName.toLowerCase();
  for (const sheet of workbook.worksheets) {
    const loaded = (sheet as unknown as { tables?: Record<string, LoadedTable> }).tables ?? {};
    for (const { table } of Object.values(loaded)) {
      if (table?.name?.toLowerCase() !== wanted || typeof table.tableRef !== 'string') continue;
      const [from, to = from] = table.tableRef.split(':');
      const start = parseA1(from);
      const end = parseA1(to);
      if (!start || !end) continue;
      return {
        sheet,
        headerRow: start.row,
        firstColumn: start.column,
        lastColumn: end.column,
        lastRow: table.totalsRow ? end.row - 1 : end.row,
      };
    }
  }
  return null;
}

function squash(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}

/** A cell's text squashed for header matching, or null when it holds no text. */
function headerText(value: CellValue): string | null {
  const read = readText(value);
  return read.ok && read.value !== null ? squash(read.value) : null;
}

/** Numbers of the rows of a sheet that hold cells, ascending. */
function rowNumbers(sheet: ExcelJS.Worksheet): number[] {
  const numbers: number[] = [];
  sheet.eachRow((_row, rowNumber) => numbers.push(rowNumber));
  return numbers;
}

function findSheetRegion(workbook: ExcelJS.Workbook, def: TableDef): Region | null {
  const sheet = workbook.worksheets.find((s) => squash(s.name) === squash(def.name));
  if (!sheet) return null;
  const headers = new Set(def.columns.map((c) => squash(c.header)));
  const width = (r: number): number => sheet.findRow(r)?.cellCount ?? 0;
  const nonBlank = rowNumbers(sheet).filter((r) => rowValues(sheet, r, 1, width(r)).some((v) => !isBlank(v)));
  const headerRow =
    nonBlank.find((r) =>
      rowValues(sheet, r, 1, width(r)).some((v) => {
        const text = headerText(v);
        return text !== null && headers.has(text);
      }),
    ) ?? nonBlank[0];
  if (headerRow === undefined) return { sheet, headerRow: 1, firstColumn: 1, lastColumn: 1, lastRow: 1 };
  const used = rowValues(sheet, headerRow, 1, width(headerRow)).flatMap((v, i) => (isBlank(v) ? [] : [i + 1]));
  const firstColumn = used[0] ?? 1;
  const lastColumn = used[used.length - 1] ?? 1;
  return { sheet, headerRow, firstColumn, lastColumn, lastRow: sheet.rowCount };
}

/** The values of one row between two columns (1-based, inclusive), applying the merge rule. */
function rowValues(sheet: ExcelJS.Worksheet, rowNumber: number, first: number, last: number): CellValue[] {
  const row = sheet.findRow(rowNumber);
  const values: CellValue[] = [];
  for (let c = first; c <= last; c++) {
    const cell = row?.findCell(c);
    if (!cell) {
      values.push(null);
    } else if (cell.type === ExcelJS.ValueType.Merge) {
      // A slave cell: repeat the master's value down its own column, never across columns.
      values.push(cell.master.col === cell.col ? cell.master.value : null);
    } else {
      values.push(cell.value);
    }
  }
  return values;
}

function readRegion(region: Region, fileName: string): RawTable {
  const { sheet, headerRow, firstColumn, lastColumn, lastRow } = region;
  let lastWithData = headerRow;
  for (const r of rowNumbers(sheet)) {
    if (r <= headerRow || r > lastRow) continue;
    if (rowValues(sheet, r, firstColumn, lastColumn).some((v) => !isBlank(v))) lastWithData = r;
  }
  if (lastWithData - headerRow > WORKBOOK_LIMITS.maxRowsPerSheet) {
    throw new WorkbookFileError(
      'too-large',
      fileName,
      `${fileName} has a value in row ${lastWithData} of sheet ${sheet.name}, more than ${WORKBOOK_LIMITS.maxRowsPerSheet} rows below its headers: delete the stray value and send it again.`,
    );
  }
  const values: CellValue[][] = [];
  for (let r = headerRow; r <= lastWithData; r++) values.push(rowValues(sheet, r, firstColumn, lastColumn));
  return { sheet: sheet.name, topLeft: `${columnLetter(firstColumn)}${headerRow}`, values };
}
