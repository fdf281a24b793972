import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readWorkbook, WORKBOOK_LIMITS, WorkbookFileError } from '../../server/import/readWorkbook.js';
import { listZipEntries } from '../../server/import/zipArchive.js';
import { readText } from '../../shared/cells.js';
import { parseWorkbook } from '../../shared/parse.js';
import type { RawTables } from '../../shared/types.js';
import { LEEDS, testCatalogue } from '../helpers/catalogue.js';
import { goodRawTables, setCell } from '../helpers/rawTables.js';
import { unzipFile, zipFile, type ZipPart } from '../helpers/zipFile.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'oda-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes `workbook` to a real file and reads the file's bytes back. */
async function saved(workbook: ExcelJS.Workbook, name: string): Promise<Buffer> {
  const file = path.join(dir, name);
  await workbook.xlsx.writeFile(file);
  return readFile(file);
}

async function readSaved(workbook: ExcelJS.Workbook, name: string): Promise<RawTables> {
  return readWorkbook(await saved(workbook, name), { fileName: name });
}

function utcDay(iso: string): Date {
  return new Date(`${iso}T00:00:00.000Z`);
}

describe('readWorkbook: finding the tables', () => {
  it('finds Excel tables by name (any case) on any sheet, leaves out a totals row and tables outside the contract', async () => {
    const wb = new ExcelJS.Workbook();
    const people = wb.addWorksheet('People');
    people.getCell('C2').value = 'Our contacts';
    people.addTable({
      name: 'contacts',
      ref: 'C5',
      columns: [{ name: 'Name' }, { name: 'Email' }, { name: 'Contact role' }],
      rows: [
        ['Jo Bloggs', 'jo@leeds.gov.uk', 'Point of contact'],
        ['Sam Smith', 'sam@leeds.gov.uk', 'Analyst'],
      ],
    });
    const money = wb.addWorksheet('Money');
    money.addTable({ name: 'Budget', ref: 'A1', columns: [{ name: 'Item' }], rows: [['Laptops']] });
    const roles = wb.addWorksheet('Roles');
    roles.addTable({
      name: 'Roles',
      ref: 'A1',
      totalsRow: true,
      columns: [
        { name: 'Activity', totalsRowLabel: 'Count' },
        { name: 'Role', totalsRowFunction: 'count' },
      ],
      rows: [['Analytics projects', 'Accountable']],
    });
    wb.addWorksheet('Notes').getCell('A1').value = 'Name';

    const tables = await readSaved(wb, 'tables.xlsx');

    expect(Object.keys(tables).sort()).toEqual(['Contacts', 'Roles']);
    expect(tables.Contacts).toEqual({
      sheet: 'People',
      topLeft: 'C5',
      values: [
        ['Name', 'Email', 'Contact role'],
        ['Jo Bloggs', 'jo@leeds.gov.uk', 'Point of contact'],
        ['Sam Smith', 'sam@leeds.gov.uk', 'Analyst'],
      ],
    });
    expect(tables.Roles?.values).toEqual([
      ['Activity', 'Role'],
      ['Analytics projects', 'Accountable'],
    ]);
  });

  it('falls back to sheets named like the tables, finding a header row below a title, in any order and case', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('CONTACTS');
    sheet.getCell('B1').value = 'Contacts of Leeds City Council';
    sheet.mergeCells('B1:G1');
    sheet.getRow(3).values = [null, 'EMAIL', ' name ', 'Primary', 'Contact Role', 'job title', 'Phone'];
    sheet.getRow(4).values = [null, 'jo@leeds.gov.uk', 'Jo Bloggs', 'Yes', 'Point of contact', 'Head of BI', null];
    sheet.getRow(5).values = [null, 'ann@leeds.gov.uk', 'Ann Lee', null, 'Analyst', null, '0113 000'];
    sheet.getRow(5).hidden = true;
    sheet.getRow(6).values = [null, 'sam@leeds.gov.uk', 'Sam Smith', 'No', 'PMG member'];
    // 200 trailing rows that exist in the file but hold nothing a reader should keep.
    for (let r = 7; r < 107; r++)
      sheet.getCell(r, 3).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    for (let r = 107; r < 207; r++) sheet.getCell(r, 2).value = '   ';
    const about = wb.addWorksheet('about');
    about.getRow(1).values = ['Field', 'Value'];
    about.getRow(2).values = ['Organisation ID', 'leeds-cc'];

    const tables = await readSaved(wb, 'sheets.xlsx');

    expect(Object.keys(tables).sort()).toEqual(['About', 'Contacts']);
    expect(tables.Contacts).toEqual({
      sheet: 'CONTACTS',
      topLeft: 'B3',
      values: [
        ['EMAIL', ' name ', 'Primary', 'Contact Role', 'job title', 'Phone'],
        ['jo@leeds.gov.uk', 'Jo Bloggs', 'Yes', 'Point of contact', 'Head of BI', null],
        ['ann@leeds.gov.uk', 'Ann Lee', null, 'Analyst', null, '0113 000'],
        ['sam@leeds.gov.uk', 'Sam Smith', 'No', 'PMG member', null, null],
      ],
    });
    expect(tables.About).toEqual({
      sheet: 'about',
      topLeft: 'A1',
      values: [
        ['Field', 'Value'],
        ['Organisation ID', 'leeds-cc'],
      ],
    });
  });

  it('keeps blank rows between data rows so every value stays at its Excel row', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Participation');
    sheet.getRow(1).values = ['Forum', 'Representative'];
    sheet.getRow(2).values = ['PMG', 'Jo'];
    sheet.getRow(5).values = ['Board', 'Ann'];

    const tables = await readSaved(wb, 'gaps.xlsx');

    expect(tables.Participation?.values).toEqual([
      ['Forum', 'Representative'],
      ['PMG', 'Jo'],
      [null, null],
      [null, null],
      ['Board', 'Ann'],
    ]);
  });

  it('uses the first non-blank row as the header when no row holds a known header', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Roles');
    sheet.getCell('C4').value = 'Task';
    sheet.getCell('D4').value = 'Who';
    sheet.getCell('C5').value = 'Analytics projects';

    const tables = await readSaved(wb, 'noheaders.xlsx');

    expect(tables.Roles).toEqual({
      sheet: 'Roles',
      topLeft: 'C4',
      values: [
        ['Task', 'Who'],
        ['Analytics projects', null],
      ],
    });
  });
});

describe('readWorkbook: cell values', () => {
  it('hands dates, numbers, rich text, hyperlinks, formulas, errors and merged cells to the parser, which reads them', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Commitments');
    sheet.getRow(1).values = ['Ref', 'Description', 'Quantity', 'Start', 'End', 'Project', 'Notes', 'Owner'];
    sheet.getRow(2).values = [
      'C1',
      { richText: [{ text: 'Analyst ', font: { bold: true } }, { text: 'time' }] },
      '0.5',
      utcDay('2025-04-01'),
      45748,
      'Core programme',
      'Merged across two columns',
      null,
    ];
    sheet.getCell('D2').numFmt = 'dd/mm/yyyy';
    sheet.mergeCells('G2:H2');
    sheet.getRow(3).values = [
      { formula: 'CONCAT("C","2")', result: 'C2' },
      { text: 'Funding (see link)', hyperlink: 'https://example.org/budget' },
      // The master of a shared formula (ExcelJS writes shareType and ref but leaves them out of its typings).
      { formula: '2*3', result: 6, shareType: 'shared', ref: 'C3:C4' } as ExcelJS.CellFormulaValue,
      '01/04/2025',
      { formula: 'D2+365', result: 46113 },
      null,
      { formula: 'VLOOKUP(A3,Z:Z,1,FALSE)', result: { error: '#N/A' } },
      true,
    ];
    sheet.getCell('E3').numFmt = 'yyyy-mm-dd';
    sheet.getRow(4).values = [
      'C3',
      { text: 'jo@leeds.gov.uk', hyperlink: 'mailto:jo@leeds.gov.uk' },
      { sharedFormula: 'C3', result: 7 },
      { formula: 'TODAY()' },
      { error: '#REF!' },
      null,
      null,
      false,
    ];
    sheet.mergeCells('F2:F4');
    // A dropdown over the whole column, as partners often set up: ignored by the reader, never expanded.
    (
      sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
    ).dataValidations.add('B2:B1048576', { type: 'list', allowBlank: true, formulae: ['"Funding,Data"'] });

    const tables = await readSaved(wb, 'values.xlsx');

    // What each cell reads as in a text column (the parser's one unwrapper), or its problem.
    const shown = tables.Commitments?.values.map((row) =>
      row.map((v) => {
        const read = readText(v);
        return read.ok ? read.value : `${read.problem.code}: ${read.problem.message}`;
      }),
    );
    expect(shown).toEqual([
      ['Ref', 'Description', 'Quantity', 'Start', 'End', 'Project', 'Notes', 'Owner'],
      ['C1', 'Analyst time', '0.5', '2025-04-01', '45748', 'Core programme', 'Merged across two columns', null],
      [
        'C2',
        'Funding (see link)',
        '6',
        '01/04/2025',
        '2026-04-01',
        'Core programme',
        'cell/type: holds the Excel error #N/A; correct the formula or type a value',
        'TRUE',
      ],
      [
        'C3',
        'jo@leeds.gov.uk',
        '7',
        'cell/type: is a formula without a calculated value; open the workbook in Excel and save it',
        'cell/type: holds the Excel error #REF!; correct the formula or type a value',
        'Core programme',
        null,
        'FALSE',
      ],
    ]);
    const start = tables.Commitments?.values[1]?.[3];
    expect(start).toBeInstanceOf(Date);
  });

  it('keeps a hyperlinked email for the Email column, and sends a formula without a value to the parser', async () => {
    const catalogue = testCatalogue();
    const good = goodRawTables(catalogue, LEEDS);
    setCell(good, 'Contacts', 1, 'Name', { text: 'Jo Bloggs', hyperlink: 'mailto:jo.bloggs@leeds.gov.uk' });
    setCell(good, 'Contacts', 1, 'Email', {
      text: 'Jo Bloggs',
      hyperlink: 'mailto:jo.bloggs@leeds.gov.uk?subject=ODA',
    });
    const wb = new ExcelJS.Workbook();
    for (const table of Object.values(good)) {
      const sheet = wb.addWorksheet(table.sheet);
      table.values.forEach((row, r) => (sheet.getRow(r + 1).values = row as ExcelJS.CellValue[]));
    }
    const bytes = await saved(wb, 'hyperlinks.xlsx');

    const accepted = parseWorkbook(await readWorkbook(bytes), catalogue);
    expect(accepted.issues).toEqual([]);
    expect(accepted.submission?.contacts[0]).toMatchObject({ name: 'Jo Bloggs', email: 'jo.bloggs@leeds.gov.uk' });

    // The same workbook with a Quantity formula that Excel never calculated (a file written by a program).
    wb.getWorksheet('Commitments')!.getCell('D2').value = { formula: 'D3*2' } as ExcelJS.CellFormulaValue;
    const refused = parseWorkbook(await readWorkbook(await saved(wb, 'uncalculated.xlsx')), catalogue);
    expect(refused.submission).toBeNull();
    expect(refused.issues).toEqual([
      expect.objectContaining({
        code: 'cell/type',
        cell: 'D2',
        message: 'Quantity is a formula without a calculated value; open the workbook in Excel and save it.',
      }),
    ]);
  });

  it('accepts a Uint8Array as well as a Buffer', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Roles').getRow(1).values = ['Activity', 'Role'];
    const bytes = new Uint8Array(await saved(wb, 'bytes.xlsx'));
    expect((await readWorkbook(bytes)).Roles?.values).toEqual([['Activity', 'Role']]);
  });
});

describe('readWorkbook: files that are not readable workbooks', () => {
  const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const ole = (...streams: string[]): Buffer =>
    Buffer.concat([
      OLE,
      Buffer.alloc(1016),
      ...streams.map((s) => Buffer.from(`${s}\0`, 'utf16le')),
      Buffer.alloc(512),
    ]);

  async function goodXlsx(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Contacts');
    sheet.getRow(1).values = ['Name', 'Email'];
    for (let r = 2; r < 60; r++) sheet.getRow(r).values = [`Person ${r}`, `p${r}@leeds.gov.uk`];
    return saved(wb, 'good.xlsx');
  }

  function replacePart(xlsx: Buffer, name: string, change: (xml: string) => string): Buffer {
    const parts = unzipFile(xlsx);
    const part = parts.find((p) => p.name === name);
    if (!part) throw new Error(`no part ${name}`);
    return zipFile(parts.map((p): ZipPart => (p === part ? { name, data: change(part.data.toString()) } : p)));
  }

  async function expectRefused(data: Buffer, fileName: string | undefined, problem: string, message: string | RegExp) {
    const error = await readWorkbook(data, fileName === undefined ? {} : { fileName }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkbookFileError);
    const { message: text, problem: kind } = error as WorkbookFileError;
    if (typeof message === 'string') expect(text).toBe(message);
    else expect(text).toMatch(message);
    expect(kind).toBe(problem);
    // One sentence: no line breaks, no stack, one full stop at the end.
    expect(text).not.toMatch(/\n|\.\s|\bat\s\S+:\d+/);
    expect(text.endsWith('.')).toBe(true);
  }

  it('says an empty file is empty, naming "The file" when no name is given', async () => {
    await expectRefused(
      Buffer.alloc(0),
      undefined,
      'empty',
      'The file is empty: attach the partner workbook (.xlsx) and send it again.',
    );
  });

  it('says a password-protected workbook is password-protected', async () => {
    await expectRefused(
      ole('EncryptionInfo', 'EncryptedPackage'),
      'budget.xlsx',
      'password-protected',
      'budget.xlsx is password-protected: remove the password in Excel (File > Info > Protect Workbook) and send it again.',
    );
  });

  it('tells an old .xls from a protected workbook, and covers both when the file does not say', async () => {
    await expectRefused(
      ole('Workbook', 'SummaryInformation'),
      'old.xls',
      'old-format',
      'old.xls is an old Excel 97-2003 workbook (.xls): open it in Excel, save it as Excel Workbook (.xlsx) and send it again.',
    );
    await expectRefused(
      Buffer.concat([OLE, Buffer.alloc(2048)]),
      'mystery.xlsx',
      'password-protected',
      /^mystery\.xlsx is either password-protected or an old Excel 97-2003 file: remove any password/,
    );
  });

  it('refuses CSV, PDF and random bytes with what they are', async () => {
    await expectRefused(
      Buffer.from('Name,Email\nJo Bloggs,jo@leeds.gov.uk\n'),
      'contacts.csv',
      'not-xlsx',
      'contacts.csv is a text or CSV file, not an Excel workbook: open it in Excel, save it as Excel Workbook (.xlsx) and send it again.',
    );
    await expectRefused(
      Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n', 'latin1'),
      'mou.pdf',
      'not-xlsx',
      'mou.pdf is a PDF, not an Excel workbook: send the partner workbook as an .xlsx file.',
    );
    const noise = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919 + 13) % 256));
    await expectRefused(noise, 'noise.bin', 'not-xlsx', /^noise\.bin is not an Excel workbook \(\.xlsx\)/);
  });

  it('refuses a zip that is not a workbook, saying what it is', async () => {
    await expectRefused(
      zipFile([{ name: 'readme.txt', data: 'hello' }]),
      'files.zip',
      'not-xlsx',
      'files.zip is a zip archive, not an Excel workbook: send the .xlsx workbook itself rather than a zip of files.',
    );
    await expectRefused(
      zipFile([
        { name: '[Content_Types].xml', data: '<Types/>' },
        { name: 'word/document.xml', data: '<document/>' },
      ]),
      'mou.docx',
      'not-xlsx',
      /^mou\.docx is a Word document, not an Excel workbook/,
    );
  });

  it('says a cut-off file is incomplete', async () => {
    const good = await goodXlsx();
    await expectRefused(
      good.subarray(0, Math.floor(good.length * 0.6)),
      'cut.xlsx',
      'truncated',
      'cut.xlsx is incomplete (the file was cut off, perhaps during download or upload): send the whole file again.',
    );
  });

  it('says a workbook with damaged compressed data is damaged, naming the part', async () => {
    const bad = Buffer.from(await goodXlsx());
    const sheet = listZipEntries(bad).find((e) => e.name === 'xl/worksheets/sheet1.xml');
    if (!sheet) throw new Error('no sheet part');
    const start = sheet.localHeaderOffset + 30 + bad.readUInt16LE(sheet.localHeaderOffset + 26);
    for (let i = 10; i < 40; i++) bad[start + i] = (bad[start + i] ?? 0) ^ 0x5a;
    await expectRefused(
      bad,
      'damaged.xlsx',
      'damaged',
      'damaged.xlsx is damaged (its part xl/worksheets/sheet1.xml cannot be read): open it in Excel, save a new copy and send that.',
    );
  });

  it('says a workbook whose sheet is not valid XML could not be read', async () => {
    const bad = replacePart(await goodXlsx(), 'xl/worksheets/sheet1.xml', () => '<worksheet><sheetData><row r="1"><c');
    await expectRefused(bad, 'broken.xlsx', 'damaged', /^broken\.xlsx could not be read as an Excel workbook/);
  });

  it('refuses files that are too big, unpack too far (zip bombs) or lie about their size', async () => {
    await expectRefused(
      Buffer.alloc(WORKBOOK_LIMITS.maxFileBytes + 1),
      'huge.xlsx',
      'too-large',
      'huge.xlsx is 20 MB, more than the 20 MB allowed for a partner workbook: remove pictures and unused sheets and send it again.',
    );
    await expectRefused(
      zipFile([
        { name: 'xl/workbook.xml', data: '<workbook/>' },
        { name: 'xl/worksheets/sheet1.xml', data: 'x', declaredSize: WORKBOOK_LIMITS.maxUnpackedBytes + 1 },
      ]),
      'bomb.xlsx',
      'too-large',
      /^bomb\.xlsx unpacks to 100 MB, more than the 100 MB allowed/,
    );
    await expectRefused(
      zipFile([
        { name: 'xl/workbook.xml', data: '<workbook/>' },
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(1_000_000), declaredSize: 1000 },
      ]),
      'liar.xlsx',
      'damaged',
      /^liar\.xlsx is damaged \(its part xl\/worksheets\/sheet1\.xml cannot be read\)/,
    );
  });

  it('refuses sheets that would make the reader build millions of cells', async () => {
    const good = await goodXlsx();
    const merged = replacePart(good, 'xl/worksheets/sheet1.xml', (xml) =>
      xml.replace('<pageMargins', '<mergeCells count="1"><mergeCell ref="A100:Z100000"/></mergeCells><pageMargins'),
    );
    await expectRefused(merged, 'merged.xlsx', 'too-large', /^merged\.xlsx has merged cells covering 2597426 cells/);

    const rows = Array.from({ length: WORKBOOK_LIMITS.maxRowsPerSheet + 1 }, (_, i) => `<row r="${i + 1}"/>`).join('');
    const tall = replacePart(good, 'xl/worksheets/sheet1.xml', (xml) =>
      xml.replace(/<sheetData>.*<\/sheetData>/s, `<sheetData>${rows}</sheetData>`),
    );
    await expectRefused(
      tall,
      'tall.xlsx',
      'too-large',
      'tall.xlsx has more than 100,000 rows in use on sheet Contacts, too many for a partner workbook: delete the unused rows below your tables and send it again.',
    );

    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Contacts');
    sheet.getRow(1).values = ['Name', 'Email'];
    sheet.getCell('A1000000').value = 'stray';
    await expectRefused(
      await saved(wb, 'stray.xlsx'),
      'stray.xlsx',
      'too-large',
      /^stray\.xlsx has a value in row 1000000 of sheet Contacts/,
    );
  });

  it('refuses a sheet of 1,048,576 rows once its first 100,000 are counted, naming the sheet and where it ends', async () => {
    // A real partner workbook whose Commitments sheet runs to Excel's last row, one small value a row (27 MB
    // unpacked). The limit is found while the sheet inflates: nothing after it is read.
    const demo = await readFile(path.resolve('examples/workbooks/northshire-icb.xlsx'));
    const sheet = await sheetPartNamed(await JSZip.loadAsync(demo), 'Commitments');
    // Rows without an `r` attribute follow one another, as the format allows.
    const rows = '<row><c><v>1</v></c></row>'.repeat(1_048_576);
    const tall = replacePart(demo, sheet, (xml) =>
      xml
        .replace(/<dimension ref="[^"]*"/, '<dimension ref="A1:K1048576"')
        .replace(/<sheetData>.*<\/sheetData>/s, `<sheetData>${rows}</sheetData>`),
    );
    await expectRefused(
      tall,
      'tall.xlsx',
      'too-large',
      'tall.xlsx has more than 100,000 rows in use on sheet Commitments (its used range reaches row 1,048,576), too many for a partner workbook: delete the unused rows below your tables and send it again.',
    );
  });
});

/** The part holding the sheet `name`, by the workbook's relationships (the demo files use the usual places). */
async function sheetPartNamed(zip: JSZip, name: string): Promise<string> {
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const target = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  if (!id || !target) throw new Error(`no sheet ${name}`);
  return `xl/${target.replace(/^\/?xl\//, '')}`;
}

describe('readWorkbook: a valid workbook whose parts are not in the usual folders', () => {
  const DEMO = path.resolve('examples/workbooks/northshire-icb.xlsx');

  /**
   * The demo workbook rewritten as another tool might write it: every part of xl/ moved to `folder`, sheet
   * and table parts renamed, and the package's relationships (and content types) saying where they went.
   */
  async function moved(folder: string): Promise<Buffer> {
    const source = await JSZip.loadAsync(await readFile(DEMO));
    const out = new JSZip();
    const rename = (name: string): string =>
      name
        .replace(/^xl\//, `${folder}/`)
        .replace(/\/worksheets\/(_rels\/)?sheet(\d+)\.xml/, '/sheets/$1data-$2.xml')
        .replace(/\/tables\/table(\d+)\.xml/, '/lists/list-$1.xml');
    for (const file of Object.values(source.files)) {
      if (file.dir) continue;
      let text = await file.async('string');
      // Targets inside xl/ are relative to their part's folder; rewrite them as the renamed folders need.
      text = text
        .replace(/Target="xl\//g, `Target="${folder}/`)
        .replace(/Target="\/xl\//g, `Target="/${folder}/`)
        .replace(/Target="worksheets\/sheet(\d+)\.xml"/g, 'Target="sheets/data-$1.xml"')
        .replace(/Target="\.\.\/tables\/table(\d+)\.xml"/g, 'Target="../lists/list-$1.xml"')
        .replace(/PartName="\/xl\//g, `PartName="/${folder}/`)
        .replace(/PartName="\/([^"]*)\/worksheets\/sheet(\d+)\.xml"/g, 'PartName="/$1/sheets/data-$2.xml"')
        .replace(/PartName="\/([^"]*)\/tables\/table(\d+)\.xml"/g, 'PartName="/$1/lists/list-$2.xml"');
      out.file(rename(file.name), text);
    }
    return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  }

  it('reads a workbook kept in xl2/ with renamed sheet and table parts exactly as the original', async () => {
    const original = await readWorkbook(await readFile(DEMO), { fileName: 'northshire-icb.xlsx' });
    const file = await moved('xl2');
    const names = Object.keys((await JSZip.loadAsync(file)).files);
    expect(names).toContain('xl2/workbook.xml');
    expect(names).toContain('xl2/sheets/data-1.xml');
    expect(names.some((n) => n.startsWith('xl/'))).toBe(false);
    const tables = await readWorkbook(file, { fileName: 'moved.xlsx' });
    expect(Object.keys(tables).sort()).toEqual([
      'About',
      'Commitments',
      'Contacts',
      'Data sharing',
      'Participation',
      'Roles',
    ]);
    expect(tables).toEqual(original);
  });

  it('reads a workbook whose workbook part is where the package says, even in the usual folder under another name', async () => {
    const original = await readWorkbook(await readFile(DEMO), { fileName: 'northshire-icb.xlsx' });
    const zip = await JSZip.loadAsync(await moved('xl'));
    expect(Object.keys(zip.files)).toContain('xl/sheets/data-3.xml');
    expect(await readWorkbook(await zip.generateAsync({ type: 'nodebuffer' }), { fileName: 'renamed.xlsx' })).toEqual(
      original,
    );
  });

  it('says what to do with a workbook whose relationships do not lead to its workbook part', async () => {
    const zip = await JSZip.loadAsync(await moved('xl2'));
    zip.remove('_rels/.rels');
    const lost = await zip.generateAsync({ type: 'nodebuffer' });
    const error = await readWorkbook(lost, { fileName: 'lost.xlsx' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookFileError);
    expect((error as WorkbookFileError).message).toBe(
      'lost.xlsx is an Excel workbook whose parts do not say where its sheets are (its relationships are missing or wrong): open it in Excel, save it again as Excel Workbook (.xlsx) and send that.',
    );
  });
});
