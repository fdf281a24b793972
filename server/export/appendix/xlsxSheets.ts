/**
 * What the Excel appendix holds, cell by cell: a cover sheet, then one sheet per table of the appendices (the
 * RACI matrix with its key beside it). `xlsx.ts` writes these cells and `verify` compares a workbook with
 * them.
 */
import { DATE_WIDTH, ukDate } from '../../../shared/displayFormat.js';
import { raciKey, type Appendix, type AppendixColumn } from './model.js';
import { sheetValue, xmlSafe, type SheetValue } from './cellValues.js';
import { asAtText, statusText } from './docxLayout.js';
import { ORGANISATION_ID } from './columns.js';
import { wholeWidth } from './sheetLines.js';

/** Under the totals: the cells hold the register's figures, which Excel shows rounded. */
const TOTALS_NOTE =
  'Figures are the register’s (FTE to four decimal places), shown rounded: a column of rounded figures may differ from its total by a hundredth.';

export interface SheetPlan {
  name: string;
  /** "Appendix D Resource commitments", for messages. */
  caption: string;
  /** Null on the cover, whose cells are Field/Value pairs without a table. */
  table: { name: string; columns: AppendixColumn[] } | null;
  widths: number[];
  /** Row 1 is the header row of the table (or the cover's first row). */
  rows: SheetValue[][];
  /** Cells beside the table (the matrix key): [row, column, value], 1-based. */
  extra: { row: number; column: number; value: string; fill?: string }[];
  /** Columns holding RACI letters, coloured by role. */
  raci: boolean;
  /** The table's last row is its totals row (an Excel table total row: kept last when the table is sorted). */
  totalsRow?: true;
  /**
   * Printed this many pages wide, its first column on every page (a matrix of many partners: fitted to one
   * page's width, 200 partners' columns would print too small to read). 1 for every other sheet.
   */
  pagesWide: number;
}

export const COVER_SHEET = 'Cover';

/**
 * The widest a table's columns are together (in characters) before it prints too small: each sheet prints one
 * page wide, so a sheet of 374 characters (the datasets shared, 16 columns) printed at two fifths of its size.
 * Past it, the widest text columns are narrowed to a common width and their text wraps (sheetLines.ts).
 */
const PRINTABLE_WIDTH = 260;

/**
 * Characters of column width a landscape A4 page holds still legibly: about 140 at full size (its 10.7 inches at
 * 7 pixels a character), 200 at seven tenths.
 */
const MATRIX_PAGE_CHARS = 200;

/** Pages wide a matrix prints at: as many as its columns need at seven tenths of full size or more. */
function matrixPages(widths: readonly number[]): number {
  return Math.max(1, Math.ceil(widths.reduce((a, b) => a + b, 0) / MATRIX_PAGE_CHARS));
}

/** Past this, a column that must stay whole is not widened further (its longest value is cut instead). */
const WIDEST_WHOLE = 60;

/**
 * The columns' widths: the contract's, with dates wide enough for "30 September 2026" and email addresses and
 * phone numbers (which must not wrap) wide enough for their longest value, then narrowed to print.
 */
function printableWidths(columns: readonly AppendixColumn[], rows: readonly SheetValue[][]): number[] {
  const widths = columns.map((c, i) => {
    if (c.kind === 'date') return Math.max(c.width, DATE_WIDTH);
    if (!c.keepWhole) return c.width;
    const texts = rows.map((r) => r[i]).filter((v): v is string => typeof v === 'string');
    return Math.max(c.width, Math.min(WIDEST_WHOLE, wholeWidth(texts)));
  });
  const total = widths.reduce((a, b) => a + b, 0);
  if (total <= PRINTABLE_WIDTH) return widths;
  // Columns that must stay whole (identifiers, addresses, numbers) and short ones keep their width; the others
  // share what is left, each at most `cap`, the largest cap that fits (never under 16).
  const narrowable = columns.map(
    (c, i) => c.kind === 'text' && !c.keepWhole && c.key !== ORGANISATION_ID.key && widths[i]! > 16,
  );
  const fixed = widths.reduce((sum, w, i) => sum + (narrowable[i] ? 0 : w), 0);
  let cap = Math.max(...widths);
  while (
    cap > 16 &&
    fixed + widths.reduce((sum, w, i) => sum + (narrowable[i] ? Math.min(w, cap) : 0), 0) > PRINTABLE_WIDTH
  )
    cap--;
  return widths.map((w, i) => (narrowable[i] ? Math.min(w, cap) : w));
}

/** The cover's field labels, read back by verify. */
export const COVER = {
  mou: 'Memorandum of Understanding',
  status: 'Status',
  partnership: 'Partnership',
  version: 'Register version',
  date: 'Register date',
  model: 'Governance model',
  digest: 'Digest',
  signOff: 'Sign-off',
  asOf: 'Sign-off status as at',
  asOfIso: 'Sign-off status as at (ISO)',
} as const;

/** Excel sheet names: at most 31 characters. */
function sheetName(letter: string, title: string): string {
  return `${letter} ${title}`.slice(0, 31);
}

/** "Resource commitments" -> "D_Resource_commitments": a valid, unique Excel table name. */
function tableName(letter: string, id: string): string {
  return `${letter}_${id.replace(/[^A-Za-z0-9]+/g, '_')}`;
}

/** Short names of the tables, for sheet and file names. */
export const SHEET_TITLES: Record<string, string> = {
  organisations: 'Partner organisations',
  contacts: 'Points of contact',
  'raci-matrix': 'RACI matrix',
  roles: 'Roles',
  commitments: 'Commitments',
  'commitment-totals': 'Totals',
  participation: 'Participation',
  governance: 'Governance',
  issues: 'Open issues',
  'data-sharing': 'Datasets shared',
  'ig-contacts': 'IG contacts',
  'data-flows': 'Data flows',
};

export function xlsxSheets(appendix: Appendix): SheetPlan[] {
  const id = appendix.identity;
  const cover: SheetPlan = {
    name: COVER_SHEET,
    caption: 'the cover sheet',
    table: null,
    widths: [32, 90],
    raci: false,
    pagesWide: 1,
    extra: [],
    rows: [
      ['Field', 'Value'],
      [COVER.mou, `The MoU of the ${id.partnershipName}, for the term ${appendix.mou.term}`],
      [COVER.status, statusText(appendix)],
      [COVER.partnership, id.partnershipName],
      [COVER.version, id.version],
      [COVER.date, ukDate(id.createdAt)],
      [COVER.model, appendix.governanceText],
      [COVER.digest, id.digest],
      [COVER.signOff, appendix.signOffSummary],
      [COVER.asOf, asAtText(id.asOf)],
      [COVER.asOfIso, id.asOf],
      ['Sheets', appendix.sections.map((s) => `${s.letter} ${s.title}`).join('; ')],
      ['Analyst time', appendix.fteBasis],
      ['Funding over the MoU term', appendix.fundingBasis],
      [
        'Partners without a workbook',
        appendix.noWorkbook.length ? appendix.noWorkbook.join('; ') : 'None: every partner sent a workbook.',
      ],
    ],
  };
  const sheets: SheetPlan[] = [cover];
  for (const section of appendix.sections) {
    for (const t of section.tables) {
      const caption = `Appendix ${t.letter} ${section.title}${section.tables.length > 1 ? `: ${SHEET_TITLES[t.id] ?? t.title}` : ''}`;
      const plan: SheetPlan = {
        name: sheetName(t.letter, SHEET_TITLES[t.id] ?? t.title),
        caption,
        table: { name: tableName(t.letter, t.id), columns: t.columns },
        widths: [],
        rows: [
          t.columns.map((c) => xmlSafe(c.header)),
          ...t.rows.map((row) => t.columns.map((c, i) => sheetValue(c, row[i] ?? null))),
        ],
        extra: [],
        raci: t.id === 'raci-matrix',
        pagesWide: 1,
        ...(t.id === 'commitment-totals' ? { totalsRow: true as const } : {}),
      };
      plan.widths = printableWidths(t.columns, plan.rows.slice(1));
      if (t.id === 'raci-matrix' || t.id === 'data-flows') plan.pagesWide = matrixPages(plan.widths);
      if (plan.totalsRow) plan.extra.push({ row: plan.rows.length + 2, column: 1, value: TOTALS_NOTE });
      if (plan.raci) {
        const at = t.columns.length + 2;
        plan.extra.push({ row: 1, column: at, value: 'Key' });
        raciKey().forEach((k, i) =>
          plan.extra.push({ row: i + 2, column: at, value: `${k.letter} ${k.label}`, fill: k.id }),
        );
        plan.widths.push(2, 18);
      }
      sheets.push(plan);
    }
  }
  return sheets;
}
