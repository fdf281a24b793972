/**
 * What the Word appendix shows, as text: the title block's facts, then each appendix's paragraphs and tables
 * (cells as a reader sees them). `docx.ts` lays this out on pages and `verify` compares a Word file's tables
 * with `docxTables` of the register version the file names.
 */
import { ukDate } from '../../../shared/displayFormat.js';
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

/** A plain table of the columns a reader sees (not the ids for programs), one row per model row. */
function plainTable(t: AppendixTable, captionText: string, omit: readonly string[] = []): DocTable | null {
  const shown = t.columns.map((c, i) => ({ c, i })).filter(({ c }) => !c.spreadsheetOnly && !omit.includes(c.key));
  if (t.rows.length === 0) return null;
  return {
    caption: captionText,
    widths: shown.map(({ c }) => docWidth(c)),
    header: shown.map(({ c }) => c.header),
    unbroken: unbrokenOf(shown.map(({ c }) => c)),
    rows: t.rows.map((row) => ({
      cells: shown.map(({ c, i }) => displayText(c, row[i] ?? null)),
      ...(row[1] === PARTNERSHIP_TOTAL && t.id === 'commitment-totals' ? { total: true as const } : {}),
    })),
  };
}

/** Rows grouped under a row naming their organisation (rows arrive in organisation order). */
function groupedTable(t: AppendixTable, captionText: string): DocTable | null {
  if (t.rows.length === 0) return null;
  const idAt = t.columns.findIndex((c) => c.key === 'organisationId');
  const nameAt = t.columns.findIndex((c) => c.key === 'organisation');
  const shown = t.columns.map((c, i) => ({ c, i })).filter(({ i }) => i !== idAt && i !== nameAt);
  const rows: DocRow[] = [];
  let current: Value | undefined;
  for (const row of t.rows) {
    if (row[idAt] !== current) {
      current = row[idAt];
      rows.push({ cells: [String(row[nameAt] ?? row[idAt])], group: true });
    }
    rows.push({ cells: shown.map(({ c, i }) => displayText(c, row[i] ?? null)) });
  }
  return {
    caption: captionText,
    widths: shown.map(({ c }) => docWidth(c)),
    header: shown.map(({ c }) => c.header),
    unbroken: unbrokenOf(shown.map(({ c }) => c)),
    rows,
  };
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
      case 'A':
        sections.push({ ...s, landscape: false, blocks: tableBlocks([plainTable(table('organisations'), cap)]) });
        break;
      case 'B':
        sections.push({ ...s, landscape: true, blocks: tableBlocks([plainTable(table('contacts'), cap)]) });
        break;
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
      case 'D':
        sections.push({
          ...s,
          landscape: true,
          blocks: [
            { kind: 'heading', text: 'Commitments by organisation' },
            ...tableBlocks([groupedTable(table('commitments'), `${cap}: commitments`)]),
            { kind: 'heading', text: table('commitment-totals').title },
            ...tableBlocks([plainTable(table('commitment-totals'), `${cap}: totals`)]),
          ],
        });
        break;
      case 'E':
        sections.push({ ...s, landscape: false, blocks: tableBlocks([plainTable(table('participation'), cap)]) });
        break;
      case 'F':
        sections.push({
          ...s,
          landscape: false,
          blocks: [
            { kind: 'paragraph', text: `Governance model. ${appendix.governanceText}` },
            { kind: 'paragraph', text: `Sign-off of register version ${id.version}: ${appendix.signOffSummary}` },
            ...tableBlocks([plainTable(table('governance'), cap)]),
          ],
        });
        break;
      case 'G':
        sections.push({ ...s, landscape: true, blocks: tableBlocks([plainTable(table('issues'), cap)]) });
        break;
    }
  }
  const facts: DocTable = {
    caption: 'the title block',
    widths: [22, 60],
    header: null,
    rows: [
      ['Partnership', id.partnershipName],
      ['Register version', String(id.version)],
      ['Register date', ukDate(id.createdAt)],
      ['Governance model', appendix.governanceText],
      ['Digest', id.digest],
      ['Sign-off', appendix.signOffSummary],
      ['Sign-off status as at', asAtText(id.asOf)],
    ].map((cells) => ({ cells })),
  };
  return { title: TITLE, facts, sections };
}

/** "30 November 2026, 10:42 UTC". */
export function asAtText(iso: string): string {
  const time = /T(\d{2}:\d{2})/.exec(iso)?.[1];
  return time ? `${ukDate(iso)}, ${time} UTC` : ukDate(iso);
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
