/**
 * The appendix as an OpenDocument spreadsheet, built from the same sheet plans as the Excel appendix
 * (xlsxSheets.ts): the same sheets, headers, widths, values and number formats, a cover naming the register
 * version and digest, each table a named database range (LibreOffice's form of an Excel table), bold shaded
 * headers and the RACI matrix coloured by role with its key. Text is always a text cell, never a formula: the
 * writer (../ods/odsWriter.ts) writes no table:formula at all, so text that a spreadsheet could read as a
 * formula (neutralise.ts) is kept exactly, as the Excel appendix keeps it with its quote-prefix style.
 * `verify` reads it back (verifyOds.ts) and compares every cell with these plans.
 */
import { RACI_FILLS } from './docx.js';
import { SHEET_FORMAT } from '../../../shared/displayFormat.js';
import { sheetFormat, type SheetValue } from './cellValues.js';
import { identityProperties } from './identity.js';
import { printedPage } from './printedPage.js';
import { rowPoints, wraps } from './sheetLines.js';
import { raciKey, type Appendix, type AppendixColumn } from './model.js';
import { xlsxSheets, type SheetPlan } from './xlsxSheets.js';
import { writeOds, type OdsCell, type OdsDatabaseRange, type OdsFormat, type OdsSheet } from '../ods/odsWriter.js';

const HEADER_FILL = 'D9E2F3';
const FILL_OF_LETTER = new Map(raciKey().map((k) => [k.letter, RACI_FILLS[k.id]!]));

/** The Excel appendix's number formats (cellValues.ts SHEET_FORMATS) by the writer's names. */
const FORMAT_OF_KIND: Partial<Record<AppendixColumn['kind'], OdsFormat>> = {
  date: 'longDate',
  money: 'money',
  fte: 'fixed2',
  stake: 'percent',
  count: 'count',
  quantity: 'quantity',
};

function sheetOf(plan: SheetPlan): OdsSheet {
  const columns = plan.table?.columns ?? [];
  const rowCount = Math.max(plan.rows.length, ...plan.extra.map((e) => e.row));
  const rows: OdsCell[][] = [];
  const heights: (number | undefined)[] = [];
  // The matrix's organisation names stand upright over their narrow columns, as in the Excel appendix.
  const upright = (r: number, c: number) => r === 0 && plan.raci && c > 0;
  for (let r = 0; r < rowCount; r++) {
    const values: SheetValue[] = plan.rows[r] ?? [];
    // The header row and the cover's labels are bold.
    const bold = (c: number) => r === 0 || (!plan.table && c === 0);
    heights.push(rowPoints(values, plan.widths, 'ods', { upright: (c) => upright(r, c), bold }));
    const cells: OdsCell[] = values.map((v, c) => {
      if (r === 0)
        return upright(r, c)
          ? { value: v, bold: true, fill: HEADER_FILL, upright: true }
          : {
              value: v,
              bold: true,
              fill: HEADER_FILL,
              ...(wraps(v, plan.widths[c] ?? 10, 'ods', true) ? { wrap: true } : {}),
            };
      const kind = columns[c]?.kind;
      const format =
        sheetFormat(kind, v) === SHEET_FORMAT.wholePounds ? 'wholeMoney' : kind ? FORMAT_OF_KIND[kind] : undefined;
      // Under a row grown for a wrapped cell, every cell starts at the top, so the row reads across.
      const top = heights[r] !== undefined;
      const cell: OdsCell = { value: v, ...(format ? { format } : {}), ...(top ? { top } : {}) };
      if (!plan.table && c === 0) cell.bold = true;
      if (plan.raci && c > 0 && typeof v === 'string') {
        const fill = FILL_OF_LETTER.get(v);
        return { ...cell, center: true, ...(fill ? { fill } : {}) };
      }
      if (wraps(v, plan.widths[c] ?? 10, 'ods', bold(c))) cell.wrap = true;
      return cell;
    });
    for (const e of plan.extra.filter((x) => x.row === r + 1)) {
      while (cells.length < e.column - 1) cells.push({ value: null });
      cells[e.column - 1] = {
        value: e.value,
        ...(e.row === 1 ? { bold: true } : {}),
        ...(e.fill ? { fill: RACI_FILLS[e.fill]! } : {}),
      };
    }
    rows.push(cells);
  }
  return {
    name: plan.name,
    widths: plan.widths,
    rows,
    rowHeights: heights,
    // As the Excel appendix prints: a table's header row on every page; a wide matrix over several pages wide,
    // its first column on each.
    ...(plan.table ? { headerRows: 1 } : {}),
    ...(plan.pagesWide > 1 ? { pagesWide: plan.pagesWide, headerColumns: 1 } : {}),
  };
}

/** The appendix of a register version as the bytes of an .ods file. */
export async function renderOds(appendix: Appendix): Promise<Buffer> {
  const plans = xlsxSheets(appendix);
  const ranges: OdsDatabaseRange[] = plans.flatMap((plan) =>
    plan.table
      ? [
          {
            name: plan.table.name,
            sheet: plan.name,
            firstRow: 0,
            firstColumn: 0,
            lastRow: Math.max(plan.rows.length - 1, 1),
            lastColumn: plan.table.columns.length - 1,
          },
        ]
      : [],
  );
  const id = appendix.identity;
  const page = printedPage(appendix);
  return writeOds({
    title: `${id.partnershipName}: MoU appendices, register version ${id.version}`,
    subject: `Register version ${id.version}`,
    keywords: id.digest,
    properties: identityProperties(id),
    created: id.createdAt,
    sheets: plans.map(sheetOf),
    databaseRanges: ranges,
    printed: { headerLeft: page.partnership, headerMark: page.mark, footerLeft: page.footer },
  });
}
