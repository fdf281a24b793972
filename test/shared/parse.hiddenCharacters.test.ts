/**
 * Text that cannot deceive: NUL and the other C0 control characters (tab and line breaks aside), the
 * bidirectional embeddings, overrides and isolates, and the other invisible format characters (zero-width space,
 * joiners between Latin letters, word joiner, U+FEFF, soft hyphen...) are a `cell/format` error naming the
 * character and its cell, in any text cell and in About's values; legitimate text in any script passes untouched.
 */
import fc from 'fast-check';
import { readText } from '../../shared/cells.js';
import { parseWorkbook } from '../../shared/parse.js';
import type { RawTables } from '../../shared/types.js';
import { LEEDS, testCatalogue } from '../helpers/catalogue.js';
import { aboutRow, goodRawTables, setAbout, setCell } from '../helpers/rawTables.js';

const catalogue = testCatalogue();
const parse = (tables: RawTables) => parseWorkbook(tables, catalogue);

const C0 = [
  [0x00, 'NULL'],
  [0x01, 'START OF HEADING'],
  [0x02, 'START OF TEXT'],
  [0x03, 'END OF TEXT'],
  [0x04, 'END OF TRANSMISSION'],
  [0x05, 'ENQUIRY'],
  [0x06, 'ACKNOWLEDGE'],
  [0x07, 'BELL'],
  [0x08, 'BACKSPACE'],
  [0x0b, 'LINE TABULATION'],
  [0x0c, 'FORM FEED'],
  [0x0e, 'SHIFT OUT'],
  [0x0f, 'SHIFT IN'],
  [0x10, 'DATA LINK ESCAPE'],
  [0x11, 'DEVICE CONTROL ONE'],
  [0x12, 'DEVICE CONTROL TWO'],
  [0x13, 'DEVICE CONTROL THREE'],
  [0x14, 'DEVICE CONTROL FOUR'],
  [0x15, 'NEGATIVE ACKNOWLEDGE'],
  [0x16, 'SYNCHRONOUS IDLE'],
  [0x17, 'END OF TRANSMISSION BLOCK'],
  [0x18, 'CANCEL'],
  [0x19, 'END OF MEDIUM'],
  [0x1a, 'SUBSTITUTE'],
  [0x1b, 'ESCAPE'],
  [0x1c, 'INFORMATION SEPARATOR FOUR'],
  [0x1d, 'INFORMATION SEPARATOR THREE'],
  [0x1e, 'INFORMATION SEPARATOR TWO'],
  [0x1f, 'INFORMATION SEPARATOR ONE'],
] as const;
const BIDI = [
  [0x202a, 'LEFT-TO-RIGHT EMBEDDING'],
  [0x202b, 'RIGHT-TO-LEFT EMBEDDING'],
  [0x202c, 'POP DIRECTIONAL FORMATTING'],
  [0x202d, 'LEFT-TO-RIGHT OVERRIDE'],
  [0x202e, 'RIGHT-TO-LEFT OVERRIDE'],
  [0x2066, 'LEFT-TO-RIGHT ISOLATE'],
  [0x2067, 'RIGHT-TO-LEFT ISOLATE'],
  [0x2068, 'FIRST STRONG ISOLATE'],
  [0x2069, 'POP DIRECTIONAL ISOLATE'],
] as const;
const FORMAT = [
  [0x00ad, 'SOFT HYPHEN'],
  [0x180e, 'MONGOLIAN VOWEL SEPARATOR'],
  [0x200b, 'ZERO WIDTH SPACE'],
  [0x200c, 'ZERO WIDTH NON-JOINER'],
  [0x200d, 'ZERO WIDTH JOINER'],
  [0x2060, 'WORD JOINER'],
  [0x2061, 'FUNCTION APPLICATION'],
  [0x2062, 'INVISIBLE TIMES'],
  [0x2063, 'INVISIBLE SEPARATOR'],
  [0x2064, 'INVISIBLE PLUS'],
  [0x206a, 'INHIBIT SYMMETRIC SWAPPING'],
  [0x206f, 'NOMINAL DIGIT SHAPES'],
  [0xfeff, 'ZERO WIDTH NO-BREAK SPACE'],
  [0xfff9, 'INTERLINEAR ANNOTATION ANCHOR'],
  [0xfffb, 'INTERLINEAR ANNOTATION TERMINATOR'],
  [0x1bca0, 'SHORTHAND FORMAT LETTER OVERLAP'],
  [0x1d173, 'MUSICAL SYMBOL BEGIN BEAM'],
  [0xe0001, 'LANGUAGE TAG'],
  [0xe0041, 'TAG LATIN CAPITAL LETTER A'],
  [0xe005f, 'TAG LOW LINE'],
  [0xe007f, 'CANCEL TAG'],
] as const;
const FORBIDDEN = [...C0, ...BIDI, ...FORMAT].map(([code, name]) => {
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  return [`U+${hex} ${name}`, String.fromCodePoint(code)] as const;
});

describe('hidden characters in text cells', () => {
  it.each([
    ['U+200B ZERO WIDTH SPACE', 'Pat\u200b Point', 4],
    ['U+200D ZERO WIDTH JOINER', 'Pat\u200dPoint', 4],
    ['U+2060 WORD JOINER', 'Pat Po\u2060int', 7],
    ['U+FEFF ZERO WIDTH NO-BREAK SPACE', '\ufeffPat Point', 1],
    ['U+00AD SOFT HYPHEN', 'Pat Poi\u00adnt', 8],
    ['U+E0067 TAG LATIN SMALL LETTER G', 'Pat 😀\u{e0067}', 6],
  ])('%s in a contact name (two contacts would look alike and differ) is refused at its cell', (name, text, at) => {
    const tables = goodRawTables(catalogue);
    setCell(tables, 'Contacts', 1, 'Name', text);
    const { submission, issues } = parse(tables);
    expect(submission).toBeNull();
    expect(issues).toMatchObject([
      {
        code: 'cell/format',
        sheet: 'Contacts',
        cell: 'A2',
        message: `Name contains the invisible character ${name} (character ${at}), which can change how the text displays or where it ends; delete it.`,
      },
    ]);
  });

  it.each(FORBIDDEN)('%s in a Description is a cell/format error naming it and its cell', (name, ch) => {
    const tables = goodRawTables(catalogue);
    setCell(tables, 'Commitments', 1, 'Description', `Data ${ch}analyst`);
    const { submission, issues } = parse(tables);
    expect(submission).toBeNull();
    expect(issues).toEqual([
      {
        severity: 'error',
        code: 'cell/format',
        message: `Description contains the invisible character ${name} (character 6), which can change how the text displays or where it ends; delete it.`,
        organisationId: LEEDS,
        sheet: 'Commitments',
        row: 2,
        column: 'Description',
        cell: 'C2',
      },
    ]);
  });

  it('are found in every kind of cell: About values, enumerations, numbers, dates, emails, rich text', () => {
    const tables = goodRawTables(catalogue);
    setAbout(tables, 'MoU signatory', 'Sam\u0000 Signer');
    setAbout(tables, 'Organisation name', '\u202eLeeds City Council');
    setCell(tables, 'Contacts', 1, 'Email', 'pat.point@leeds.gov.uk\u2066');
    setCell(tables, 'Commitments', 1, 'Status', 'Agreed\u202c');
    setCell(tables, 'Commitments', 1, 'Quantity', '0.5\u001b');
    setCell(tables, 'Commitments', 1, 'Start', '2025-04-01\u0008');
    setCell(tables, 'Participation', 1, 'Notes', { richText: [{ text: 'Meets ' }, { text: 'monthly\u202d' }] });
    const { submission, issues } = parse(tables);
    expect(submission).toBeNull();
    const signatory = aboutRow(tables, 'MoU signatory') + 1;
    const name = aboutRow(tables, 'Organisation name') + 1;
    expect(issues.map((i) => [i.code, i.sheet, i.cell, i.message.split(' (character')[0]])).toEqual([
      [
        'cell/format',
        'About',
        `B${name}`,
        'Organisation name contains the invisible character U+202E RIGHT-TO-LEFT OVERRIDE',
      ],
      ['cell/format', 'About', `B${signatory}`, 'MoU signatory contains the invisible character U+0000 NULL'],
      ['cell/format', 'Contacts', 'C2', 'Email contains the invisible character U+2066 LEFT-TO-RIGHT ISOLATE'],
      ['cell/format', 'Commitments', 'D2', 'Quantity contains the invisible character U+001B ESCAPE'],
      ['cell/format', 'Commitments', 'F2', 'Start contains the invisible character U+0008 BACKSPACE'],
      ['cell/format', 'Commitments', 'I2', 'Status contains the invisible character U+202C POP DIRECTIONAL FORMATTING'],
      ['cell/format', 'Participation', 'E2', 'Notes contains the invisible character U+202D LEFT-TO-RIGHT OVERRIDE'],
    ]);
    expect(issues.every((i) => i.organisationId === undefined || i.organisationId === LEEDS)).toBe(true);
  });

  it('in a column header make the column unknown, naming the character', () => {
    const tables = goodRawTables(catalogue);
    tables.Roles!.values[0]![3] = 'Notes\u202e';
    const { issues } = parse(tables);
    expect(issues).toMatchObject([
      {
        code: 'table/extra-column',
        sheet: 'Roles',
        cell: 'D1',
        message: expect.stringMatching(
          /^The column header contains the invisible character U\+202E RIGHT-TO-LEFT OVERRIDE/,
        ),
      },
    ]);
  });

  it('leave legitimate text alone: accents, emoji, Welsh, Arabic and Hebrew with their marks, tabs and line breaks', () => {
    const tables = goodRawTables(catalogue);
    const texts = {
      accents: 'Zoë Brontë, Café Society, Ōsaka – São Paulo',
      emoji: 'Thanks 😀 👩‍💻 👩🏽‍💻 🏳️‍🌈 👩‍❤️‍👨 🏴󠁧󠁢󠁷󠁬󠁳󠁿',
      welsh: 'Cyngor Sir Ynys Môn: ŵyr a ŷd',
      arabic: 'مرحبا بكم في الشراكة 2025',
      hebrew: 'שלום\u200f (RLM) and \u200eLRM',
      persian: 'می\u200cخواهم',
      hindi: 'क्\u200dष and क्\u200cष',
      breaks: 'First line\nsecond line\r\nthird\tcolumn',
    };
    setAbout(tables, 'MoU signatory', texts.welsh);
    setCell(tables, 'Contacts', 1, 'Name', texts.accents);
    setCell(tables, 'Commitments', 1, 'Description', texts.arabic);
    setCell(tables, 'Commitments', 1, 'Notes', texts.breaks);
    setCell(tables, 'Roles', 1, 'Notes', texts.hebrew);
    setCell(tables, 'Contacts', 1, 'Job title', `${texts.persian} / ${texts.hindi}`);
    setCell(tables, 'Participation', 1, 'Notes', texts.emoji);
    const { submission, issues } = parse(tables);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(submission?.about.signatory).toBe(texts.welsh);
    expect(submission?.contacts[0]).toMatchObject({
      name: texts.accents,
      jobTitle: `${texts.persian} / ${texts.hindi}`,
    });
    expect(submission?.commitments[0]).toMatchObject({ description: texts.arabic, notes: texts.breaks });
    expect(submission?.roles[0]?.notes).toBe(texts.hebrew);
    expect(submission?.participation[0]?.notes).toBe(texts.emoji);
  });

  it('are refused exactly: well-formed text without control or format characters reads, and so do the kept marks', () => {
    // eslint-disable-next-line no-control-regex
    const controlOrFormat = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\p{Cf}]/u;
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        fc.pre(!controlOrFormat.test(text));
        expect(readText(text).ok).toBe(true);
      }),
      { numRuns: 1000 },
    );
    // Marks that right-to-left text needs and signs that show, anywhere in the text.
    const kept = ['\u200e', '\u200f', '\u061c', '\u0600', '\u06dd', '\u070f', '\u{110bd}'];
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), fc.constantFrom(...kept), fc.string({ maxLength: 10 }), (a, ch, b) => {
        expect(readText(`${a}${ch}${b}`).ok).toBe(true);
      }),
    );
    fc.assert(
      fc.property(
        fc.string({ maxLength: 10 }),
        fc.constantFrom(...FORBIDDEN),
        fc.string({ maxLength: 10 }),
        (a, [name, ch], b) => {
          const read = readText(`${a}${ch}${b}`);
          expect(read.ok).toBe(false);
          if (!read.ok) expect(read.problem.message).toContain(name);
        },
      ),
    );
  });
});
