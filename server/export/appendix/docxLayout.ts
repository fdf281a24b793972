/**
 * What the Word appendix shows, as text: the title block's facts, then each appendix's paragraphs and tables
 * (cells as a reader sees them). `docx.ts` lays this out on pages and `verify` compares a Word file's tables
 * with `docxTables` of the register version the file names.
 */
import { plural, ukDate, ukDateTime } from '../../../shared/displayFormat.js';
import {
  allTables,
  PARTNERSHIP_TOTAL,
  raciKey,
  type Appendix,
  type AppendixColumn,
  type AppendixTable,
  type Value,
} from './model.js';
import { displayText } from './cellValues.js';
import { largestRemainder } from '../../../shared/rounding.js';

export interface DocRow {
  cells: string[];
  /** A row naming the organisation the rows below belong to (one cell across the table). */
  group?: true;
  /** A totals row (bold). */
  total?: true;
}

export interface DocTable {
  /** "Appendix D Resource commitments", for messages. */
  caption: string;
  /** Relative column widths (Excel characters, from the contract). */
  widths: number[];
  header: string[] | null;
  rows: DocRow[];
  /** The RACI matrix: header names turned upright, cells coloured by role. */
  matrix?: true;
  /**
   * Columns whose values should not wrap (dates, money, email addresses, phone numbers): their whole text sets
   * the column's least width. An email address broken mid-word reads as two addresses.
   */
  unbroken?: boolean[];
}

const UNBROKEN_KINDS: readonly AppendixColumn['kind'][] = ['date', 'money', 'fte', 'stake', 'quantity'];
const unbrokenOf = (columns: readonly AppendixColumn[]) =>
  columns.map((c) => UNBROKEN_KINDS.includes(c.kind) || c.keepWhole === true);

export type DocBlock = { kind: 'heading' | 'paragraph' | 'note'; text: string } | { kind: 'table'; table: DocTable };

export interface DocSection {
  letter: string;
  title: string;
  landscape: boolean;
  blocks: DocBlock[];
}

export interface DocLayout {
  title: string;
  facts: DocTable;
  sections: DocSection[];
}

/** At most this many organisations side by side in one matrix table; more are continued in another. */
export const MATRIX_ORGANISATIONS_PER_TABLE = 14;
/** A matrix of more organisations than this is laid out on landscape pages. */
const PORTRAIT_MATRIX_ORGANISATIONS = 5;

export const TITLE = 'Memorandum of Understanding: governance register';

const NONE = 'None recorded.';
const NO_WORKBOOK = 'No workbook received';
const STAKES_ROUNDED =
  'Stakes are shown to two decimal places of a percent, rounded so that they add up to 100% (the register and the spreadsheet appendices keep them to four decimal places of a share).';
const FTE_ROUNDED =
  'FTE figures are shown to two decimal places, rounded so that the organisations’ figures add up to the partnership total; money is to the penny.';

function caption(letter: string, title: string): string {
  return `Appendix ${letter} ${title}`;
}

/** The least a Word column needs so that its values and header words do not break mid-word. */
const MIN_WIDTH: Partial<Record<AppendixColumn['kind'], number>> = {
  date: 17,
  money: 13,
  fte: 9,
  stake: 10,
  tier: 8,
  quantity: 10,
  count: 9,
};

export function docWidth(c: AppendixColumn): number {
  const longestWord = Math.max(...c.header.split(/\s+/).map((w) => w.length));
  const longestLabel = c.enum
    ? Math.max(...c.enum.options.flatMap((o) => o.label.split(/\s+/).map((w) => w.length)))
    : 0;
  return Math.max(c.width, MIN_WIDTH[c.kind] ?? 0, longestWord + 3, longestLabel + 3);
}

/**
 * A plain table of the columns a reader sees (not the ids for programs), one row per model row. `shown` replaces
 * a column's values (by column key, one per row) with the figures a reader sees, rounded to add up; `extra` adds
 * rows of text at the end.
 */
function plainTable(
  t: AppendixTable,
  captionText: string,
  opts: { omit?: readonly string[]; shown?: Record<string, readonly Value[]>; extra?: string[][] } = {},
): DocTable | null {
  const omit = opts.omit ?? [];
  const shown = t.columns.map((c, i) => ({ c, i })).filter(({ c }) => !c.spreadsheetOnly && !omit.includes(c.key));
  if (t.rows.length === 0 && !opts.extra?.length) return null;
  return {
    caption: captionText,
    widths: shown.map(({ c }) => docWidth(c)),
    header: shown.map(({ c }) => c.header),
    unbroken: unbrokenOf(shown.map(({ c }) => c)),
    rows: [
      ...t.rows.map((row, r) => ({
        cells: shown.map(({ c, i }) =>
          displayText(c, (opts.shown?.[c.key] ?? row)[opts.shown?.[c.key] ? r : i] ?? null),
        ),
        ...(row[1] === PARTNERSHIP_TOTAL && t.id === 'commitment-totals' ? { total: true as const } : {}),
      })),
      ...(opts.extra ?? []).map((cells) => ({ cells: shown.map((_, k) => cells[k] ?? '') })),
    ],
  };
}

/** The stake column's figures as shown: each partner's exact stake rounded so that they add up to 100%. */
function shownStakes(t: AppendixTable, exact: ReadonlyMap<string, number>): Value[] {
  const idAt = t.columns.findIndex((c) => c.key === 'organisationId');
  const values = t.rows.map((row) => exact.get(String(row[idAt])) ?? 0);
  return largestRemainder(values, 4, values.some((v) => v > 0) ? 1 : 0);
}

/** A totals column as shown: the organisations' figures rounded to `dp` so that they add up to the total row. */
function shownTotals(t: AppendixTable, key: string, dp: number): Value[] {
  const at = t.columns.findIndex((c) => c.key === key);
  const body = t.rows.slice(0, -1).map((row) => Number(row[at] ?? 0));
  const total = Number(t.rows[t.rows.length - 1]?.[at] ?? 0);
  return [...largestRemainder(body, dp, total), total];
}

function matrixTables(t: AppendixTable, captionText: string): DocTable[] {
  const organisations = t.columns.slice(1);
  if (t.rows.length === 0 || organisations.length === 0) return [];
  const out: DocTable[] = [];
  for (let from = 0; from < organisations.length; from += MATRIX_ORGANISATIONS_PER_TABLE) {
    const part = organisations.slice(from, from + MATRIX_ORGANISATIONS_PER_TABLE);
    const cols = [t.columns[0]!, ...part];
    const at = [0, ...part.map((_, k) => from + 1 + k)];
    out.push({
      caption:
        organisations.length > MATRIX_ORGANISATIONS_PER_TABLE
          ? `${captionText} (organisations ${from + 1} to ${from + part.length} of ${organisations.length})`
          : captionText,
      widths: [30, ...part.map(() => 5)],
      header: cols.map((c) => c.header),
      rows: t.rows.map((row) => ({ cells: at.map((i, k) => displayText(cols[k]!, row[i] ?? null)) })),
      matrix: true,
    });
  }
  return out;
}

/** The role rows that name a lead or carry a note. */
function withLeadOrNote(t: AppendixTable): AppendixTable {
  const lead = t.columns.findIndex((c) => c.key === 'namedLead');
  const notes = t.columns.findIndex((c) => c.key === 'notes');
  return { ...t, rows: t.rows.filter((r) => (r[lead] ?? '') !== '' || (r[notes] ?? '') !== '') };
}

function tableBlocks(tables: (DocTable | null)[]): DocBlock[] {
  const present = tables.filter((t): t is DocTable => t !== null);
  return present.length === 0
    ? [{ kind: 'paragraph', text: NONE }]
    : present.map((table) => ({ kind: 'table' as const, table }));
}

export function docxLayout(appendix: Appendix): DocLayout {
  const id = appendix.identity;
  const byId = new Map(allTables(appendix).map((t) => [t.id, t]));
  const table = (tid: string) => byId.get(tid)!;
  const sections: DocSection[] = [];
  for (const s of appendix.sections) {
    const cap = caption(s.letter, s.title);
    switch (s.letter) {
      case 'A': {
        const t = table('organisations');
        sections.push({
          ...s,
          landscape: false,
          blocks: [
            ...tableBlocks([plainTable(t, cap, { shown: { stake: shownStakes(t, appendix.exactStakes) } })]),
            ...(t.rows.length ? [{ kind: 'paragraph' as const, text: STAKES_ROUNDED }] : []),
          ],
        });
        break;
      }
      case 'B': {
        // Every partner: those that sent no workbook are listed at the end, saying so.
        const missing = appendix.noWorkbook;
        sections.push({
          ...s,
          landscape: true,
          blocks: [
            ...(missing.length
              ? [
                  {
                    kind: 'paragraph' as const,
                    text:
                      `${missing.length} of the ${table('organisations').rows.length} partners sent no workbook, so no contact is recorded ` +
                      `for ${missing.length === 1 ? 'it' : 'them'}: ${missing.join('; ')}.`,
                  },
                ]
              : []),
            ...tableBlocks([plainTable(table('contacts'), cap, { extra: missing.map((name) => [name, NO_WORKBOOK]) })]),
          ],
        });
        break;
      }
      case 'C': {
        const matrix = table('raci-matrix');
        const key = raciKey()
          .map((k) => `${k.letter} ${k.label}`)
          .join('; ');
        const blocks: DocBlock[] = [{ kind: 'heading', text: 'RACI matrix' }];
        const grids = matrixTables(matrix, `${cap}: RACI matrix`);
        if (grids.length === 0) blocks.push({ kind: 'paragraph', text: NONE });
        else
          blocks.push(
            { kind: 'note', text: `Key: ${key}.` },
            ...grids.map((g) => ({ kind: 'table' as const, table: g })),
          );
        blocks.push({ kind: 'heading', text: 'Named leads and notes' });
        // The letters are in the matrix: this table lists only the roles with a named lead or a note.
        blocks.push(...tableBlocks([plainTable(withLeadOrNote(table('roles')), `${cap}: named leads and notes`)]));
        sections.push({
          ...s,
          landscape: matrix.columns.length - 1 > PORTRAIT_MATRIX_ORGANISATIONS,
          blocks,
        });
        break;
      }
      case 'D': {
        const totals = table('commitment-totals');
        sections.push({
          ...s,
          landscape: true,
          blocks: [
            { kind: 'paragraph', text: appendix.fteBasis },
            { kind: 'heading', text: 'Commitments' },
            ...tableBlocks([plainTable(table('commitments'), `${cap}: commitments`)]),
            { kind: 'heading', text: totals.title },
            { kind: 'note', text: appendix.fundingBasis },
            ...tableBlocks([
              plainTable(totals, `${cap}: totals`, { shown: { analystFte: shownTotals(totals, 'analystFte', 2) } }),
            ]),
            { kind: 'paragraph', text: FTE_ROUNDED },
          ],
        });
        break;
      }
      case 'E':
        sections.push({ ...s, landscape: false, blocks: tableBlocks([plainTable(table('participation'), cap)]) });
        break;
      case 'F': {
        const t = table('governance');
        sections.push({
          ...s,
          landscape: false,
          blocks: [
            { kind: 'paragraph', text: `Governance model. ${appendix.governanceText}` },
            { kind: 'paragraph', text: `Sign-off of register version ${id.version}: ${appendix.signOffSummary}` },
            ...tableBlocks([plainTable(t, cap, { shown: { stake: shownStakes(t, appendix.exactStakes) } })]),
            ...(t.rows.length ? [{ kind: 'paragraph' as const, text: STAKES_ROUNDED }] : []),
          ],
        });
        break;
      }
      case 'G': {
        const t = table('issues');
        const errors = t.rows.filter((r) => r[0] === 'error').length;
        const warnings = t.rows.length - errors;
        sections.push({
          ...s,
          landscape: true,
          blocks: [
            {
              kind: 'paragraph',
              text:
                (errors > 0
                  ? `${plural(errors, 'error')} must be resolved before the MoU is signed; ${errors === 1 ? 'it is' : 'they are'} listed first. `
                  : 'No error stands in the way of the MoU. ') +
                (warnings > 0
                  ? `${plural(warnings, 'warning')} ${warnings === 1 ? 'is' : 'are'} for the PMG to consider. `
                  : '') +
                'Each says where it is in the partner’s workbook; the reference is for the PMG’s tools.',
            },
            ...tableBlocks([plainTable(t, cap)]),
          ],
        });
        break;
      }
      case 'H':
        sections.push({
          ...s,
          landscape: true,
          blocks: [
            { kind: 'heading', text: table('data-sharing').title },
            ...tableBlocks([plainTable(table('data-sharing'), `${cap}: datasets`)]),
            { kind: 'heading', text: table('ig-contacts').title },
            ...tableBlocks([plainTable(table('ig-contacts'), `${cap}: information governance contacts`)]),
            { kind: 'heading', text: table('data-flows').title },
            ...tableBlocks([plainTable(table('data-flows'), `${cap}: data flows`)]),
          ],
        });
        break;
    }
  }
  const facts: DocTable = {
    caption: 'the title block',
    widths: [22, 60],
    header: null,
    rows: [
      ['Memorandum of Understanding', `The MoU of the ${id.partnershipName}, for the term ${appendix.mou.term}`],
      ['Status', statusText(appendix)],
      ['Partnership', id.partnershipName],
      ['Register version', `Version ${id.version} of ${ukDate(id.createdAt)}`],
      ['Governance model', appendix.governanceText],
      ['Digest', id.digest],
      ['Sign-off', appendix.signOffSummary],
      ['Sign-off status as at', asAtText(id.asOf)],
    ].map((cells) => ({ cells })),
  };
  return { title: TITLE, facts, sections };
}

/** "Draft: not ready for the MoU, because ..." or "Ready for the MoU ...". */
export function statusText(appendix: Appendix): string {
  const r = appendix.readiness;
  return r.ready
    ? 'Ready for the MoU: no open error, and every governing partner has signed off this version.'
    : `DRAFT, not ready for the MoU: ${r.reasons.join('; ')}.`;
}

/** The mark on every page of a draft. */
export const DRAFT_MARK = 'DRAFT: not ready for the MoU';

/** "30 November 2026 at 10:42" (UK time, as the pane and the register page write it). */
export function asAtText(iso: string): string {
  return iso.includes('T') ? ukDateTime(iso) : ukDate(iso);
}

/** Every table of the Word appendix, in document order: what `verify` compares. */
export function docxTables(layout: DocLayout): DocTable[] {
  return [
    layout.facts,
    ...layout.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []))),
  ];
}

/** A table's rows as text, header first. */
export function tableText(t: DocTable): string[][] {
  return [...(t.header ? [t.header] : []), ...t.rows.map((r) => r.cells)];
}
