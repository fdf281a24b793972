/**
 * Excel tables for ExcelJS's streaming writer, which writes sheets but not tables: each sheet gets a table part
 * (xl/tables/tableN.xml) covering its header and rows, the sheet's relationship to it, its <tableParts> element,
 * and its content type. This reaches into the writer's parts (`_sheetRelsWriter`, `_writeCloseWorksheet`,
 * `zip`), which exceljs 4.4 has kept stable; test/export/xlsx.test.ts reads the tables back with ExcelJS and
 * .ci/appendix-pdf.sh opens the workbook with LibreOffice, so a change in them fails loudly.
 */
import type ExcelJS from 'exceljs';
import { columnLetter } from '../../../shared/cells.js';

const TABLE_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table';
const TABLE_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml';
const TABLE_STYLE = 'TableStyleLight9';

interface SheetWriterParts {
  _sheetRelsWriter: { addRelationship(rel: { Target: string; Type: string }): string };
  _write(text: string): void;
  _writeCloseWorksheet(): void;
}

interface WorkbookWriterParts {
  zip: { append(source: unknown, data: { name: string }): unknown };
  __tableParts?: string[];
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Makes rows 1..rowCount of `worksheet` (header in row 1) the Excel table `name`. Call before the sheet is
 * committed. A table needs a data row, so a table of no rows covers one empty row.
 */
export function addTablePart(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  worksheet: ExcelJS.Worksheet,
  id: number,
  name: string,
  headers: readonly string[],
  rowCount: number,
  opts: { totalsRow?: boolean } = {},
): void {
  const wb = workbook as unknown as WorkbookWriterParts;
  const ws = worksheet as unknown as SheetWriterParts;
  const file = `table${id}.xml`;
  // A totals row (the last row) is the table's total row: outside the filter, kept last when sorted.
  const totals = opts.totalsRow === true && rowCount >= 3;
  const last = columnLetter(headers.length);
  const ref = `A1:${last}${Math.max(rowCount, 2)}`;
  const filterRef = totals ? `A1:${last}${rowCount - 1}` : ref;
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${name}" displayName="${name}" ref="${ref}"${totals ? ' totalsRowCount="1"' : ' totalsRowShown="0"'}>` +
    `<autoFilter ref="${filterRef}"/>` +
    `<tableColumns count="${headers.length}">` +
    headers.map((h, i) => `<tableColumn id="${i + 1}" name="${escapeXml(h)}"/>`).join('') +
    '</tableColumns>' +
    `<tableStyleInfo name="${TABLE_STYLE}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    '</table>';
  wb.zip.append(xml, { name: `xl/tables/${file}` });
  (wb.__tableParts ??= []).push(file);
  const rId = ws._sheetRelsWriter.addRelationship({ Target: `../tables/${file}`, Type: TABLE_REL });
  ws._writeCloseWorksheet = () =>
    ws._write(`<tableParts count="1"><tablePart r:id="${rId}"/></tableParts></worksheet>`);
}

/** Adds the tables' content types to [Content_Types].xml as the writer appends it. Call before commit. */
export function finishTableParts(workbook: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const wb = workbook as unknown as WorkbookWriterParts;
  const append = wb.zip.append.bind(wb.zip);
  wb.zip.append = (source, data) => {
    if (data.name === '[Content_Types].xml' && typeof source === 'string') {
      const overrides = (wb.__tableParts ?? [])
        .map((f) => `<Override PartName="/xl/tables/${f}" ContentType="${TABLE_TYPE}"/>`)
        .join('');
      return append(source.replace('</Types>', `${overrides}</Types>`), data);
    }
    return append(source, data);
  };
}
