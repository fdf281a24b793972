/**
 * The Word appendix (the `docx` library): the title block, then appendices A to G, each starting a page;
 * wide tables (contacts, the RACI matrix of many partners, commitments) on landscape pages; every table's
 * header row repeated on each page; every page footer naming the partnership, register version and date,
 * the short digest and "Page X of Y"; the version and full digest in the document properties too.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  TextRun,
  type ISectionOptions,
} from 'docx';
import JSZip from 'jszip';
import yazl from 'yazl';
import { shortDigest, ukDate } from '../../../shared/displayFormat.js';
import { fillTableSlots, tableXml, TABLE_SLOT_STYLE } from './docxTableXml.js';
import { docxLayout, DRAFT_MARK, type DocBlock, type DocRow, type DocTable } from './docxLayout.js';
import { raciKey, type Appendix } from './model.js';
import { identityProperties } from './identity.js';

const FONT = 'Arial';
/** Twips (1/20 pt). A4 with 2 cm margins. */
const A4 = { short: 11906, long: 16838, margin: 1134 };
const HEADER_FILL = 'D9E2F3';
/** The paragraph style of table cells (Arial 8.5 pt). */
const CELL_STYLE = 'TableCell';
const GROUP_FILL = 'F2F2F2';

/** Cell colours of the RACI letters, shared with the Excel matrix. */
export const RACI_FILLS: Record<string, string> = {
  responsible: 'C6EFCE',
  accountable: 'F8CBAD',
  consulted: 'FFEB9C',
  informed: 'BDD7EE',
};
const FILL_OF_LETTER = new Map(raciKey().map((k) => [k.letter, RACI_FILLS[k.id]]));

const BORDER = { color: 'A6A6A6' };

function run(text: string, opts: { bold?: boolean; size?: number } = {}): TextRun {
  return new TextRun({ text, font: FONT, size: opts.size ?? 17, bold: opts.bold ?? false });
}

/** Twips a character of the table text takes (Arial 8.5 pt, bold headers a little wider), and a cell's margins. */
const CHAR_TWIPS = 90;
const CELL_MARGINS = 260;
/** Longer words may wrap inside a word rather than widen their column further. */
const LONGEST_UNBROKEN = 16;
/** Values kept whole (an email address, a date) widen their column up to this many characters, not further. */
const LONGEST_KEPT_WHOLE = 48;

/** The least width of each column: its longest word (header and cells) fits on one line. */
function minimumWidths(t: DocTable): number[] {
  const longest = t.widths.map(() => 1);
  const measure = (cells: readonly string[], skipFirst: boolean, header: boolean) =>
    cells.forEach((text, i) => {
      if (skipFirst && i > 0) return;
      const words = !header && t.unbroken?.[i] ? [text] : text.split(/\s+/);
      for (const word of words)
        longest[i] = Math.max(
          longest[i] ?? 1,
          Math.min(word.length, words.length === 1 && t.unbroken?.[i] ? LONGEST_KEPT_WHOLE : LONGEST_UNBROKEN),
        );
    });
  // Matrix headers stand upright: only the activity column's header is measured.
  if (t.header) measure(t.header, Boolean(t.matrix), true);
  for (const r of t.rows) if (!r.group) measure(r.cells, false, false);
  return longest.map((n) => n * CHAR_TWIPS + CELL_MARGINS);
}

/** Column widths in twips: the contract's proportions of the page, but never under a column's minimum. */
function fitWidths(t: DocTable, pageWidth: number): number[] {
  const min = minimumWidths(t);
  const total = t.widths.reduce((a, b) => a + b, 0);
  let widths = t.widths.map((w, i) => Math.max(min[i]!, (w / total) * pageWidth));
  const over = widths.reduce((a, b) => a + b, 0) - pageWidth;
  if (over > 0) {
    const slack = widths.map((w, i) => w - min[i]!);
    const spare = slack.reduce((a, b) => a + b, 0);
    const minTotal = min.reduce((a, b) => a + b, 0);
    widths =
      spare >= over ? widths.map((w, i) => w - (slack[i]! / spare) * over) : min.map((m) => (m / minTotal) * pageWidth);
  }
  return widths.map((w) => Math.floor(w));
}

/**
 * A table of at most this many body rows is kept on one page with its heading (every row kept with the next):
 * twelve rows of three lines (about 8,000 twips) fit the 9,600 twips of a landscape page. A kept table that is
 * taller than a page is broken at the page's end all the same, by Word and by LibreOffice.
 */
export const KEEP_TOGETHER_ROWS = 12;

/**
 * Which body rows are kept with the row below them ("keep with next" on their paragraphs, which Word and
 * LibreOffice both honour; the header row always is). A short table: every row but the last, so the table
 * and its heading move to the next page together rather than split. A longer table: the first body row (the
 * header never ends a page with less than two rows under it), the row before last (the last row never stands
 * alone on a page under the repeated header) and every organisation's group row (never apart from its first
 * row).
 */
export function keptWithNext(rows: readonly DocRow[]): boolean[] {
  const last = rows.length - 1;
  const short = rows.length <= KEEP_TOGETHER_ROWS;
  return rows.map((r, i) => i < last && (short || i === 0 || i === last - 1 || Boolean(r.group)));
}

/** Where a table goes: a placeholder paragraph, and the table's XML kept to be put in its place (docxTableXml.ts). */
class TableSlots {
  readonly xml: string[] = [];

  slot(t: DocTable, pageWidth: number): Paragraph {
    const index = this.xml.length;
    this.xml.push(
      tableXml(t, {
        headerFill: HEADER_FILL,
        groupFill: GROUP_FILL,
        cellStyle: CELL_STYLE,
        borderColor: BORDER.color,
        fillOfLetter: FILL_OF_LETTER,
        keep: keptWithNext(t.rows),
        widths: fitWidths(t, pageWidth),
        pageWidth,
      }),
    );
    return new Paragraph({ style: TABLE_SLOT_STYLE, children: [new TextRun(String(index))] });
  }
}

function block(b: DocBlock, pageWidth: number, tables: TableSlots): Paragraph[] {
  switch (b.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading: HeadingLevel.HEADING_2,
          keepNext: true,
          spacing: { before: 240, after: 120 },
          children: [run(b.text, { bold: true, size: 22 })],
        }),
      ];
    case 'paragraph':
      return [new Paragraph({ spacing: { after: 120 }, children: [run(b.text, { size: 20 })] })];
    case 'note':
      return [new Paragraph({ keepNext: true, spacing: { after: 120 }, children: [run(b.text, { size: 18 })] })];
    case 'table':
      return [tables.slot(b.table, pageWidth), new Paragraph({ spacing: { after: 120 }, children: [] })];
  }
}

function footer(appendix: Appendix): Footer {
  const id = appendix.identity;
  const line = `${id.partnershipName} · Register version ${id.version} · ${ukDate(id.createdAt)} · ${shortDigest(id.digest)} · `;
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: line, font: FONT, size: 15 }),
          new TextRun({
            children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
            font: FONT,
            size: 15,
          }),
        ],
      }),
    ],
  });
}

/** A draft's header on every page: the mark in red capitals, and why. */
function draftHeader(appendix: Appendix): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ text: DRAFT_MARK, font: FONT, size: 22, bold: true, color: 'C00000' }),
          new TextRun({
            text: `: ${appendix.readiness.reasons.join('; ')}.`,
            font: FONT,
            size: 15,
            color: 'C00000',
          }),
        ],
      }),
    ],
  });
}

function page(landscape: boolean) {
  return {
    size: {
      width: A4.short,
      height: A4.long,
      orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
    },
    margin: { top: A4.margin, bottom: A4.margin, left: A4.margin, right: A4.margin, header: 567, footer: 567 },
  };
}

/** The Word appendix of a register version, as the bytes of a .docx file. */
export async function renderDocx(appendix: Appendix): Promise<Buffer> {
  const layout = docxLayout(appendix);
  const id = appendix.identity;
  const tables = new TableSlots();
  const foot = { default: footer(appendix) };
  const head = appendix.readiness.ready ? {} : { headers: { default: draftHeader(appendix) } };
  const portraitWidth = A4.short - 2 * A4.margin;
  const landscapeWidth = A4.long - 2 * A4.margin;
  const sections: ISectionOptions[] = [
    {
      properties: { page: page(false) },
      footers: foot,
      ...head,
      children: [
        new Paragraph({
          heading: HeadingLevel.TITLE,
          spacing: { after: 120 },
          children: [run(layout.title, { bold: true, size: 32 })],
        }),
        new Paragraph({
          spacing: { after: 240 },
          children: [
            run(`Appendices to the Memorandum of Understanding of the ${id.partnershipName}, ${appendix.mou.term}`, {
              size: 24,
            }),
          ],
        }),
        tables.slot(layout.facts, portraitWidth),
        new Paragraph({ spacing: { before: 240, after: 120 }, children: [run('Contents', { bold: true, size: 22 })] }),
        ...layout.sections.map(
          (s) => new Paragraph({ children: [run(`Appendix ${s.letter}  ${s.title}`, { size: 20 })] }),
        ),
        new Paragraph({
          spacing: { before: 240 },
          children: [
            run(
              `Every page carries the register version and the start of its digest. To check that this document is an unaltered copy, run “oda-register verify” on the file.`,
              { size: 18 },
            ),
          ],
        }),
      ],
    },
    ...layout.sections.map((s) => {
      const width = s.landscape ? landscapeWidth : portraitWidth;
      return {
        properties: { page: page(s.landscape) },
        footers: foot,
        ...head,
        children: [
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            keepNext: true,
            spacing: { after: 200 },
            children: [run(`Appendix ${s.letter}  ${s.title}`, { bold: true, size: 28 })],
          }),
          ...s.blocks.flatMap((b) => block(b, width, tables)),
        ],
      };
    }),
  ];
  const props = identityProperties(id);
  const doc = new Document({
    creator: 'oda-register',
    title: `${id.partnershipName}: MoU appendices, register version ${id.version}`,
    subject: `Register version ${id.version}`,
    keywords: id.digest,
    description: `Governance register version ${id.version} of the ${id.partnershipName}, ${id.digest}`,
    customProperties: Object.entries(props).map(([name, value]) => ({ name, value })),
    styles: {
      default: { document: { run: { font: FONT, size: 20 } } },
      paragraphStyles: [
        {
          id: CELL_STYLE,
          name: 'Table cell',
          basedOn: 'Normal',
          run: { font: FONT, size: 17 },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      ],
    },
    sections,
  });
  return withTables(await Packer.toBuffer(doc), tables.xml, new Date(id.createdAt));
}

const DOCUMENT_XML = 'word/document.xml';

/**
 * The package `docx` made (small: placeholders where the tables go) zipped again with the tables in place.
 * Zipped with node's zlib (yazl): the document of 500 partners is over 20 MB of XML, which the JavaScript
 * deflate of JSZip or fflate takes two to four times as long to compress. Every entry is dated with the
 * register version, so the same register, sign-offs and moment give the same bytes.
 */
async function withTables(packed: Buffer, tables: readonly string[], date: Date): Promise<Buffer> {
  const source = await JSZip.loadAsync(packed);
  const zip = new yazl.ZipFile();
  for (const entry of Object.values(source.files)) {
    if (entry.dir) continue;
    const bytes =
      entry.name === DOCUMENT_XML
        ? Buffer.from(fillTableSlots(await entry.async('string'), tables), 'utf8')
        : await entry.async('nodebuffer');
    zip.addBuffer(bytes, entry.name, { mtime: date, compress: true, compressionLevel: 6 });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
