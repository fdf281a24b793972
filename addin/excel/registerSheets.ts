/// <reference types="office-js" />
/**
 * Writes a register version into new sheets for the PMG (partners, contacts, commitments with totals, the
 * role matrix, participation, issues), replacing sheets of the same names. Each sheet is built under a
 * temporary name and only then put in place of the old one, so a workbook whose only sheets are being
 * replaced never has none. Header row bold and frozen (ExcelApi 1.7, where there), widths, number formats
 * by column, and fills for cells whose value has one (the R/A/C/I of the matrix), painted in runs down each
 * column so a large matrix is a few calls, not one per cell. Large sheets are split under the request limit.
 * Text from the partners' submissions is written as text under the text format "@" (Excel retypes nothing,
 * and a leading "=" never becomes a formula), numbers under their column's format, and ISO dates in a column
 * with a date format as dates: the rule of cellValues.ts.
 */
import type { Progress, RegisterSheet } from '../gateway.js';
import { rectA1, sheetNameProblem } from './address.js';
import { chunkRows, WriteBatch } from './batch.js';
import { columnWidthPoints } from './columnWidth.js';
import { writtenCell } from './cellValues.js';
import { jsonBytes, requestBytes } from './requestSize.js';

/** A number format that shows a date (yyyy-mm-dd, dd/mm/yyyy...): its column's ISO dates are written as dates. */
function isDateFormat(format: string | null | undefined): boolean {
  return typeof format === 'string' && /[dy]/i.test(format.replace(/"[^"]*"/g, ''));
}

/** Runs of cells down each column whose value has a fill: [column, first row, last row, colour] (0-based rows of `rows`). */
export function fillRuns(sheet: RegisterSheet): [number, number, number, string][] {
  const fills = sheet.fills ?? {};
  const runs: [number, number, number, string][] = [];
  for (let c = 0; c < sheet.header.length; c++) {
    let open: [number, number, number, string] | null = null;
    sheet.rows.forEach((row, r) => {
      const value = row[c];
      const colour = value === null || value === undefined ? undefined : fills[String(value)];
      if (open && colour === open[3] && r === open[2] + 1) {
        open[2] = r;
        return;
      }
      if (open) runs.push(open);
      open = colour ? [c, r, r, colour] : null;
    });
    if (open) runs.push(open);
  }
  return runs;
}

export async function writeRegisterSheets(
  context: Excel.RequestContext,
  sheets: readonly RegisterSheet[],
  options: { suspendCalculation: boolean; freezePanes: boolean; progress?: Progress },
): Promise<void> {
  for (const s of sheets) {
    const problem = sheetNameProblem(s.name);
    if (problem) throw new Error(`The register could not be loaded: ${problem}`);
    const bad = s.rows.findIndex((row) => row.length !== s.header.length);
    if (bad >= 0) {
      throw new Error(
        `The register sheet "${s.name}" row ${bad + 2} has ${s.rows[bad]!.length} values for ${s.header.length} columns.`,
      );
    }
  }
  const { workbook } = context;
  const existing = workbook.worksheets.load('items/name');
  await context.sync();
  const names = existing.items.map((w) => w.name.toLowerCase());
  const temporary = (name: string, i: number) => {
    let n = 0;
    let candidate = `~${i} ${name}`.slice(0, 31);
    while (names.includes(candidate.toLowerCase())) candidate = `~${i}.${++n} ${name}`.slice(0, 31);
    return candidate;
  };

  const total = sheets.reduce((n, s) => n + s.rows.length, 0);
  let done = 0;
  const batch = new WriteBatch(context, { suspendCalculation: options.suspendCalculation });
  const built: { name: string; temp: string }[] = [];

  for (const [i, s] of sheets.entries()) {
    const temp = temporary(s.name, i);
    built.push({ name: s.name, temp });
    const sheet = () => workbook.worksheets.getItem(temp);
    const lastColumn = Math.max(s.header.length, 1);
    await batch.add(requestBytes(6 + lastColumn, [s.header, s.widths ?? []]), () => {
      const added = workbook.worksheets.add(temp);
      const header = added.getRange(rectA1({ top: 1, bottom: 1, left: 1, right: lastColumn }));
      const headers = (s.header.length > 0 ? s.header : ['']).map((h) => writtenCell(h, 'text'));
      header.numberFormat = [headers.map((h) => h.format)];
      header.values = [headers.map((h) => h.value)];
      header.format.font.bold = true;
      (s.widths ?? []).forEach((w, c) => {
        added.getRange(rectA1({ top: 1, bottom: 1, left: c + 1, right: c + 1 })).format.columnWidth =
          columnWidthPoints(w);
      });
      if (options.freezePanes) added.freezePanes.freezeRows(1);
    });
    let at = 0;
    for (const chunk of chunkRows(s.rows, (row) => 2 * jsonBytes(row))) {
      const from = at;
      // Each cell under its format, set first: text under "@", numbers under the column's format, ISO dates
      // in a date-format column as dates (cellValues.ts).
      const cells = chunk.map((row) =>
        row.map((v, c) => {
          const format = s.numberFormats?.[c] ?? undefined;
          return writtenCell(v, isDateFormat(format) ? 'date' : undefined, format);
        }),
      );
      const values = cells.map((row) => row.map((cell) => cell.value));
      const formats = cells.map((row) => row.map((cell) => cell.format));
      await batch.add(requestBytes(4, [values, formats]), () => {
        const range = sheet().getRange(
          rectA1({ top: 2 + from, bottom: 1 + from + chunk.length, left: 1, right: lastColumn }),
        );
        range.numberFormat = formats;
        range.values = values;
      });
      at += chunk.length;
      done += chunk.length;
      options.progress?.({ label: `Writing ${s.name}: ${at} of ${s.rows.length} rows`, done, total });
    }
    for (const [c, first, last, colour] of fillRuns(s)) {
      await batch.add(requestBytes(4, colour), () => {
        sheet().getRange(rectA1({ top: 2 + first, bottom: 2 + last, left: c + 1, right: c + 1 })).format.fill.color =
          colour;
      });
    }
  }

  // Put the new sheets in place of the old ones, and show the first.
  await batch.add(requestBytes(4 * built.length), () => {
    if (built[0]) workbook.worksheets.getItem(built[0].temp).activate();
    for (const { name, temp } of built) {
      const old = existing.items.find((w) => w.name.toLowerCase() === name.toLowerCase());
      if (old) old.delete();
      workbook.worksheets.getItem(temp).name = name;
    }
  });
  await batch.send();
}
