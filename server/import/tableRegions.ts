/**
 * Finding a contract table on a sheet and reading it into a raw table, the same for every file reader
 * (readWorkbook.ts for .xlsx, ods/readOds.ts for .ods): each hands over its sheets as grids, and the rules of
 * readWorkbook.ts (the header row below a title, the header's width, trailing blank rows, the row limit) are
 * applied here once.
 */
import { columnLetter, isBlank, readText } from '../../shared/cells.js';
import type { TableDef } from '../../shared/contract.js';
import type { CellValue, RawTable } from '../../shared/types.js';
import { WORKBOOK_LIMITS, WorkbookFileError } from './workbookFileError.js';

/** A sheet as a reader holds it: rows and columns are 1-based. */
export interface Grid {
  name: string;
  /** Numbers of the rows that hold cells, ascending. */
  rowNumbers(): number[];
  /** The last column in use in row `r` (0 when none). */
  width(r: number): number;
  /** The values of row `r` from column `first` to `last` (inclusive), merged cells applied. */
  rowValues(r: number, first: number, last: number): CellValue[];
  /** The last row in use. */
  lastRow(): number;
}

/** A rectangle of a sheet: the header row and the last row that may hold data. */
export interface Region {
  grid: Grid;
  headerRow: number;
  firstColumn: number;
  lastColumn: number;
  lastRow: number;
}

function squash(text: string): string {
  return text.replace(/\s+/g, '').toLowerCase();
}

/** A cell's text squashed for header matching, or null when it holds no text. */
function headerText(value: CellValue): string | null {
  const read = readText(value);
  return read.ok && read.value !== null ? squash(read.value) : null;
}

/** The grid named like the table (case and spaces ignored). */
export function sheetNamed<G extends Grid>(grids: readonly G[], tableName: string): G | undefined {
  return grids.find((g) => squash(g.name) === squash(tableName));
}

/**
 * The table on a sheet named like it: its header row is the first row holding a header of that table, or the
 * first non-blank row when none does; the header runs from its first to its last non-blank cell.
 */
export function findSheetRegion(grids: readonly Grid[], def: TableDef): Region | null {
  const grid = sheetNamed(grids, def.name);
  if (!grid) return null;
  const headers = new Set(def.columns.map((c) => squash(c.header)));
  const nonBlank = grid.rowNumbers().filter((r) => grid.rowValues(r, 1, grid.width(r)).some((v) => !isBlank(v)));
  const headerRow =
    nonBlank.find((r) =>
      grid.rowValues(r, 1, grid.width(r)).some((v) => {
        const text = headerText(v);
        return text !== null && headers.has(text);
      }),
    ) ?? nonBlank[0];
  if (headerRow === undefined) return { grid, headerRow: 1, firstColumn: 1, lastColumn: 1, lastRow: 1 };
  const used = grid.rowValues(headerRow, 1, grid.width(headerRow)).flatMap((v, i) => (isBlank(v) ? [] : [i + 1]));
  const firstColumn = used[0] ?? 1;
  const lastColumn = used[used.length - 1] ?? 1;
  return { grid, headerRow, firstColumn, lastColumn, lastRow: grid.lastRow() };
}

/** The region's header and data rows, trailing blank rows dropped, each row as wide as the header. */
export function readRegion(region: Region, fileName: string): RawTable {
  const { grid, headerRow, firstColumn, lastColumn, lastRow } = region;
  let lastWithData = headerRow;
  for (const r of grid.rowNumbers()) {
    if (r <= headerRow || r > lastRow) continue;
    if (grid.rowValues(r, firstColumn, lastColumn).some((v) => !isBlank(v))) lastWithData = r;
  }
  if (lastWithData - headerRow > WORKBOOK_LIMITS.maxRowsPerSheet) {
    throw new WorkbookFileError(
      'too-large',
      fileName,
      `${fileName} has a value in row ${lastWithData} of sheet ${grid.name}, more than ${WORKBOOK_LIMITS.maxRowsPerSheet} rows below its headers: delete the stray value and send it again.`,
    );
  }
  const values: CellValue[][] = [];
  for (let r = headerRow; r <= lastWithData; r++) values.push(grid.rowValues(r, firstColumn, lastColumn));
  return { sheet: grid.name, topLeft: `${columnLetter(firstColumn)}${headerRow}`, values };
}
