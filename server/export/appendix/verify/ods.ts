/**
 * What a reader sees in an OpenDocument appendix, as blocks (content.ts): the sheets in order, then every
 * non-blank cell of every sheet by its value (numbers, dates, booleans, text; a link with its target, a formula
 * as a formula with what it shows), read by the partner-workbook reader (server/import/ods/readOds.ts) from
 * the content part open.ts vetted. The cover is a sheet like the others. Unlike the Excel reader it compares
 * values, not how their number formats show them: LibreOffice renames a file's styles whenever it saves it.
 */
import { readOdsContent, type OdsSheet } from '../../../import/ods/readOds.js';
import { WorkbookFileError } from '../../../import/workbookFileError.js';
import { COVER_SHEET } from '../xlsxSheets.js';
import { NotAnAppendix, type Block, type FileIdentity } from './content.js';
import { coverIdentity } from './cover.js';

/** A cell's value as the comparison reads it. */
function shownValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  const v = value as { formula?: string; result?: unknown; text?: unknown; hyperlink?: string; error?: string };
  if (v.formula !== undefined) {
    const result = v.result === undefined ? '' : ` showing ${shownValue(v.result)}`;
    return `=${v.formula.replace(/^of:=/, '')} (a formula${result})`;
  }
  if (v.hyperlink !== undefined) return `${shownValue(v.text)} (a link to ${v.hyperlink})`;
  if (v.error !== undefined) return String(v.error);
  return String(value);
}

/** The sheets of the vetted parts. Throws NotAnAppendix. */
export function loadOdsSheets(parts: Map<string, Buffer>): OdsSheet[] {
  const content = parts.get('content.xml');
  if (!content) throw new NotAnAppendix('the OpenDocument file has no content (content.xml is missing).');
  try {
    return readOdsContent(content, 'the file').sheets;
  } catch (error) {
    if (!(error instanceof WorkbookFileError)) throw error;
    throw new NotAnAppendix(
      error.problem === 'too-large'
        ? 'the spreadsheet has more rows or cells than any appendix.'
        : 'the OpenDocument spreadsheet cannot be read (it is damaged).',
    );
  }
}

function sheetBlock(sheet: OdsSheet): Block {
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (const r of sheet.rowNumbers()) {
    const cells = sheet.rowValues(r, 1, sheet.width(r)).map(shownValue);
    if (cells.some((x) => x !== '')) {
      rows.push(cells);
      rowNumbers.push(r);
    }
  }
  return { id: `sheet ${sheet.name}`, where: `sheet "${sheet.name}"`, kind: 'table', header: true, rows, rowNumbers };
}

export function odsIdentity(sheets: readonly OdsSheet[]): FileIdentity {
  const fields: Record<string, string> = {};
  const cover = sheets.find((s) => s.name === COVER_SHEET);
  for (const r of cover?.rowNumbers() ?? []) {
    const [k, v] = cover!.rowValues(r, 1, 2);
    if (typeof k === 'string' && v !== null && v !== undefined) fields[k] = shownValue(v);
  }
  return coverIdentity(fields);
}

export function odsBlocks(sheets: readonly OdsSheet[]): Block[] {
  const order: Block = {
    id: 'sheets',
    where: 'the spreadsheet',
    kind: 'fields',
    header: false,
    rows: [['sheets', sheets.map((s) => s.name).join('; ')]],
  };
  return [order, ...sheets.map(sheetBlock)];
}
