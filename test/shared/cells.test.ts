import {
  columnIndex,
  columnLetter,
  excelSerialToIso,
  isBlank,
  offsetA1,
  parseA1,
  readBoolean,
  readDate,
  readEmail,
  readEnum,
  readNumber,
  readText,
} from '../../shared/cells.js';
import { RACI_ROLE, UNIT } from '../../shared/enums.js';

describe('A1 addresses', () => {
  it('converts column numbers and letters both ways', () => {
    const pairs: [number, string][] = [
      [1, 'A'],
      [26, 'Z'],
      [27, 'AA'],
      [52, 'AZ'],
      [702, 'ZZ'],
      [703, 'AAA'],
      [16384, 'XFD'],
    ];
    for (const [n, letters] of pairs) {
      expect(columnLetter(n)).toBe(letters);
      expect(columnIndex(letters)).toBe(n);
    }
    expect(columnIndex('ab')).toBe(28);
  });

  it('refuses columns Excel does not have', () => {
    expect(() => columnLetter(0)).toThrow(RangeError);
    expect(() => columnLetter(16385)).toThrow(RangeError);
    expect(() => columnLetter(1.5)).toThrow(RangeError);
    expect(() => columnIndex('XFE')).toThrow(RangeError);
    expect(() => columnIndex('A1')).toThrow(RangeError);
    expect(() => columnIndex('')).toThrow(RangeError);
  });

  it('parses cell addresses, and gives null for anything else', () => {
    expect(parseA1('C7')).toEqual({ row: 7, column: 3 });
    expect(parseA1(' $ab$12 ')).toEqual({ row: 12, column: 28 });
    expect(parseA1('XFD1048576')).toEqual({ row: 1048576, column: 16384 });
    for (const bad of ['A0', 'XFE1', 'A1048577', '7C', 'A1:B2', 'Sheet1!A1', '', 'A', 42, null, undefined]) {
      expect(parseA1(bad)).toBeNull();
    }
  });

  it('offsets from a top-left cell', () => {
    expect(offsetA1('B3', 2, 1)).toBe('C5');
    expect(offsetA1('A1', 0, 0)).toBe('A1');
    expect(offsetA1('Y1', 0, 3)).toBe('AB1');
    expect(offsetA1({ row: 4, column: 2 }, 1, 0)).toBe('B5');
    expect(() => offsetA1('nowhere', 0, 0)).toThrow(RangeError);
    expect(() => offsetA1('A1048576', 1, 0)).toThrow(RangeError);
  });
});

describe('readText', () => {
  it('trims text and treats whitespace as blank', () => {
    expect(readText('  Jo Bloggs \n')).toEqual({ ok: true, value: 'Jo Bloggs' });
    expect(readText(' \u00a0 ')).toEqual({ ok: true, value: null });
    expect(readText(undefined)).toEqual({ ok: true, value: null });
    expect(readText(null)).toEqual({ ok: true, value: null });
  });

  it('turns numbers, booleans and dates into the text Excel shows', () => {
    expect(readText(1234567)).toEqual({ ok: true, value: '1234567' });
    expect(readText(0.5)).toEqual({ ok: true, value: '0.5' });
    expect(readText(-0)).toEqual({ ok: true, value: '0' });
    expect(readText(true)).toEqual({ ok: true, value: 'TRUE' });
    expect(readText(new Date(Date.UTC(2025, 3, 1)))).toEqual({ ok: true, value: '2025-04-01' });
  });

  it('reads ExcelJS rich text, hyperlinks and formula results', () => {
    expect(readText({ richText: [{ text: 'Leeds ' }, { font: { bold: true }, text: 'City' }] })).toEqual({
      ok: true,
      value: 'Leeds City',
    });
    expect(readText({ text: 'Jo', hyperlink: 'mailto:jo@x.org' })).toEqual({ ok: true, value: 'Jo' });
    expect(readText({ text: { richText: [{ text: 'Nested' }] }, hyperlink: 'https://x.org' })).toEqual({
      ok: true,
      value: 'Nested',
    });
    expect(readText({ formula: 'A1&B1', result: 'AB' })).toEqual({ ok: true, value: 'AB' });
    expect(readText({ sharedFormula: 'C2', result: 7 })).toEqual({ ok: true, value: '7' });
  });

  it('reports Excel errors, uncalculated formulas and values that are not cell values', () => {
    const err = readText({ error: '#N/A' });
    expect(err).toEqual({ ok: false, problem: { code: 'cell/type', message: expect.stringContaining('#N/A') } });
    expect(readText({ formula: '1/0', result: { error: '#DIV/0!' } })).toMatchObject({
      ok: false,
      problem: { message: expect.stringContaining('#DIV/0!') },
    });
    expect(readText({ formula: 'A1' })).toMatchObject({
      ok: false,
      problem: { message: expect.stringContaining('formula') },
    });
    for (const odd of [[1, 2], { a: 1 }, NaN, Infinity, new Date(NaN), () => 1]) {
      expect(readText(odd)).toMatchObject({ ok: false, problem: { code: 'cell/type' } });
    }
  });

  it('reports Excel error text as Office.js and the file reader hand it over, in any column', () => {
    expect(readText('#N/A')).toMatchObject({
      ok: false,
      problem: { code: 'cell/type', message: expect.stringContaining('#N/A') },
    });
    expect(readNumber(' #div/0! ')).toMatchObject({
      ok: false,
      problem: { message: expect.stringContaining('#DIV/0!') },
    });
    expect(readDate('#REF!')).toMatchObject({ ok: false, problem: { code: 'cell/type' } });
    expect(readText('#N/A is not our answer')).toEqual({ ok: true, value: '#N/A is not our answer' });
  });

  it('knows blank cells', () => {
    expect(isBlank('   ')).toBe(true);
    expect(isBlank({ richText: [{ text: ' ' }] })).toBe(true);
    expect(isBlank(0)).toBe(false);
    expect(isBlank(false)).toBe(false);
    expect(isBlank({ error: '#REF!' })).toBe(false);
  });
});

describe('readNumber', () => {
  it('reads numbers and numeric text', () => {
    expect(readNumber(2.5)).toEqual({ ok: true, value: 2.5 });
    expect(readNumber('0.5')).toEqual({ ok: true, value: 0.5 });
    expect(readNumber(' 1,234.5 ')).toEqual({ ok: true, value: 1234.5 });
    expect(readNumber('£12,000')).toEqual({ ok: true, value: 12000 });
    expect(readNumber('-3')).toEqual({ ok: true, value: -3 });
    expect(readNumber('.25')).toEqual({ ok: true, value: 0.25 });
    expect(readNumber('1e3')).toEqual({ ok: true, value: 1000 });
    expect(readNumber(-0)).toEqual({ ok: true, value: 0 });
    expect(readNumber({ formula: 'B2*2', result: 4 })).toEqual({ ok: true, value: 4 });
    expect(readNumber('')).toEqual({ ok: true, value: null });
  });

  it('refuses what is not plainly a number, naming the value', () => {
    expect(readNumber('lots')).toEqual({
      ok: false,
      problem: { code: 'cell/type', message: '"lots" is not a number; type digits such as 0.5 or 1,234.5' },
    });
    for (const bad of ['12%', '1,23', '1.234,5', '0x10', 'Infinity', '1e999', NaN, -Infinity, true, new Date(0), [1]]) {
      expect(readNumber(bad)).toMatchObject({ ok: false, problem: { code: 'cell/type' } });
    }
  });
});

describe('readDate', () => {
  it('reads Excel serial numbers, honouring the 1900 leap-year bug', () => {
    expect(readDate(1)).toEqual({ ok: true, value: '1900-01-01' });
    expect(readDate(59)).toEqual({ ok: true, value: '1900-02-28' });
    expect(readDate(61)).toEqual({ ok: true, value: '1900-03-01' });
    expect(readDate(44197)).toEqual({ ok: true, value: '2021-01-01' });
    expect(readDate(45748)).toEqual({ ok: true, value: '2025-04-01' });
    expect(readDate(45748.75)).toEqual({ ok: true, value: '2025-04-01' });
    expect(readDate(2958465)).toEqual({ ok: true, value: '9999-12-31' });
    expect(excelSerialToIso(60)).toMatchObject({ ok: false, problem: { code: 'cell/format' } });
    for (const bad of [0, -5, 2958466])
      expect(readDate(bad)).toMatchObject({ ok: false, problem: { code: 'cell/format' } });
  });

  it('reads JS Dates as their UTC date', () => {
    expect(readDate(new Date('2025-04-01T00:00:00Z'))).toEqual({ ok: true, value: '2025-04-01' });
    expect(readDate(new Date('2025-04-01T23:30:00Z'))).toEqual({ ok: true, value: '2025-04-01' });
    expect(readDate(new Date(NaN))).toMatchObject({ ok: false, problem: { code: 'cell/format' } });
  });

  it('reads ISO and UK text and refuses impossible dates', () => {
    expect(readDate('2025-04-01')).toEqual({ ok: true, value: '2025-04-01' });
    expect(readDate(' 01/04/2025 ')).toEqual({ ok: true, value: '2025-04-01' });
    expect(readDate('1/4/2025')).toEqual({ ok: true, value: '2025-04-01' });
    expect(readDate('29/02/2024')).toEqual({ ok: true, value: '2024-02-29' });
    expect(readDate('31/02/2025')).toEqual({
      ok: false,
      problem: { code: 'cell/format', message: '"31/02/2025" is not a real date: February 2025 has no day 31' },
    });
    expect(readDate('2025-13-01')).toMatchObject({
      ok: false,
      problem: { message: expect.stringContaining('no month 13') },
    });
    for (const bad of ['29/02/2025', '2025/04/01', 'April 2025', '01/04/25', '1899-12-31', '2025-04-01T10:00']) {
      expect(readDate(bad)).toMatchObject({ ok: false, problem: { code: 'cell/format' } });
    }
    expect(readDate(true)).toMatchObject({ ok: false, problem: { code: 'cell/type' } });
  });
});

describe('readEmail', () => {
  it('accepts addresses, strips mailto: and reads hyperlinks', () => {
    expect(readEmail(' jo.bloggs@leeds.gov.uk ')).toEqual({ ok: true, value: 'jo.bloggs@leeds.gov.uk' });
    expect(readEmail('MAILTO:jo@x.org?subject=Hello')).toEqual({ ok: true, value: 'jo@x.org' });
    expect(readEmail({ text: 'Jo Bloggs', hyperlink: 'mailto:jo@x.org' })).toEqual({ ok: true, value: 'jo@x.org' });
    expect(readEmail({ text: 'jo+oda@x.org', hyperlink: 'mailto:jo+oda@x.org' })).toEqual({
      ok: true,
      value: 'jo+oda@x.org',
    });
  });

  it('refuses what is not an address', () => {
    expect(readEmail('jo at x.org')).toEqual({
      ok: false,
      problem: { code: 'cell/format', message: '"jo at x.org" is not an email address such as name@example.org' },
    });
    for (const bad of [
      'jo@',
      '@x.org',
      'jo@x',
      'jo@@x.org',
      'jo..b@x.org',
      'jo@x..org',
      'jo @x.org',
      'jo@-x.org',
      42,
    ]) {
      expect(readEmail(bad)).toMatchObject({ ok: false, problem: { code: 'cell/format' } });
    }
    expect(readEmail({ text: 'Jo', hyperlink: 'https://x.org' })).toMatchObject({ ok: false });
  });
});

describe('readEnum and readBoolean', () => {
  it('matches labels ignoring case and stores ids', () => {
    expect(readEnum(UNIT, ' days PER month ')).toEqual({ ok: true, value: 'days-per-month' });
    expect(readEnum(UNIT, 'gbp-per-year')).toEqual({ ok: true, value: 'gbp-per-year' });
    expect(readEnum(RACI_ROLE, 'a')).toEqual({ ok: true, value: 'accountable' });
    expect(readEnum(RACI_ROLE, 'R')).toEqual({ ok: true, value: 'responsible' });
  });

  it('names the value and every allowed choice', () => {
    expect(readEnum(UNIT, 'Hours')).toEqual({
      ok: false,
      problem: {
        code: 'cell/enum',
        message:
          '"Hours" is not one of: FTE, Days per month, Hours per week, GBP, GBP per year, Datasets, Licences, Other',
      },
    });
    expect(readEnum(RACI_ROLE, 'X')).toMatchObject({
      problem: { message: expect.stringContaining('(or R, A, C, I)') },
    });
  });

  it('reads Yes/No and TRUE/FALSE', () => {
    expect(readBoolean('Yes')).toEqual({ ok: true, value: true });
    expect(readBoolean('n')).toEqual({ ok: true, value: false });
    expect(readBoolean(true)).toEqual({ ok: true, value: true });
    expect(readBoolean(' ')).toEqual({ ok: true, value: null });
    expect(readBoolean('Maybe')).toMatchObject({ ok: false, problem: { code: 'cell/enum' } });
  });
});

describe('text that is not well-formed (an unpaired surrogate)', () => {
  const BROKEN = 'contains a broken character (an unpaired surrogate); retype the text';
  it.each([
    ['a lone high surrogate', 'Jo \ud800'],
    ['a lone low surrogate', '\udc00 Bloggs'],
    ['a pair in the wrong order', '\ude00\ud83d'],
    ['rich text', { richText: [{ text: 'Jo' }, { text: '\ud83d' }] }],
    ['a hyperlink', { text: 'Jo \udfff', hyperlink: 'https://example.org' }],
    ['a formula result', { formula: 'A1', result: '\ud800' }],
  ])('is a cell/type problem for every reader: %s', (_title, value) => {
    const readers = [readText, readNumber, readDate, readEmail, readBoolean, (v: unknown) => readEnum(UNIT, v)];
    for (const read of readers)
      expect(read(value)).toEqual({ ok: false, problem: { code: 'cell/type', message: BROKEN } });
    expect(isBlank(value)).toBe(false);
  });

  it('leaves surrogate pairs (an emoji) alone, also one split across two rich-text runs', () => {
    expect(readText('Team \ud83d\ude00')).toEqual({ ok: true, value: 'Team \ud83d\ude00' });
    expect(readText({ richText: [{ text: 'Team \ud83d' }, { text: '\ude00' }] })).toEqual({
      ok: true,
      value: 'Team \ud83d\ude00',
    });
  });
});

describe('hyperlinks', () => {
  it('give the displayed text, except an Email cell that shows a name and links to a mailto: address', () => {
    const link = { text: 'Jo Bloggs', hyperlink: 'mailto:jo.bloggs@leeds.gov.uk?subject=ODA' };
    expect(readText(link)).toEqual({ ok: true, value: 'Jo Bloggs' });
    expect(readEmail(link)).toEqual({ ok: true, value: 'jo.bloggs@leeds.gov.uk' });
    // The displayed address wins over the link's.
    expect(readEmail({ text: 'jo@leeds.gov.uk', hyperlink: 'mailto:other@leeds.gov.uk' })).toEqual({
      ok: true,
      value: 'jo@leeds.gov.uk',
    });
    expect(readEmail({ text: 'Jo Bloggs', hyperlink: 'https://leeds.gov.uk/jo' })).toMatchObject({
      ok: false,
      problem: { code: 'cell/format' },
    });
  });
});
