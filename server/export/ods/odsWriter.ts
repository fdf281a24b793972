/**
 * Writes an OpenDocument spreadsheet (.ods, ODF 1.3) from a small model: sheets of values with column widths,
 * bold header rows, hidden sheets, named database ranges (LibreOffice's form of an Excel table) and content
 * validations (dropdowns, rules, input prompts). Used by the partner template (template.ts) and the Excel-like
 * appendix (appendix/ods.ts), each building the model from the same data as its .xlsx counterpart.
 *
 * Text is always written as text (office:value-type="string"), never as a formula: a cell is a formula in ODF
 * only through a table:formula attribute, which this writer never writes. The file is the same bytes for the
 * same model (fixed zip dates), so an appendix can be compared and cached.
 */
import JSZip from 'jszip';
import { columnLetter } from '../../../shared/cells.js';
import { ukDate } from '../../../shared/displayFormat.js';

export type OdsValue = string | number | boolean | Date | null;

/** How a number or date shows: the formats of the .xlsx writers, by name. */
export type OdsFormat =
  'date' | 'ukDate' | 'longDate' | 'money' | 'wholeMoney' | 'fixed2' | 'percent' | 'count' | 'quantity';

export interface OdsCell {
  value: OdsValue;
  /** Default: as typed (a date as yyyy-mm-dd). */
  format?: OdsFormat;
  /** The name of a validation of the document that applies to this cell. */
  validation?: string;
  bold?: boolean;
  /** Background colour, RRGGBB. */
  fill?: string;
  wrap?: boolean;
  center?: boolean;
  /** Turned a quarter, reading upwards (a narrow column's header). */
  upright?: boolean;
  /** At the top of its row (a wrapped cell always is). */
  top?: boolean;
}

export interface OdsSheet {
  name: string;
  /** Column widths in Excel characters (the unit of the .xlsx writers). */
  widths: readonly (number | undefined)[];
  rows: readonly (readonly (OdsValue | OdsCell)[])[];
  /** Row heights in points, by row (undefined: the default height). */
  rowHeights?: readonly (number | undefined)[];
  /** Printed this many pages wide (default 1: fitted to the page's width). */
  pagesWide?: number;
  /** The first rows and columns printed again on every page (print titles). */
  headerRows?: number;
  headerColumns?: number;
  /** Rows (0-based) written bold, as the .xlsx writers' header rows. */
  boldRows?: readonly number[];
  hidden?: boolean;
}

/** A named rectangle of a sheet (0-based, inclusive): what LibreOffice keeps for an Excel table. */
export interface OdsDatabaseRange {
  name: string;
  sheet: string;
  firstRow: number;
  firstColumn: number;
  lastRow: number;
  lastColumn: number;
}

export interface OdsValidation {
  name: string;
  /** An OpenFormula condition (`of:cell-content-is-in-list(...)`), or null to allow anything (a prompt only). */
  condition: string | null;
  /** Show the list as a dropdown. */
  list?: boolean;
  help?: { title: string; text: string };
  error?: { title: string; text: string };
  /** The first cell it applies to, `Sheet.A2`. */
  baseCell: string;
}

export interface OdsDocument {
  title?: string;
  subject?: string;
  keywords?: string;
  /** Custom document properties (File > Properties > Custom Properties), name -> text. */
  properties?: Record<string, string>;
  /** ISO date-time written as the creation date (the file is otherwise undated). */
  created?: string;
  sheets: readonly OdsSheet[];
  databaseRanges?: readonly OdsDatabaseRange[];
  validations?: readonly OdsValidation[];
  /**
   * What every printed page carries: a header (its left text, and a centred mark in bold red, such as a draft
   * mark) and a footer (its left text, and "Page N of M" on the right).
   */
  printed?: { headerLeft: string; headerMark: string | null; footerLeft: string };
}

const MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';
const NAMESPACES = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"',
  'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"',
].join(' ');
/** Zip entries dated so the same model gives the same bytes. */
const FIXED_DATE = new Date(Date.UTC(1980, 0, 1));

/** Characters XML 1.0 cannot hold at all (a control character in a cell is dropped). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A sheet name quoted for a cell address when it needs it: `'Lists'` -> Lists, `My sheet` -> 'My sheet'. */
export function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** One paragraph of text with its spaces and tabs kept (ODF collapses runs of spaces in plain text). */
function paragraph(line: string): string {
  let out = '';
  let spaces = 0;
  const flush = (atEnd: boolean) => {
    if (spaces === 0) return;
    const literal = out === '' || atEnd ? 0 : 1;
    out += ' '.repeat(literal);
    if (spaces - literal > 0) out += spaces - literal === 1 ? '<text:s/>' : `<text:s text:c="${spaces - literal}"/>`;
    spaces = 0;
  };
  for (const ch of line) {
    if (ch === ' ') {
      spaces += 1;
      continue;
    }
    flush(false);
    out += ch === '\t' ? '<text:tab/>' : escapeXml(ch);
  }
  flush(true);
  return `<text:p>${out}</text:p>`;
}

function textParagraphs(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(paragraph)
    .join('');
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A number as ODF writes it (no exponent surprises for the values an appendix holds). */
function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : '0';
}

/** Excel column width (characters) as an ODF length: 7 px per character plus 5 px padding, at 96 px per inch. */
export function columnWidth(characters: number): string {
  return `${((characters * 7 + 5) / 96).toFixed(4)}in`;
}

/** ODF data styles of the formats, by name (the number formats of the .xlsx writers). */
const DATA_STYLES: Record<OdsFormat, string> = {
  date: '<number:date-style style:name="Ndate"><number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/></number:date-style>',
  ukDate:
    '<number:date-style style:name="NukDate"><number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/></number:date-style>',
  longDate:
    '<number:date-style style:name="NlongDate"><number:day/><number:text> </number:text><number:month number:textual="true" number:style="long"/><number:text> </number:text><number:year number:style="long"/></number:date-style>',
  wholeMoney:
    '<number:currency-style style:name="NwholeMoney"><number:currency-symbol>£</number:currency-symbol><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1" number:grouping="true"/></number:currency-style>',
  money:
    '<number:currency-style style:name="Nmoney"><number:currency-symbol>£</number:currency-symbol><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/></number:currency-style>',
  fixed2:
    '<number:number-style style:name="Nfixed2"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1"/></number:number-style>',
  percent:
    '<number:percentage-style style:name="Npercent"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>',
  count:
    '<number:number-style style:name="Ncount"><number:number number:decimal-places="0" number:min-integer-digits="1" number:grouping="true"/></number:number-style>',
  quantity:
    '<number:number-style style:name="Nquantity"><number:number number:decimal-places="4" number:min-decimal-places="0" number:min-integer-digits="1" number:grouping="true"/></number:number-style>',
};

/** The automatic styles of a document: column widths and cell looks, each written once, named in order. */
class Styles {
  private readonly widths = new Map<string, string>();
  private readonly cells = new Map<string, { name: string; xml: string }>();
  private readonly heights = new Map<number, string>();
  /** The name of the row style of a height in points. */
  rowStyle(points: number): string {
    let name = this.heights.get(points);
    if (!name) {
      name = `ro${this.heights.size + 1}`;
      this.heights.set(points, name);
    }
    return name;
  }
  columnStyle(width: number | undefined): string {
    const length = columnWidth(width ?? 8.43);
    let name = this.widths.get(length);
    if (!name) {
      name = `co${this.widths.size + 1}`;
      this.widths.set(length, name);
    }
    return name;
  }
  /** The name of the cell style of a look, or null for the default look. */
  cellStyle(look: {
    bold: boolean;
    format?: OdsFormat;
    fill?: string;
    wrap?: boolean;
    center?: boolean;
    upright?: boolean;
    top?: boolean;
  }): string | null {
    const key = [
      look.bold ? 'b' : '',
      look.format ?? '',
      look.fill ?? '',
      look.wrap ? 'w' : '',
      look.center ? 'c' : '',
      look.upright ? 'u' : '',
      look.top && !look.wrap ? 't' : '',
    ].join('|');
    if (key === '||||||') return null;
    let style = this.cells.get(key);
    if (!style) {
      const name = `ce${this.cells.size + 1}`;
      const data = look.format ? ` style:data-style-name="N${look.format}"` : '';
      const cell = [
        look.fill ? `fo:background-color="#${look.fill}"` : '',
        look.wrap ? 'fo:wrap-option="wrap" style:vertical-align="top"' : '',
        look.upright ? 'style:rotation-angle="90" style:rotation-align="none" style:vertical-align="bottom"' : '',
        look.top && !look.wrap ? 'style:vertical-align="top"' : '',
      ].filter(Boolean);
      const parts = [
        cell.length > 0 ? `<style:table-cell-properties ${cell.join(' ')}/>` : '',
        look.center ? '<style:paragraph-properties fo:text-align="center"/>' : '',
        look.bold
          ? '<style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"/>'
          : '',
      ].join('');
      style = {
        name,
        xml: `<style:style style:name="${name}" style:family="table-cell" style:parent-style-name="Default"${data}>${parts}</style:style>`,
      };
      this.cells.set(key, style);
    }
    return style.name;
  }
  /** Table styles of sheets printed `n` pages wide, each on the master page of that name (styles.xml). */
  readonly widePrints: number[] = [];
  xml(): string {
    const columns = [...this.widths].map(
      ([length, name]) =>
        `<style:style style:name="${name}" style:family="table-column"><style:table-column-properties fo:break-before="auto" style:column-width="${length}"/></style:style>`,
    );
    const rows = [...this.heights].map(
      ([points, name]) =>
        `<style:style style:name="${name}" style:family="table-row"><style:table-row-properties style:row-height="${points}pt" style:use-optimal-row-height="false" fo:break-before="auto"/></style:style>`,
    );
    return [
      ...columns,
      ...rows,
      '<style:style style:name="ta1" style:family="table" style:master-page-name="Default"><style:table-properties table:display="true" style:writing-mode="lr-tb"/></style:style>',
      '<style:style style:name="taHidden" style:family="table" style:master-page-name="Default"><style:table-properties table:display="false" style:writing-mode="lr-tb"/></style:style>',
      ...this.widePrints.map(
        (n) =>
          `<style:style style:name="taWide${n}" style:family="table" style:master-page-name="Wide${n}"><style:table-properties table:display="true" style:page-number="auto" style:writing-mode="lr-tb"/></style:style>`,
      ),
      ...Object.values(DATA_STYLES),
      ...[...this.cells.values()].map((c) => c.xml),
    ].join('');
  }
}

function cellOf(raw: OdsValue | OdsCell): OdsCell {
  return raw !== null && typeof raw === 'object' && !(raw instanceof Date) ? raw : { value: raw };
}

function cellXml(raw: OdsValue | OdsCell, boldRow: boolean, styles: Styles): string {
  const cell = cellOf(raw);
  const attrs: string[] = [];
  const { value } = cell;
  let format = cell.format;
  let body = '';
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    format = format === 'ukDate' || format === 'longDate' ? format : 'date';
    const iso = isoDate(value);
    attrs.push(`office:value-type="date" office:date-value="${iso}"`);
    body = paragraph(
      format === 'ukDate' ? iso.split('-').reverse().join('/') : format === 'longDate' ? ukDate(iso) : iso,
    );
  } else if (typeof value === 'number') {
    const type =
      format === 'percent' ? 'percentage' : format === 'money' || format === 'wholeMoney' ? 'currency' : 'float';
    const currency = type === 'currency' ? ' office:currency="GBP"' : '';
    attrs.push(`office:value-type="${type}"${currency} office:value="${numberText(value)}"`);
    body = paragraph(numberText(value));
  } else if (typeof value === 'boolean') {
    attrs.push(`office:value-type="boolean" office:boolean-value="${value}"`);
    body = paragraph(value ? 'TRUE' : 'FALSE');
  } else if (typeof value === 'string' && value !== '') {
    // Text is text: no table:formula is ever written, so "=1+1" stays the characters typed.
    attrs.push('office:value-type="string"');
    body = textParagraphs(value);
    format = undefined;
  }
  const style = styles.cellStyle({
    bold: boldRow || cell.bold === true,
    ...(format ? { format } : {}),
    ...(cell.fill ? { fill: cell.fill } : {}),
    ...(cell.wrap ? { wrap: true } : {}),
    ...(cell.center ? { center: true } : {}),
    ...(cell.upright ? { upright: true } : {}),
    ...(cell.top ? { top: true } : {}),
  });
  if (style) attrs.unshift(`table:style-name="${style}"`);
  if (cell.validation) attrs.push(`table:content-validation-name="${escapeXml(cell.validation)}"`);
  const open = `<table:table-cell${attrs.length > 0 ? ` ${attrs.join(' ')}` : ''}`;
  return body === '' ? `${open}/>` : `${open}>${body}</table:table-cell>`;
}

function sheetXml(sheet: OdsSheet, styles: Styles): string {
  const columnXml = sheet.widths.map(
    (w) => `<table:table-column table:style-name="${styles.columnStyle(w)}" table:default-cell-style-name="Default"/>`,
  );
  const columns = printTitles(columnXml, sheet.headerColumns ?? 0, 'table:table-header-columns');
  const bold = new Set(sheet.boldRows ?? []);
  const rowXml = sheet.rows.map((cells, r) => {
    const height = sheet.rowHeights?.[r];
    const style = height === undefined ? '' : ` table:style-name="${styles.rowStyle(height)}"`;
    return `<table:table-row${style}>${cells.map((c) => cellXml(c, bold.has(r), styles)).join('')}</table:table-row>`;
  });
  const rows = printTitles(rowXml, sheet.headerRows ?? 0, 'table:table-header-rows');
  const wide = sheet.pagesWide ?? 1;
  const style = sheet.hidden ? 'taHidden' : wide > 1 ? `taWide${wide}` : 'ta1';
  return `<table:table table:name="${escapeXml(sheet.name)}" table:style-name="${style}">${columns || '<table:table-column/>'}${rows || '<table:table-row><table:table-cell/></table:table-row>'}</table:table>`;
}

/** The first `count` of `parts` inside `wrapper` (the rows or columns printed on every page), then the rest. */
function printTitles(parts: readonly string[], count: number, wrapper: string): string {
  const n = Math.min(count, parts.length);
  if (n === 0) return parts.join('');
  return `<${wrapper}>${parts.slice(0, n).join('')}</${wrapper}>${parts.slice(n).join('')}`;
}

/** The distinct numbers of pages wide, over 1, that the sheets print at (each a page style of styles.xml). */
function widePrints(sheets: readonly OdsSheet[]): number[] {
  return [...new Set(sheets.map((s) => s.pagesWide ?? 1).filter((n) => n > 1))].sort((a, b) => a - b);
}

function rangeAddress(range: OdsDatabaseRange): string {
  const sheet = sheetRef(range.sheet);
  const from = `${columnLetter(range.firstColumn + 1)}${range.firstRow + 1}`;
  const to = `${columnLetter(range.lastColumn + 1)}${range.lastRow + 1}`;
  return `${sheet}.${from}:${sheet}.${to}`;
}

function validationXml(v: OdsValidation): string {
  const attrs = [`table:name="${escapeXml(v.name)}"`];
  if (v.condition) attrs.push(`table:condition="${escapeXml(v.condition)}"`);
  attrs.push('table:allow-empty-cell="true"', `table:base-cell-address="${escapeXml(v.baseCell)}"`);
  attrs.push(`table:display-list="${v.list ? 'unsorted' : 'none'}"`);
  const help = v.help
    ? `<table:help-message table:title="${escapeXml(v.help.title)}" table:display="true">${textParagraphs(v.help.text)}</table:help-message>`
    : '';
  const error = v.error
    ? `<table:error-message table:title="${escapeXml(v.error.title)}" table:display="true" table:message-type="stop">${textParagraphs(v.error.text)}</table:error-message>`
    : '';
  return `<table:content-validation ${attrs.join(' ')}>${help}${error}</table:content-validation>`;
}

function contentXml(doc: OdsDocument): string {
  const styles = new Styles();
  styles.widePrints.push(...widePrints(doc.sheets));
  const tables = doc.sheets.map((s) => sheetXml(s, styles)).join('');
  const validations =
    doc.validations && doc.validations.length > 0
      ? `<table:content-validations>${doc.validations.map(validationXml).join('')}</table:content-validations>`
      : '';
  const ranges =
    doc.databaseRanges && doc.databaseRanges.length > 0
      ? `<table:database-ranges>${doc.databaseRanges
          .map(
            (r) =>
              `<table:database-range table:name="${escapeXml(r.name)}" table:target-range-address="${escapeXml(rangeAddress(r))}" table:display-filter-buttons="true"/>`,
          )
          .join('')}</table:database-ranges>`
      : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content ${NAMESPACES} office:version="1.3"><office:automatic-styles>${styles.xml()}</office:automatic-styles><office:body><office:spreadsheet>${validations}${tables}${ranges}</office:spreadsheet></office:body></office:document-content>`;
}

/** Landscape A4, fitted to `pagesWide` pages' width. */
const pageLayout = (pagesWide: number) =>
  `<style:page-layout-properties style:print-orientation="landscape" fo:page-width="11.6929in" fo:page-height="8.2673in" fo:margin-top="0.5in" fo:margin-bottom="0.5in" fo:margin-left="0.5in" fo:margin-right="0.5in" style:scale-to-X="${pagesWide}" style:first-page-number="continue"/>`;
const HEADER_FOOTER_STYLE = '<style:header-footer-properties fo:min-height="0.3in" fo:margin-bottom="0.1in"/>';

/**
 * styles.xml: the page (landscape A4, fitted to its width; and one page style per number of pages wide a sheet
 * prints at) and, when asked, the printed header and footer.
 */
function stylesXml(printed: OdsDocument['printed'], wide: readonly number[]): string {
  const region = (side: 'left' | 'center' | 'right', inner: string, style = '') =>
    `<style:region-${side}><text:p${style}>${inner}</text:p></style:region-${side}>`;
  const masterPage = (name: string, layout: string) =>
    printed
      ? `<style:master-page style:name="${name}" style:page-layout-name="${layout}"><style:header>${region('left', escapeXml(printed.headerLeft))}${printed.headerMark ? region('center', escapeXml(printed.headerMark), ' text:style-name="Mark"') : ''}</style:header><style:footer>${region('left', escapeXml(printed.footerLeft))}${region('right', 'Page <text:page-number>1</text:page-number> of <text:page-count>1</text:page-count>')}</style:footer></style:master-page>`
      : `<style:master-page style:name="${name}" style:page-layout-name="${layout}"/>`;
  const headerFooter = printed
    ? `<style:header-style>${HEADER_FOOTER_STYLE}</style:header-style><style:footer-style>${HEADER_FOOTER_STYLE.replace('fo:margin-bottom', 'fo:margin-top')}</style:footer-style>`
    : '';
  const layouts = [1, ...wide]
    .map((n) => `<style:page-layout style:name="pm${n}">${pageLayout(n)}${headerFooter}</style:page-layout>`)
    .join('');
  const master = [masterPage('Default', 'pm1'), ...wide.map((n) => masterPage(`Wide${n}`, `pm${n}`))].join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles ${NAMESPACES} office:version="1.3"><office:styles><style:default-style style:family="table-cell"><style:text-properties fo:font-size="11pt"/></style:default-style><style:style style:name="Default" style:family="table-cell"/><style:style style:name="Mark" style:family="paragraph"><style:text-properties fo:color="#c00000" fo:font-weight="bold"/></style:style></office:styles><office:automatic-styles>${layouts}</office:automatic-styles><office:master-styles>${master}</office:master-styles></office:document-styles>`;
}

function metaXml(doc: OdsDocument): string {
  const parts = [
    '<meta:generator>oda-register</meta:generator>',
    doc.title ? `<dc:title>${escapeXml(doc.title)}</dc:title>` : '',
    doc.subject ? `<dc:subject>${escapeXml(doc.subject)}</dc:subject>` : '',
    doc.keywords ? `<meta:keyword>${escapeXml(doc.keywords)}</meta:keyword>` : '',
    doc.created ? `<meta:creation-date>${escapeXml(doc.created.replace(/Z$/, ''))}</meta:creation-date>` : '',
    ...Object.entries(doc.properties ?? {}).map(
      ([name, value]) =>
        `<meta:user-defined meta:name="${escapeXml(name)}" meta:value-type="string">${escapeXml(value)}</meta:user-defined>`,
    ),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta ${NAMESPACES} office:version="1.3"><office:meta>${parts.join('')}</office:meta></office:document-meta>`;
}

const MANIFEST_XML = `<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="${MIMETYPE}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>`;

/** The .ods bytes of `doc`. */
export async function writeOds(doc: OdsDocument): Promise<Buffer> {
  const zip = new JSZip();
  // ODF: the mimetype first and stored, so the file's first bytes say what it is.
  zip.file('mimetype', MIMETYPE, { compression: 'STORE', date: FIXED_DATE });
  zip.file('META-INF/manifest.xml', MANIFEST_XML, { date: FIXED_DATE });
  zip.file('content.xml', contentXml(doc), { date: FIXED_DATE });
  zip.file('styles.xml', stylesXml(doc.printed, widePrints(doc.sheets)), { date: FIXED_DATE });
  zip.file('meta.xml', metaXml(doc), { date: FIXED_DATE });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
