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
 * An OpenDocument spreadsheet (.ods) is vetted the same way and read by ods/readOds.ts into the same raw tables
 * by the same rules (its database ranges stand for Excel tables; docs/ods.md).
 *
 * A file that is not a readable .xlsx or .ods throws WorkbookFileError with one sentence naming the file.
 */
import ExcelJS from 'exceljs';
import { parseA1 } from '../../shared/cells.js';
import { TABLES, listObjectName } from '../../shared/contract.js';
import type { CellValue, RawTables } from '../../shared/types.js';
import JSZip from 'jszip';
import { findSheetRegion, readRegion, type Grid, type Region } from './tableRegions.js';
import { vetWorkbookFile, type VettedXlsx } from './vetWorkbookFile.js';
import { toUsualLayout } from './workbookPackage.js';
import { WORKBOOK_LIMITS, WorkbookFileError } from './workbookFileError.js';

export { WorkbookFileError, WORKBOOK_LIMITS, type WorkbookFileProblem } from './workbookFileError.js';

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
  if (vetted.format === 'ods') {
    // The OpenDocument reader (and its XML parser) loads only when an .ods arrives.
    const { readOdsTables } = await import('./ods/readOds.js');
    return readOdsTables(vetted.content, name);
  }
  const workbook = await loadWorkbook(vetted.usualLayout ? buffer : await inUsualLayout(vetted), name);
  const grids = workbook.worksheets.map(excelGrid);
  const tables: RawTables = {};
  for (const def of TABLES) {
    const region =
      findListObject(workbook, grids, listObjectName(def.name)) ??
      findListObject(workbook, grids, def.name) ??
      findSheetRegion(grids, def);
    if (region) tables[def.name] = readRegion(region, name);
  }
  return tables;
}

/** An ExcelJS worksheet as the region finder reads it (tableRegions.ts). */
function excelGrid(sheet: ExcelJS.Worksheet): Grid {
  return {
    name: sheet.name,
    rowNumbers() {
      const numbers: number[] = [];
      sheet.eachRow((_row, rowNumber) => numbers.push(rowNumber));
      return numbers;
    },
    width: (r) => sheet.findRow(r)?.cellCount ?? 0,
    rowValues: (r, first, last) => rowValues(sheet, r, first, last),
    lastRow: () => sheet.rowCount,
  };
}

/**
 * A package whose parts are not where ExcelJS looks (a workbook at xl2/workbook.xml, say), rewritten as a zip
 * with the parts the reader needs in the usual places (workbookPackage.ts). Stored, not compressed: it is
 * read at once and thrown away.
 */
async function inUsualLayout(vetted: VettedXlsx): Promise<Buffer> {
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

function findListObject(workbook: ExcelJS.Workbook, grids: readonly Grid[], tableName: string): Region | null {
  const wanted = tableName.toLowerCase();
  for (const [index, sheet] of workbook.worksheets.entries()) {
    const loaded = (sheet as unknown as { tables?: Record<string, LoadedTable> }).tables ?? {};
    for (const { table } of Object.values(loaded)) {
      if (table?.name?.toLowerCase() !== wanted || typeof table.tableRef !== 'string') continue;
      const [from, to = from] = table.tableRef.split(':');
      const start = parseA1(from);
      const end = parseA1(to);
      if (!start || !end) continue;
      return {
        grid: grids[index]!,
        headerRow: start.row,
        firstColumn: start.column,
        lastColumn: end.column,
        lastRow: table.totalsRow ? end.row - 1 : end.row,
      };
    }
  }
  return null;
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
