/**
 * The Word appendix's tables as WordprocessingML, written as text. The `docx` library builds an object for
 * every table, row, cell, paragraph and run and then walks that tree to make XML: for the tens of thousands of
 * cells of a register of 500 partners that took most of the render time and most of a gigabyte (profiled: the
 * library's prepForXml, its XML formatter and the garbage collector were three quarters of the CPU time, the
 * layout code under a tenth). So the document (title block text, headings, sections, footers, styles,
 * properties) is still made by `docx`, with a placeholder paragraph where each table goes, and the tables are
 * written here in the same markup the library wrote for them (docx.ts fills the placeholders in).
 */
import type { DocTable } from './docxLayout.js';
import { xmlSafe } from './cellValues.js';

/** Paragraph style of a placeholder (never left in a file): no text can make a style reference. */
export const TABLE_SLOT_STYLE = 'OdaTableSlot';

const escapeText = (s: string) =>
  xmlSafe(s).replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));

export interface TableLook {
  headerFill: string;
  groupFill: string;
  cellStyle: string;
  borderColor: string;
  /** Fill of a RACI letter's cell. */
  fillOfLetter: ReadonlyMap<string, string | undefined>;
  /** Body rows kept with the next (keepNext on their paragraphs). */
  keep: readonly boolean[];
  widths: readonly number[];
  pageWidth: number;
}

function borders(color: string): string {
  const b = (side: string) => `<w:${side} w:val="single" w:color="${color}" w:sz="4"/>`;
  return `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(b).join('')}</w:tblBorders>`;
}

interface CellOpts {
  width: number;
  bold?: boolean;
  fill?: string | undefined;
  span?: number;
  upright?: boolean;
  center?: boolean;
  bottom?: boolean;
  keepNext?: boolean;
}

function cell(out: string[], text: string, o: CellOpts, cellStyle: string): void {
  out.push(
    `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${o.width}"/>`,
    o.span ? `<w:gridSpan w:val="${o.span}"/>` : '',
    o.fill ? `<w:shd w:fill="${o.fill}" w:color="auto" w:val="clear"/>` : '',
    o.upright ? '<w:textDirection w:val="btLr"/>' : '',
    o.upright || o.bottom ? '<w:vAlign w:val="bottom"/>' : '',
    `</w:tcPr><w:p><w:pPr><w:pStyle w:val="${cellStyle}"/>`,
    o.keepNext ? '<w:keepNext/>' : '',
    o.center ? '<w:jc w:val="center"/>' : '',
    '</w:pPr>',
    text === ''
      ? ''
      : `<w:r>${o.bold ? '<w:rPr><w:b/><w:bCs/></w:rPr>' : ''}<w:t xml:space="preserve">${escapeText(text)}</w:t></w:r>`,
    '</w:p></w:tc>',
  );
}

/** One table: the header row repeated on every page, rows never split, the layout of docx.ts's `table`. */
export function tableXml(t: DocTable, look: TableLook): string {
  const { widths, keep, cellStyle } = look;
  const out: string[] = [
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${look.pageWidth}"/>`,
    borders(look.borderColor),
    '<w:tblLayout w:type="fixed"/>',
    '<w:tblCellMar><w:top w:type="dxa" w:w="40"/><w:left w:type="dxa" w:w="80"/><w:bottom w:type="dxa" w:w="40"/><w:right w:type="dxa" w:w="80"/></w:tblCellMar>',
    '</w:tblPr><w:tblGrid>',
    ...widths.map((w) => `<w:gridCol w:w="${w}"/>`),
    '</w:tblGrid>',
  ];
  if (t.header) {
    out.push(
      '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/>',
      t.matrix ? '<w:trHeight w:val="2600" w:hRule="atLeast"/>' : '',
      '</w:trPr>',
    );
    t.header.forEach((h, i) =>
      cell(
        out,
        h,
        {
          width: widths[i]!,
          bold: true,
          fill: look.headerFill,
          upright: Boolean(t.matrix) && i > 0,
          bottom: true,
          keepNext: true,
        },
        cellStyle,
      ),
    );
    out.push('</w:tr>');
  }
  t.rows.forEach((r, at) => {
    const keepNext = keep[at] === true;
    out.push('<w:tr><w:trPr><w:cantSplit/></w:trPr>');
    if (r.group) {
      cell(
        out,
        r.cells[0] ?? '',
        { width: look.pageWidth, bold: true, fill: look.groupFill, span: widths.length, keepNext },
        cellStyle,
      );
    } else {
      r.cells.forEach((text, i) =>
        cell(
          out,
          text,
          t.matrix && i > 0
            ? {
                width: widths[i]!,
                bold: true,
                center: true,
                fill: text ? look.fillOfLetter.get(text) : undefined,
                keepNext,
              }
            : { width: widths[i]!, bold: Boolean(r.total) || (!t.header && i === 0), keepNext },
          cellStyle,
        ),
      );
    }
    out.push('</w:tr>');
  });
  out.push('</w:tbl>');
  return out.join('');
}

/**
 * Puts the tables in place of their placeholder paragraphs in word/document.xml: a paragraph of the slot style
 * whose text is the table's index.
 */
export function fillTableSlots(documentXml: string, tables: readonly string[]): string {
  const slot = new RegExp(
    `<w:p>(?:(?!<w:p>)[\\s\\S])*?<w:pStyle w:val="${TABLE_SLOT_STYLE}"/>[\\s\\S]*?<w:t[^>]*>(\\d+)</w:t>[\\s\\S]*?</w:p>`,
    'g',
  );
  let filled = 0;
  const out = documentXml.replace(slot, (_, n: string) => {
    filled++;
    return tables[Number(n)]!;
  });
  if (filled !== tables.length) throw new Error(`Placed ${filled} of the Word appendix's ${tables.length} tables.`);
  return out;
}
