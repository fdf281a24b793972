/**
 * verify checks everything a reader reads: each edit a signatory could be fooled by (the RACI key, a governance
 * paragraph, the governance model, the subtitle, a heading, a contents entry; a hidden row or sheet and a money
 * format in Excel; the CSV README's prose; a deleted CSV row; a JSON total) is found and named, a file named for
 * another format is named for what it is, and a file of another partnership names that partnership.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { AppendixFormat } from '../../server/export/appendix/formats.js';
import { renderAppendix } from '../../server/export/appendix/render.js';
import {
  MAX_DIFFERENCES,
  verifyAppendix,
  type RegisterLookup,
  type VerifyResult,
} from '../../server/export/appendix/verify/index.js';
import { demoRegister, type DemoRegister } from './demoRegister.js';

let demo: DemoRegister;
let lookup: RegisterLookup;
const AS_OF = '2030-01-01T00:00:00.000Z';
const files = new Map<AppendixFormat, Buffer>();

beforeAll(async () => {
  demo = await demoRegister();
  lookup = async (version) =>
    version === demo.stored.version ? { stored: demo.stored, signOffs: demo.signOffs } : null;
  for (const format of ['docx', 'xlsx', 'csv', 'json'] as const) {
    files.set(
      format,
      (await renderAppendix(format, { stored: demo.stored, signOffs: demo.signOffs, asOf: AS_OF })).bytes,
    );
  }
}, 60_000);
afterAll(async () => demo?.close());

/** The file with one of its parts edited (the edit must change it). */
async function edited(format: AppendixFormat, part: string, edit: (text: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(files.get(format)!);
  const text = await zip.file(part)!.async('string');
  const changed = edit(text);
  expect(changed).not.toBe(text);
  zip.file(part, changed);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The text of a w:t element whose text matches `pattern`, replaced (the first `nth` match, 1-based). */
function replaceInText(xml: string, pattern: RegExp, replace: (text: string) => string, nth = 1): string {
  let seen = 0;
  return xml.replace(/(<w:t(?:\s[^>]*)?>)([^<]*)(<\/w:t>)/g, (all, open: string, text: string, close: string) =>
    pattern.test(text) && ++seen === nth ? `${open}${replace(text)}${close}` : all,
  );
}

function expectEdited(result: VerifyResult): void {
  expect(result.verdict).toBe('edited');
  expect(result.message).toMatch(/^Edited: this file names register version 1/);
  expect(result.differenceCount).toBe(result.differences.length);
}

const verify = (bytes: Uint8Array, fileName?: string) =>
  verifyAppendix(bytes, lookup, { fileName, partnership: demo.stored.register.partnership });

describe('Word: text outside the tables', () => {
  test('the RACI key with two letters swapped is found, with the appendix it is in', async () => {
    const bytes = await edited('docx', 'word/document.xml', (xml) =>
      replaceInText(xml, /A Accountable/, (t) =>
        t.replace('A Accountable', 'A Consulted').replace('C Consulted', 'C Accountable'),
      ),
    );
    const result = await verify(bytes);
    expectEdited(result);
    expect(result.differences).toHaveLength(1);
    expect(result.differences[0]!.where).toMatch(/^Appendix C/);
    expect(result.differences[0]!.found).toContain('A Consulted');
    expect(result.differences[0]!.expected).toContain('A Accountable');
  });

  test('a sign-off paragraph of Appendix F changed is found', async () => {
    const bytes = await edited('docx', 'word/document.xml', (xml) =>
      replaceInText(xml, /\d+ of \d+ governing partners/, (t) => t.replace(/\d+ of (\d+)/, '$1 of $1')),
    );
    const result = await verify(bytes);
    expectEdited(result);
    expect(result.differences.map((d) => d.found).join('\n')).toMatch(/6 of 6 governing partners/);
  });

  test('the governance model changed everywhere it is written is found in each place', async () => {
    const bytes = await edited('docx', 'word/document.xml', (xml) =>
      xml.replace(/(<w:t(?:\s[^>]*)?>[^<]*)Horizontal: every governing partner has an equal stake/g, '$1Tiered'),
    );
    const result = await verify(bytes);
    expectEdited(result);
    expect(result.differences.length).toBeGreaterThanOrEqual(2);
    expect(result.differences.every((d) => d.found.includes('Tiered'))).toBe(true);
    expect(result.differences.map((d) => d.where)).toEqual(expect.arrayContaining(['the title block']));
  });

  test('the subtitle naming another partnership is found in the title block', async () => {
    const bytes = await edited('docx', 'word/document.xml', (xml) =>
      replaceInText(xml, /^Appendices to the Memorandum of Understanding/, (t) =>
        t.replace('Northshire', 'Southshire'),
      ),
    );
    const result = await verify(bytes);
    expectEdited(result);
    expect(result.differences).toEqual([
      expect.objectContaining({ where: 'the title block', found: expect.stringContaining('Southshire') }),
    ]);
  });

  test('a contents entry and a heading changed are each found', async () => {
    const xml = await (await JSZip.loadAsync(files.get('docx')!)).file('word/document.xml')!.async('string');
    const entries = [...xml.matchAll(/<w:t(?:\s[^>]*)?>(Appendix E\s+[^<]*)<\/w:t>/g)];
    expect(entries.length).toBeGreaterThanOrEqual(2);
    // The first is the contents entry, the last the heading of Appendix E.
    for (const nth of [1, entries.length]) {
      const bytes = await edited('docx', 'word/document.xml', (x) =>
        replaceInText(x, /^Appendix E\s/, (t) => t.replace('Participation', 'Attendance'), nth),
      );
      const result = await verify(bytes);
      expectEdited(result);
      expect(result.differences.length).toBeLessThanOrEqual(2);
      expect(result.differences[0]!.found).toMatch(/Appendix E\s+Attendance/);
      expect(result.differences[0]!.where).toBe(nth === 1 ? 'the title block' : result.differences[0]!.where);
    }
  });

  test('a page header changed in one section is named by that section, as a signatory finds it', async () => {
    const zip = await JSZip.loadAsync(files.get('docx')!);
    const headers = Object.keys(zip.files).filter((n) => /^word\/header\d*\.xml$/.test(n));
    expect(headers.length).toBeGreaterThan(1);
    const result = await verify(
      await edited('docx', headers[1]!, (x) => x.replace('DRAFT: not ready for the MoU', 'FINAL: ready for the MoU')),
    );
    expectEdited(result);
    expect(result.differences).toEqual([
      expect.objectContaining({
        where: 'the page headers',
        field: expect.stringMatching(/^section \d+$/),
        found: expect.stringContaining('FINAL: ready for the MoU'),
        expected: expect.stringContaining('DRAFT: not ready for the MoU'),
      }),
    ]);
    const section = result.differences[0]!.field!;
    expect(result.message).toContain(`the page headers, ${section}: the file says "FINAL: ready for the MoU`);
    expect(result.message).not.toMatch(/header \d+ (added|removed)/);
  });

  test('the footer and the document properties are compared', async () => {
    const zip = await JSZip.loadAsync(files.get('docx')!);
    const footer = Object.keys(zip.files).find((n) => /^word\/footer\d*\.xml$/.test(n))!;
    const result = await verify(
      await edited('docx', footer, (x) => x.replace('Register version 1', 'Register version 2')),
    );
    expectEdited(result);
    expect(result.differences[0]!.where).toBe('the page footers');
    // Named by the section whose pages show it, not by the position of a part.
    expect(result.differences[0]!.field).toMatch(/^section \d+$/);
    const props = await verify(
      await edited('docx', 'docProps/core.xml', (x) => x.replace(/<dc:title>[^<]*</, '<dc:title>Something else<')),
    );
    expectEdited(props);
    expect(props.differences[0]).toMatchObject({
      where: 'the document properties',
      field: 'title',
      found: 'Something else',
    });
  });
});

describe('Word: text a reader cannot read', () => {
  /** The runs holding "DRAFT" in the title block given these run properties. */
  const draftWith = (rPr: string) => (xml: string) =>
    xml.replace(/<w:r>(<w:t(?:\s[^>]*)?>DRAFT)/, `<w:r><w:rPr>${rPr}</w:rPr>$1`);

  test.each([
    ['hidden', '<w:vanish/>', 'hidden text'],
    ['white', '<w:color w:val="FFFFFF"/>', 'white text'],
    ['1 pt', '<w:sz w:val="2"/>', 'text under 4 pt'],
  ])('the draft mark made %s on its run is found in the title block', async (_, rPr, why) => {
    const result = await verify(await edited('docx', 'word/document.xml', draftWith(rPr)));
    expectEdited(result);
    expect(result.differences).toHaveLength(1);
    expect(result.differences[0]).toMatchObject({ where: 'the title block', row: expect.anything() });
    expect(result.differences[0]!.found).toMatch(new RegExp(`^\\[${why}: DRAFT`));
  });

  test.each([
    ['black highlighted black', '<w:color w:val="000000"/><w:highlight w:val="black"/>'],
    ['navy on navy run shading', '<w:color w:val="1F3864"/><w:shd w:val="clear" w:color="auto" w:fill="1F3864"/>'],
    [
      'navy on a solid navy pattern',
      '<w:color w:val="1F3864"/><w:shd w:val="solid" w:color="1F3864" w:fill="FFFFFF"/>',
    ],
  ])('the draft mark in %s is found as text the colour of its background', async (_, rPr) => {
    const result = await verify(await edited('docx', 'word/document.xml', draftWith(rPr)));
    expectEdited(result);
    expect(result.differences).toHaveLength(1);
    expect(result.differences[0]!.found).toMatch(/^\[text the colour of its background: DRAFT/);
  });

  /** The cell holding "DRAFT" shaded `fill`, and its run coloured `colour`. */
  const draftInCell = (fill: string, colour: string) => (xml: string) =>
    xml.replace(
      /<w:tcPr>((?:(?!<w:tcPr>).)*?)<w:r>(<w:t(?:\s[^>]*)?>DRAFT)/s,
      `<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${fill}"/>$1<w:r><w:rPr><w:color w:val="${colour}"/></w:rPr>$2`,
    );

  test('black text in a cell shaded black is found; white text in it reads, and the copy is true', async () => {
    const hidden = await verify(await edited('docx', 'word/document.xml', draftInCell('000000', '000000')));
    expectEdited(hidden);
    expect(hidden.differences).toHaveLength(1);
    expect(hidden.differences[0]).toMatchObject({ where: 'the title block' });
    expect(hidden.differences[0]!.found).toMatch(/^\[text the colour of its background: DRAFT/);
    // Looks are not compared: white text on the black cell is read as the same text.
    const readable = await verify(await edited('docx', 'word/document.xml', draftInCell('000000', 'FFFFFF')));
    expect(readable.verdict).toBe('true-copy');
  });

  test.each([
    ['white text', '<w:rPr><w:color w:val="FFFFFF"/></w:rPr>', /^\[white text: /],
    [
      'navy text in navy cells',
      '<w:rPr><w:color w:val="1F3864"/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="1F3864"/></w:tcPr>',
      /^\[text the colour of its background: /,
    ],
  ])('the default table style given %s in styles.xml hides the tables, and is found', async (_, props, marked) => {
    const result = await verify(
      await edited('docx', 'word/styles.xml', (xml) =>
        xml.replace(/(w:styleId="TableNormal"(?:(?!<\/w:style>).)*?)<\/w:style>/, `$1${props}</w:style>`),
      ),
    );
    expect(result.verdict).toBe('edited');
    expect(result.differenceCount).toBeGreaterThan(100);
    expect(result.differences[0]!.found).toMatch(marked);
  });

  test('a paragraph style hidden in styles.xml hides its paragraphs, and each is found', async () => {
    const result = await verify(
      await edited('docx', 'word/styles.xml', (xml) =>
        xml.replace(/(w:styleId="TableCell"(?:(?!<\/w:style>).)*?<w:rPr>)/, '$1<w:vanish/>'),
      ),
    );
    expect(result.verdict).toBe('edited');
    expect(result.differenceCount).toBeGreaterThan(100);
    expect(result.differences[0]!.found).toMatch(/^\[hidden text: /);
  });
});

describe('Excel: what a cell shows, and what is hidden', () => {
  async function workbook(): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files.get('xlsx')! as unknown as ArrayBuffer);
    return wb;
  }
  const saved = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

  test('a copy saved again by ExcelJS is still a true copy', async () => {
    expect((await verify(await saved(await workbook()))).verdict).toBe('true-copy');
  });

  test('a hidden row is found, naming the sheet and the row', async () => {
    const wb = await workbook();
    wb.getWorksheet('D Commitments')!.getRow(3).hidden = true;
    const result = await verify(await saved(wb));
    expectEdited(result);
    expect(result.differences).toEqual([
      { where: 'sheet "D Commitments"', row: null, field: 'hidden rows', found: '3', expected: 'none' },
    ]);
  });

  test("a sheet's printed footer changed is found", async () => {
    const wb = await workbook();
    const ws = wb.getWorksheet('D Commitments')!;
    const was = ws.headerFooter?.oddFooter ?? '';
    ws.headerFooter = { ...ws.headerFooter, oddFooter: 'Final, agreed by all partners' };
    const result = await verify(await saved(wb));
    expectEdited(result);
    expect(result.differences).toEqual([
      {
        where: 'sheet "D Commitments"',
        row: null,
        field: 'printed footer',
        found: 'Final, agreed by all partners',
        expected: was,
      },
    ]);
  });

  test.each([
    [
      'a white font',
      (c: ExcelJS.Cell) => (c.style = { ...c.style, font: { ...c.font, color: { argb: 'FFFFFFFF' } } }),
      'text the colour of its background',
    ],
    ['a 1 pt font', (c: ExcelJS.Cell) => (c.style = { ...c.style, font: { ...c.font, size: 1 } }), 'text under 4 pt'],
  ])("the cover's status in %s is found, naming the sheet and the row", async (_, edit, why) => {
    const wb = await workbook();
    let status: ExcelJS.Cell | null = null;
    wb.getWorksheet('Cover')!.eachRow((row) => {
      if (row.getCell(1).value === 'Status') status = row.getCell(2);
    });
    expect(status).not.toBeNull();
    edit(status!);
    const result = await verify(await saved(wb));
    expectEdited(result);
    // The cell is given a style of its own, as Excel does (ExcelJS would change every cell sharing its style).
    const found = result.differences.find((d) => d.where === 'sheet "Cover"' && d.key === 'row Status');
    expect(found?.found).toMatch(new RegExp(`^\\[${why}: DRAFT`));
  });

  test('a column too narrow and a row too low to show anything are hidden ones', async () => {
    const wb = await workbook();
    const ws = wb.getWorksheet('A Partner organisations')!;
    ws.getColumn(2).width = 0.2;
    ws.getRow(3).height = 1;
    const result = await verify(await saved(wb));
    expectEdited(result);
    expect(result.differences).toEqual([
      { where: 'sheet "A Partner organisations"', row: null, field: 'hidden rows', found: '3', expected: 'none' },
      { where: 'sheet "A Partner organisations"', row: null, field: 'hidden columns', found: 'B', expected: 'none' },
    ]);
  });

  test('conditional formatting that would hide text is found, naming the sheet and its range', async () => {
    const wb = await workbook();
    wb.getWorksheet('D Commitments')!.addConditionalFormatting({
      ref: 'A2:Z500',
      rules: [
        {
          type: 'expression',
          priority: 1,
          formulae: ['$A2="northshire-icb"'],
          style: { font: { color: { argb: 'FFFFFFFF' } } },
        },
      ],
    });
    const result = await verify(await saved(wb));
    expectEdited(result);
    expect(result.differences).toEqual([
      {
        where: 'sheet "D Commitments"',
        row: null,
        field: 'conditional formats',
        found: 'A2:Z500 (expression)',
        expected: 'none',
      },
    ]);
  });

  test("a table style of the workbook's own (it can colour text like its background) is found", async () => {
    const zip = await JSZip.loadAsync(files.get('xlsx')!);
    const styles = await zip.file('xl/styles.xml')!.async('string');
    // A style whose whole table uses the first differential format: white text, say.
    zip.file(
      'xl/styles.xml',
      styles.replace(
        '</styleSheet>',
        '<tableStyles count="1"><tableStyle name="Quiet" pivot="0" count="1"><tableStyleElement type="wholeTable" dxfId="0"/></tableStyle></tableStyles></styleSheet>',
      ),
    );
    const tablePart = Object.keys(zip.files).find((n) => /^xl\/tables\/[^/]+\.xml$/.test(n))!;
    const table = await zip.file(tablePart)!.async('string');
    zip.file(tablePart, table.replace(/(<tableStyleInfo\b[^>]*?\bname=")[^"]*"/, '$1Quiet"'));
    const result = await verify(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expectEdited(result);
    expect(result.differences.map((d) => [d.where, d.field, d.found, d.expected])).toEqual([
      ['the workbook', 'table styles', expect.stringMatching(/: Quiet(;|$)/), expect.not.stringMatching(/Quiet/)],
      ['the workbook', 'table styles of its own', 'Quiet', 'none'],
    ]);
  });

  test('a hidden sheet is found', async () => {
    const wb = await workbook();
    const ws = wb.addWorksheet('Adjustments', { state: 'hidden' });
    ws.getCell('A1').value = 'Northshire County Council pays nothing';
    const result = await verify(await saved(wb));
    expectEdited(result);
    const hidden = result.differences.find((d) => d.where === 'sheet "Adjustments"' && d.field === 'shown');
    expect(hidden).toMatchObject({ found: 'hidden', expected: '' });
  });

  test('a format that shows nothing (;;;) is found, saying so and giving the value the cell holds', async () => {
    const wb = await workbook();
    const cell = wb.getWorksheet('D Commitments')!.getRow(2).getCell(2);
    const held = cell.value;
    cell.value = 12345;
    cell.style = { ...cell.style, numFmt: ';;;' }; // its own style, as Excel gives it
    const result = await verify(await saved(wb));
    expectEdited(result);
    const d = result.differences.find((x) => x.found.startsWith('nothing shown'));
    expect(d).toMatchObject({
      where: 'sheet "D Commitments"',
      found: 'nothing shown (value 12345)',
      expected: String(held),
    });
  });

  test('a money format that shows £45,000 as £45.00 is found, with the value the cell holds', async () => {
    const wb = await workbook();
    let changed: ExcelJS.Cell | null = null;
    wb.getWorksheet('D Totals')!.eachRow((row) =>
      row.eachCell((cell) => {
        if (!changed && typeof cell.value === 'number' && cell.value >= 1000 && /£/.test(cell.numFmt ?? '')) {
          cell.numFmt = '"£"#,##0.00,';
          changed = cell;
        }
      }),
    );
    expect(changed).not.toBeNull();
    const result = await verify(await saved(wb));
    expectEdited(result);
    // ExcelJS shares one style between the cells of a column that look alike: every whole-pound money cell of the
    // column shows it (£0 as £0.00 too); the one changed shows thousands as pounds.
    const d = result.differences.find((x) => / \(value \d{4,}/.test(x.found))!;
    expect(d.where).toBe('sheet "D Totals"');
    expect(d.found).toMatch(/^£[\d,.]+ \(value \d+/);
    // Whole pounds are expected without pence, as money() writes them.
    expect(d.expected).toMatch(/^£\d{1,3}(,\d{3})+$/);
  });
});

describe('CSV: every file, the README included', () => {
  test("the README's prose changed is found", async () => {
    const bytes = await edited('csv', 'README.txt', (t) =>
      t.replace(/^Check that .*$/m, 'These files need no checking.'),
    );
    const result = await verify(bytes);
    expectEdited(result);
    expect(result.differences).toEqual([
      expect.objectContaining({ where: 'README.txt', found: 'These files need no checking.' }),
    ]);
  });

  test('a deleted row is named by its key, without shifting the rows after it', async () => {
    let removedRef = '';
    const bytes = await edited('csv', 'D-commitments.csv', (t) => {
      const lines = t.split('\r\n');
      removedRef = lines[2]!.split(',')[2]!;
      return [...lines.slice(0, 2), ...lines.slice(3)].join('\r\n');
    });
    const result = await verify(bytes);
    expectEdited(result);
    expect(result.differences).toHaveLength(1);
    expect(result.differences[0]).toMatchObject({ where: 'D-commitments.csv', key: `row ${removedRef}`, found: '' });
    expect(result.message).toContain(`D-commitments.csv, row ${removedRef} removed`);
  });

  test('a row moved to the end is named once, as moved, with both places', async () => {
    let movedRef = '';
    const bytes = await edited('csv', 'D-commitments.csv', (t) => {
      const lines = t.split('\r\n').filter((l) => l !== '');
      movedRef = lines[1]!.split(',')[2]!;
      return [lines[0], ...lines.slice(2), lines[1], ''].join('\r\n');
    });
    const result = await verify(bytes);
    expectEdited(result);
    expect(result.differences).toEqual([
      {
        where: 'D-commitments.csv',
        row: expect.any(Number),
        key: `row ${movedRef}`,
        field: 'place',
        found: `row ${result.differences[0]!.row}`,
        expected: 'row 2',
      },
    ]);
    expect(result.differences[0]!.row).toBeGreaterThan(2);
  });

  test('a file added to the zip is found', async () => {
    const zip = await JSZip.loadAsync(files.get('csv')!);
    zip.file('H-side-letter.csv', 'Organisation,Promise\r\nNorthshire Police,Anything\r\n');
    const result = await verify(await zip.generateAsync({ type: 'nodebuffer' }));
    expectEdited(result);
    expect(result.differences[0]).toMatchObject({ where: 'H-side-letter.csv', expected: '' });
  });
});

describe('JSON: every field by its path', () => {
  test('a total changed is named by its path', async () => {
    const register = JSON.parse(files.get('json')!.toString('utf8'));
    register.totals.byOrganisation[2].fundingGbp += 1000;
    const result = await verify(Buffer.from(JSON.stringify(register, null, 2)));
    expectEdited(result);
    expect(result.differences).toEqual([
      expect.objectContaining({ where: 'the register', field: 'totals.byOrganisation[2].fundingGbp' }),
    ]);
  });

  test('a commitment moved is named by its key, with both places, and nothing else differs', async () => {
    const register = JSON.parse(files.get('json')!.toString('utf8'));
    const [moved] = register.commitments.splice(0, 1);
    register.commitments.push(moved);
    const result = await verify(Buffer.from(JSON.stringify(register)));
    expectEdited(result);
    expect(result.differences).toEqual([
      {
        where: 'the register',
        row: null,
        field: `commitments[0] (ref ${moved.ref}) place`,
        found: `commitments[${register.commitments.length - 1}]`,
        expected: 'commitments[0]',
      },
    ]);
  });

  test('a key given twice is named: JSON.parse would keep the second, another reader may show the first', async () => {
    const text = files.get('json')!.toString('utf8');
    const name = JSON.parse(text).partnership.name as string;
    // The partnership's name given twice: "Southshire ODA" first, the true name second (the one JSON.parse keeps).
    const twice = text.replace(`"name": "${name}"`, `"name": "Southshire ODA", "name": "${name}"`);
    expect(twice).not.toBe(text);
    const result = await verify(Buffer.from(twice));
    expectEdited(result);
    expect(result.differences).toEqual([
      { where: 'the register', row: null, field: 'partnership.name', found: 'given 2 times', expected: 'given once' },
    ]);
  });

  test('a commitment removed is named by its key', async () => {
    const register = JSON.parse(files.get('json')!.toString('utf8'));
    const [removed] = register.commitments.splice(1, 1);
    const result = await verify(Buffer.from(JSON.stringify(register)));
    expectEdited(result);
    expect(result.differences).toHaveLength(1);
    expect(result.differences[0]!.field).toMatch(/^commitments\[1\].* removed$/);
    expect(result.differences[0]!.expected).toContain(removed.description);
  });
});

describe('what the file is, and whose', () => {
  test('a Word document named .xlsx is named for what it is', async () => {
    const result = await verify(files.get('docx')!, 'appendix.xlsx');
    expect(result).toMatchObject({ verdict: 'true-copy', format: 'docx' });
    expect(result.message).toMatch(/^This is a Word document \(\.docx\) named appendix\.xlsx\. True copy of/);
  });

  test('a file from another partnership names that partnership', async () => {
    const register = {
      ...demo.stored.register,
      partnership: {
        ...demo.stored.register.partnership,
        id: 'southshire-oda',
        name: 'Southshire Office of Data Analytics',
      },
    };
    const other = { ...demo.stored, register, digest: `sha256:${'ab'.repeat(32)}` };
    for (const format of ['docx', 'xlsx', 'csv', 'json'] as const) {
      const bytes = (await renderAppendix(format, { stored: other, signOffs: [], asOf: AS_OF })).bytes;
      const result = await verify(bytes);
      expect(result).toMatchObject({
        verdict: 'unknown-register',
        format,
        partnership: 'Southshire Office of Data Analytics',
      });
      expect(result.message).toMatch(/^This file is an appendix of the Southshire Office of Data Analytics/);
    }
  });

  test('an answer keeps the first differences and counts the rest', async () => {
    const bytes = await edited('csv', 'C-roles.csv', (t) =>
      t.replace(/Accountable|Responsible|Consulted|Informed/g, 'Unknown'),
    );
    const result = await verify(bytes);
    expect(result.verdict).toBe('edited');
    expect(result.differenceCount).toBeGreaterThan(20);
    expect(result.differences.length).toBe(Math.min(MAX_DIFFERENCES, result.differenceCount));
    expect(result.message).toMatch(/\.\.\. and \d+ more\.$/);
  });
});
