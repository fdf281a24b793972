/**
 * The Excel appendix, written with ExcelJS's streaming writer (a register of 100,000 commitments never sits in
 * memory as a workbook model): a cover sheet, then one sheet per table, each an Excel table (xlsxTableParts.ts)
 * with a frozen, bold header row, the contract's column widths and number formats, the RACI matrix coloured by
 * role with its key. Totals are values; no cell holds a formula. Text that a spreadsheet could read as one
 * (neutralise.ts) is written exactly, as a text cell with the text number format and Excel's quote-prefix
 * style, so Excel and LibreOffice show it and keep it as text when it is edited (ExcelJS has no quote-prefix
 * style: `quotePrefixTextFormat` adds it to styles.xml).
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { RACI_FILLS } from './docx.js';
import { sheetFormat, type SheetValue } from './cellValues.js';
import { identityProperties } from './identity.js';
import { isLive } from './neutralise.js';
import { raciKey, type Appendix } from './model.js';
import { printedPage } from './printedPage.js';
import { rowPoints, wraps } from './sheetLines.js';
import { xlsxSheets, type SheetPlan } from './xlsxSheets.js';
import { addTablePart, finishTableParts } from './xlsxTableParts.js';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
const fill = (rgb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${rgb}` } });
const FILL_OF_LETTER = new Map(raciKey().map((k) => [k.letter, fill(RACI_FILLS[k.id]!)]));

type CellStyle = Partial<ExcelJS.Style>;

/**
 * One style object per column, kind of value and look, shared by every cell that has it: ExcelJS's styles
 * writer remembers a style object it has seen (a WeakMap) and skips serialising it again, so 100,000 rows cost
 * a handful of style look-ups rather than one style per cell. Kept apart by the value's type because ExcelJS
 * gives a number cell without a format the "General" format and a text cell none.
 */
class SharedStyles {
  private readonly cache = new Map<string, Map<string, Map<string, CellStyle>>>();
  /**
   * The style of a look (`look`, e.g. one column's plain body cells), a value type and a number format, made once.
   * Keyed by the strings as they are (no key is built per cell: a sheet can have a million cells).
   */
  get(look: string, type: string, numFmt: string, make: () => CellStyle): CellStyle {
    let byType = this.cache.get(look);
    if (!byType) this.cache.set(look, (byType = new Map()));
    let byFormat = byType.get(type);
    if (!byFormat) byType.set(type, (byFormat = new Map()));
    let style = byFormat.get(numFmt);
    if (!style) byFormat.set(numFmt, (style = make()));
    return style;
  }
}

const valueType = (v: SheetValue): string => (v instanceof Date ? 'date' : typeof v);

/** The text number format: the writer gives every cell of it the quote-prefix style (below). */
const TEXT_FORMAT = '@';
/** Excel's built-in id of the text format "@", which ExcelJS writes for it. */
const TEXT_FORMAT_ID = 49;

/**
 * Adds quotePrefix="1" to every cell format of the text number format in styles.xml as the streaming writer
 * appends it. Only cells whose text could start a formula have that format, so only they get the style.
 */
function quotePrefixTextFormat(workbook: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const wb = workbook as unknown as { zip: { append(source: unknown, data: { name: string }): unknown } };
  const append = wb.zip.append.bind(wb.zip);
  wb.zip.append = (source, data) =>
    append(
      data.name === 'xl/styles.xml' && typeof source === 'string'
        ? source.replace(
            new RegExp(`<xf numFmtId="${TEXT_FORMAT_ID}"(?![^>]*quotePrefix)`, 'g'),
            `<xf numFmtId="${TEXT_FORMAT_ID}" quotePrefix="1"`,
          )
        : source,
      data,
    );
}

/** Text in a header or footer: "&" is its escape character. */
const hfText = (s: string, max = 80) => (s.length > max ? `${s.slice(0, max - 1)}…` : s).replace(/&/g, '&&');

/**
 * Every printed page: the partnership (and on a draft, the draft mark in red) at the top; the register version,
 * short digest and "Page N of M" at the foot.
 */
function printedHeaderFooter(appendix: Appendix): Partial<ExcelJS.HeaderFooter> {
  const page = printedPage(appendix);
  const header = page.mark
    ? `&L${hfText(page.partnership, 60)}&C&"Arial,Bold"&KC00000${hfText(page.mark)}`
    : `&C${hfText(page.partnership)}`;
  const footer = `&L${hfText(page.footer)}&RPage &P of &N`;
  return { oddHeader: header, oddFooter: footer };
}

function writeSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  appendix: Appendix,
  plan: SheetPlan,
  index: number,
): void {
  const ws = workbook.addWorksheet(plan.name, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: plan.raci ? 1 : 0 }],
    properties: { defaultRowHeight: 15 },
    // Printed landscape, as wide as the page (a wide matrix: as many pages), the header row on every page.
    pageSetup: {
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: plan.pagesWide,
      fitToHeight: 0,
      paperSize: 9,
      margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      ...(plan.table ? { printTitlesRow: '1:1' } : {}),
      // A matrix printed over several pages wide names its rows (the activity, the provider) on each.
      ...(plan.pagesWide > 1 ? { printTitlesColumn: 'A:A' } : {}),
    },
    headerFooter: printedHeaderFooter(appendix),
  });
  ws.columns = plan.widths.map((width) => ({ width }));
  const columns = plan.table?.columns ?? [];
  const styles = new SharedStyles();
  // Each column's looks, named once (not per cell).
  const looks = plan.widths.map((_, c) => ({ plain: `p${c}`, wrapped: `w${c}`, raci: `r${c}` }));
  const styleOf = (r: number, c: number, v: string | number | Date): CellStyle => {
    // Text that could start a formula: the text format (and so the quote-prefix style), whatever the column.
    const quoted = typeof v === 'string' && isLive(v);
    const type = quoted ? 'quoted' : valueType(v);
    if (r === 0) {
      // Header names wrap (long ones in narrow columns); the matrix's organisation names stand upright.
      const upright = plan.raci && c > 0;
      return styles.get(upright ? 'upright header' : 'header', type, '', () => ({
        ...(quoted ? { numFmt: TEXT_FORMAT } : {}),
        font: { bold: true },
        fill: HEADER_FILL,
        alignment: upright
          ? { textRotation: 90, vertical: 'bottom', horizontal: 'center', wrapText: true }
          : { wrapText: true, vertical: 'bottom' },
      }));
    }
    const numFmt = quoted ? TEXT_FORMAT : (sheetFormat(columns[c]?.kind, v) ?? '');
    const look = looks[c] ?? { plain: `p${c}`, wrapped: `w${c}`, raci: `r${c}` };
    if (plan.raci && c > 0 && typeof v === 'string') {
      const f = FILL_OF_LETTER.get(v);
      return styles.get(look.raci, type, `${numFmt}|${f ? v : ''}`, () => ({
        ...(numFmt ? { numFmt } : {}),
        ...(f ? { fill: f } : {}),
        alignment: { horizontal: 'center' },
      }));
    }
    // Body cells sit at the top of their row, so a row grown for one wrapped cell reads across.
    if (wraps(v, plan.widths[c] ?? 10, 'xlsx', !plan.table && c === 0))
      return styles.get(look.wrapped, type, numFmt, () => ({
        ...(numFmt ? { numFmt } : {}),
        alignment: { wrapText: true, vertical: 'top' },
      }));
    return styles.get(look.plain, type, numFmt, () => ({
      ...(numFmt ? { numFmt } : {}),
      alignment: { vertical: 'top' },
    }));
  };
  const extraByRow = new Map<number, SheetPlan['extra']>();
  for (const e of plan.extra) extraByRow.set(e.row, [...(extraByRow.get(e.row) ?? []), e]);
  const rowCount = Math.max(plan.rows.length, ...plan.extra.map((e) => e.row));
  for (let r = 0; r < rowCount; r++) {
    const values: SheetValue[] = plan.rows[r] ?? [];
    const row = ws.getRow(r + 1);
    const height = rowPoints(values, plan.widths, 'xlsx', {
      upright: (c) => r === 0 && plan.raci && c > 0,
      // The header row and the cover's labels are bold.
      bold: (c) => r === 0 || (!plan.table && c === 0),
    });
    if (height !== undefined) row.height = height;
    for (let c = 0; c < values.length; c++) {
      const v = values[c];
      if (v === null || v === undefined) continue;
      const cell = row.getCell(c + 1);
      // ExcelJS writes plain text as <v>, whose leading and trailing white space readers drop; rich text is
      // written as <t xml:space="preserve">, so the text stays exact.
      cell.value = typeof v === 'string' && /^\s|\s$/.test(v) ? { richText: [{ text: v }] } : v;
      cell.style = styleOf(r, c, v);
    }
    for (const e of extraByRow.get(r + 1) ?? []) {
      const cell = row.getCell(e.column);
      cell.value = e.value;
      if (isLive(e.value)) cell.numFmt = TEXT_FORMAT;
      if (e.row === 1) cell.font = { bold: true };
      if (e.fill) cell.fill = fill(RACI_FILLS[e.fill]!);
    }
    row.commit();
  }
  if (plan.table)
    addTablePart(workbook, ws, index, plan.table.name, plan.rows[0] as string[], plan.rows.length, {
      totalsRow: plan.totalsRow === true,
    });
  else ws.getColumn(1).font = { bold: true };
  ws.commit();
}

/** The Excel appendix of a register version, as the bytes of an .xlsx file. */
export async function renderXlsx(appendix: Appendix): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const id = appendix.identity;
  workbook.creator = 'oda-register';
  workbook.title = `${id.partnershipName}: MoU appendices, register version ${id.version}`;
  workbook.subject = `Register version ${id.version}`;
  workbook.keywords = id.digest;
  workbook.description = Object.entries(identityProperties(id))
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  workbook.created = new Date(id.createdAt);
  workbook.modified = new Date(id.createdAt);
  xlsxSheets(appendix).forEach((plan, i) => writeSheet(workbook, appendix, plan, i + 1));
  finishTableParts(workbook);
  quotePrefixTextFormat(workbook);
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}
