/**
 * Nothing in the spreadsheet appendices is cut at a column's edge in print: a text longer than a line of its
 * column wraps and its row is as tall as its lines, in the Excel and the .ods appendix (LibreOffice, and so a
 * PDF made from either, does not grow a row for wrapped text); a text that fits keeps its row one line high; a
 * sheet too wide to print legibly on one page has its widest text columns narrowed; a matrix of many partners
 * prints over several pages wide with its first column on each, and every table's header row on every page.
 * The organisation "Northshire Shared Information Governance Service" (48 characters in a 36-wide column) was
 * printed as "Northshire Shared Information Governance Se".
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { renderAppendix } from '../../server/export/appendix/render.js';
import type { StoredRegister } from '../../server/store/types.js';
import { linesOf, rowPoints, wraps, LINE_POINTS } from '../../server/export/appendix/sheetLines.js';
import { demoRegister, exportDemo, syntheticStored, type DemoRegister } from './demoRegister.js';

const LONG = 'Northshire Shared Information Governance Service';
const SHORT = 'Northshire Police';
const CONTACTS = 'B Points of contact';

let demo: DemoRegister;
beforeAll(async () => {
  demo = await demoRegister();
}, 60_000);
afterAll(async () => demo?.close());

const exported = (format: 'xlsx' | 'ods') => exportDemo(demo, format);

describe('the line estimate', () => {
  test('a text longer than a line of its column takes more lines; one that fits, one', () => {
    expect(linesOf(LONG, 36, 'xlsx')).toBe(2);
    expect(linesOf(SHORT, 36, 'xlsx')).toBe(1);
    expect(wraps(LONG, 36, 'ods')).toBe(true);
    expect(wraps(SHORT, 36, 'ods')).toBe(false);
    expect(wraps(45_000, 4, 'xlsx')).toBe(false);
    expect(linesOf('one\ntwo\nthree', 36, 'xlsx')).toBe(3);
  });

  test('the .ods font is wider, so the same column holds fewer characters', () => {
    const thirty = 'Head of Information Governance';
    expect(wraps(thirty, 28, 'xlsx')).toBe(false);
    expect(wraps(thirty, 28, 'ods')).toBe(true);
  });

  test('a row is as tall as its tallest cell; one line needs no height; upright names need their length', () => {
    expect(rowPoints([SHORT, 3, 'Monthly'], [36, 10, 12], 'xlsx')).toBeUndefined();
    expect(rowPoints([SHORT, LONG], [36, 36], 'xlsx')).toBe(2 * LINE_POINTS);
    expect(rowPoints(['Activity', LONG], [30, 4], 'xlsx', { upright: (c) => c > 0 })).toBe(298);
  });
});

test('Excel appendix: the long organisation name wraps in a taller row; a short one stays on one line', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exported('xlsx')) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(CONTACTS)!;
  expect(ws).toBeDefined();
  const column = (ws.getRow(1).values as unknown[]).indexOf('Organisation');
  let long: ExcelJS.Row | undefined;
  let short: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    const v = row.getCell(column).value;
    if (v === LONG) long ??= row;
    if (v === SHORT) short ??= row;
  });
  expect(long?.getCell(column).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
  expect(long!.height).toBeGreaterThanOrEqual(2 * LINE_POINTS);
  expect(short).toBeDefined();
  expect(short!.getCell(column).alignment?.wrapText).toBeFalsy();
  // Rows whose every text fits are left one line high (Excel's default height).
  let oneLine = 0;
  ws.eachRow((row, n) => {
    if (n > 1 && row.height === undefined) oneLine++;
  });
  expect(oneLine).toBeGreaterThan(0);
});

test('.ods appendix: the long organisation name wraps in a row with a set height; other rows keep theirs', async () => {
  const zip = await JSZip.loadAsync(await exported('ods'));
  const content = await zip.file('content.xml')!.async('string');
  const heights = new Map(
    [
      ...content.matchAll(
        /style:name="(ro\d+)" style:family="table-row"><style:table-row-properties style:row-height="([\d.]+)pt"/g,
      ),
    ].map((m) => [m[1]!, Number(m[2])]),
  );
  const wrapping = new Set(
    [
      ...content.matchAll(
        /style:name="(ce\d+)" style:family="table-cell"[^>]*><style:table-cell-properties [^>]*fo:wrap-option="wrap"/g,
      ),
    ].map((m) => m[1]!),
  );
  const sheet = new RegExp(`<table:table table:name="${CONTACTS}".*?</table:table>`, 's').exec(content)![0];
  const rows = [...sheet.matchAll(/<table:table-row( table:style-name="(ro\d+)")?>(.*?)<\/table:table-row>/gs)];
  const longRow = rows.find((r) => r[3]!.includes(`<text:p>${LONG}</text:p>`))!;
  expect(longRow).toBeDefined();
  expect(heights.get(longRow[2]!)).toBeGreaterThanOrEqual(2 * LINE_POINTS);
  const longCell = /<table:table-cell table:style-name="(ce\d+)"[^>]*><text:p>Northshire Shared/.exec(longRow[3]!);
  expect(wrapping.has(longCell?.[1] ?? '')).toBe(true);
  const plain = rows.filter((r) => r[1] === undefined);
  expect(plain.length).toBeGreaterThan(0);
});

test('a sheet too wide to print legibly has its widest text columns narrowed (they wrap); others keep their widths', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exported('xlsx')) as unknown as ArrayBuffer);
  const widths = (name: string) => wb.getWorksheet(name)!.columns.map((c) => c.width ?? 0);
  const total = (name: string) => widths(name).reduce((a, b) => a + b, 0);
  // The datasets shared: 16 columns of 374 characters in the contract, printed one page wide.
  expect(total('H Datasets shared')).toBeLessThanOrEqual(270);
  expect(Math.min(...widths('H Datasets shared'))).toBeGreaterThanOrEqual(8);
  const header = wb.getWorksheet('H Datasets shared')!.getRow(1).values as unknown[];
  // Its organisation ID is never narrowed (an identifier reads whole).
  expect(widths('H Datasets shared')[header.indexOf('Organisation ID') - 1]).toBe(28);
  // The points of contact are narrower than the limit: the contract's widths (Organisation 36, Phone 16).
  const contacts = wb.getWorksheet(CONTACTS)!.getRow(1).values as unknown[];
  expect(widths(CONTACTS)[contacts.indexOf('Organisation') - 1]).toBe(36);
  expect(widths(CONTACTS)[contacts.indexOf('Phone') - 1]).toBe(16);
});

test('email addresses never wrap: their column is as wide as the longest, in both appendices', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exported('xlsx')) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(CONTACTS)!;
  const column = (ws.getRow(1).values as unknown[]).indexOf('Email');
  const emails: string[] = [];
  ws.eachRow((row, n) => {
    if (n > 1) emails.push(String(row.getCell(column).value));
  });
  const longest = emails.reduce((a, b) => (b.length > a.length ? b : a), '');
  // "helen.ashworth@northshire.police.uk.example" (43 characters) was broken over two lines in the .ods (42 wide).
  expect(longest.length).toBeGreaterThan(42);
  const width = ws.getColumn(column).width!;
  expect(width).toBeGreaterThan(42);
  for (const font of ['xlsx', 'ods'] as const) expect(wraps(longest, width, font)).toBe(false);
  expect(ws.getRow(emails.indexOf(longest) + 2).getCell(column).alignment?.wrapText).toBeFalsy();
});

describe('a matrix of 200 partners', () => {
  /** A register of 200 partners and 40 activities (the benchmark's generator). */
  const wideRegister = () => syntheticStored(200, 40, 2);
  const render = (format: 'xlsx' | 'ods', stored: StoredRegister) =>
    renderAppendix(format, { stored, signOffs: [], asOf: stored.createdAt }).then((r) => r.bytes);

  test('Excel: the RACI matrix prints several pages wide, its activities on each; the demo fits one page', async () => {
    const wide = new ExcelJS.Workbook();
    await wide.xlsx.load((await render('xlsx', wideRegister())) as unknown as ArrayBuffer);
    const matrix = wide.getWorksheet('C RACI matrix')!;
    // 200 organisation columns fitted to one page printed at a tenth of their size, unreadable.
    expect(matrix.pageSetup.fitToWidth).toBeGreaterThanOrEqual(4);
    expect(matrix.pageSetup.printTitlesColumn).toBe('A:A');
    expect(matrix.pageSetup.printTitlesRow).toBe('1:1');
    expect(wide.getWorksheet('D Commitments')!.pageSetup.fitToWidth).toBe(1);
    const demoBook = new ExcelJS.Workbook();
    await demoBook.xlsx.load((await exported('xlsx')) as unknown as ArrayBuffer);
    for (const name of ['C RACI matrix', 'H Data flows']) {
      expect(demoBook.getWorksheet(name)!.pageSetup.fitToWidth).toBe(1);
      expect(demoBook.getWorksheet(name)!.pageSetup.printTitlesColumn).toBeFalsy();
    }
  });

  test('.ods: the same, through its own page style, and every table repeats its header row', async () => {
    const zip = await JSZip.loadAsync(await render('ods', wideRegister()));
    const content = await zip.file('content.xml')!.async('string');
    const styles = await zip.file('styles.xml')!.async('string');
    const sheet = (name: string) => new RegExp(`<table:table table:name="${name}"[^>]*>`).exec(content)![0];
    const wideStyle = /table:style-name="taWide(\d+)"/.exec(sheet('C RACI matrix'))!;
    const pages = Number(wideStyle[1]);
    expect(pages).toBeGreaterThanOrEqual(4);
    // Its page style fits it to that many pages and keeps numbering the pages on from the sheets before it.
    expect(styles).toMatch(
      new RegExp(`<style:master-page style:name="Wide${pages}" style:page-layout-name="pm${pages}">`),
    );
    expect(styles).toMatch(
      new RegExp(
        `<style:page-layout style:name="pm${pages}"><style:page-layout-properties [^>]*style:scale-to-X="${pages}" style:first-page-number="continue"`,
      ),
    );
    const matrix = /<table:table table:name="C RACI matrix".*?<\/table:table>/s.exec(content)![0];
    expect(matrix).toMatch(
      /^<table:table [^>]*><table:table-header-columns><table:table-column [^>]*\/><\/table:table-header-columns>/,
    );
    expect(matrix).toContain('<table:table-header-rows><table:table-row');
    expect(sheet('D Commitments')).toContain('table:style-name="ta1"');
    const commitments = /<table:table table:name="D Commitments".*?<\/table:table>/s.exec(content)![0];
    expect(commitments).toContain('<table:table-header-rows><table:table-row');
    expect(commitments).not.toContain('table-header-columns');
  });
});
