/**
 * verify accepts every fresh export of the demo register and rejects each file edited in one cell, saying
 * where; a file naming a register that does not exist is unknown; anything else is not an appendix.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { APPENDIX_FORMATS } from '../../server/export/appendix/formats.js';
import { verifyAppendix, type RegisterLookup } from '../../server/export/appendix/verify/index.js';
import { demoRegister, exportDemo, type DemoRegister } from './demoRegister.js';

let demo: DemoRegister;
let lookup: RegisterLookup;

beforeAll(async () => {
  demo = await demoRegister();
  lookup = async (version) =>
    version === demo.stored.version ? { stored: demo.stored, signOffs: demo.signOffs } : null;
}, 60_000);
afterAll(async () => demo?.close());

const exported = (format: (typeof APPENDIX_FORMATS)[number]) => exportDemo(demo, format);

test.each(APPENDIX_FORMATS)('a fresh %s export is a true copy', async (format) => {
  const result = await verifyAppendix(await exported(format), lookup);
  expect(result).toMatchObject({ verdict: 'true-copy', format, version: 1, digest: demo.stored.digest });
  expect(result.message).toBe(
    `True copy of register version 1 (${demo.stored.digest.slice(0, 19)}...) of the Northshire Office of Data Analytics.`,
  );
});

test('a sign-off recorded after the export does not make the file an edited copy', async () => {
  const bytes = await exported('xlsx');
  const later = [
    ...demo.signOffs,
    { ...demo.signOffs[0]!, organisationId: 'northshire-police', signedAt: '2031-01-01T00:00:00.000Z' },
  ];
  const result = await verifyAppendix(bytes, async () => ({ stored: demo.stored, signOffs: later }));
  expect(result.verdict).toBe('true-copy');
});

async function rezip(bytes: Uint8Array, name: string, edit: (text: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const text = await zip.file(name)!.async('string');
  const changed = edit(text);
  expect(changed).not.toBe(text);
  zip.file(name, changed);
  return zip.generateAsync({ type: 'nodebuffer' });
}

test('a Word file with one cell changed is edited, and verify names the appendix, row and field', async () => {
  const bytes = await rezip(await exported('docx'), 'word/document.xml', (xml) =>
    xml.replace('>Claire Donnelly, Chief Executive<', '>Claire Donnelly, Deputy Chief Executive<'),
  );
  const result = await verifyAppendix(bytes, lookup);
  expect(result.verdict).toBe('edited');
  expect(result.differences).toEqual([
    {
      where: 'Appendix A Partner organisations',
      row: 4,
      key: 'row Northshire County Council',
      field: 'MoU signatory',
      found: 'Claire Donnelly, Deputy Chief Executive',
      expected: 'Claire Donnelly, Chief Executive',
    },
  ]);
  expect(result.message).toContain(
    'Appendix A Partner organisations, row Northshire County Council, MoU signatory: the file says "Claire Donnelly, Deputy Chief Executive", the register says "Claire Donnelly, Chief Executive".',
  );
});

test('an Excel file with one cell changed (and saved by ExcelJS) is edited, naming sheet, row and column', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exported('xlsx')) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('D Commitments')!;
  const header = ws.getRow(1).values as unknown[];
  const quantity = ws.getRow(3).getCell(header.indexOf('Quantity'));
  const was = quantity.value as number;
  quantity.value = was + 1;
  const result = await verifyAppendix(Buffer.from(await wb.xlsx.writeBuffer()), lookup);
  expect(result.verdict).toBe('edited');
  expect(result.differences).toEqual([
    {
      where: 'sheet "D Commitments"',
      row: 3,
      key: expect.stringMatching(/^row /),
      field: 'Quantity',
      found: String(was + 1),
      expected: String(was),
    },
  ]);
});

test('an Excel file with a formula put into a cell is edited', async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exported('xlsx')) as unknown as ArrayBuffer);
  wb.getWorksheet('D Totals')!.getRow(2).getCell(3).value = { formula: '1+1', result: 2 };
  const result = await verifyAppendix(Buffer.from(await wb.xlsx.writeBuffer()), lookup);
  expect(result.verdict).toBe('edited');
  expect(result.differences[0]!.found).toMatch(/^=1\+1 \(a formula/);
});

test('a CSV zip with one field changed is edited, naming the file, row and column', async () => {
  const bytes = await rezip(await exported('csv'), 'E-participation.csv', (csv) => csv.replace('Quarterly', 'Monthly'));
  const result = await verifyAppendix(bytes, lookup);
  expect(result.verdict).toBe('edited');
  expect(result.differences).toHaveLength(1);
  expect(result.differences[0]).toMatchObject({
    where: 'E-participation.csv',
    field: 'Frequency',
    found: 'Monthly',
    expected: 'Quarterly',
  });
});

test('a JSON register with one field changed is edited: its content no longer hashes to its digest', async () => {
  const register = JSON.parse((await exported('json')).toString('utf8'));
  register.commitments[0].quantity += 1;
  const result = await verifyAppendix(Buffer.from(JSON.stringify(register)), lookup);
  expect(result.verdict).toBe('edited');
  expect(result.differences[0]).toMatchObject({ field: 'commitments[0].quantity' });
  expect(result.message).toMatch(/^Edited: this file names register version 1/);
});

test('a file naming a register version or digest that does not exist here is unknown', async () => {
  const bytes = await rezip(await exported('csv'), 'README.txt', (text) =>
    text.replace(/ODA register digest: sha256:[0-9a-f]{4}/, 'ODA register digest: sha256:0000'),
  );
  const result = await verifyAppendix(bytes, lookup);
  expect(result.verdict).toBe('unknown-register');
  expect(result.message).toMatch(/^No register version 1 with digest sha256:0000/);
  const other = await verifyAppendix(await exported('docx'), async () => null);
  expect(other).toMatchObject({ verdict: 'unknown-register', version: 1 });
});

test('a file that is not an appendix says so', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sheet1').getCell('A1').value = 'hello';
  for (const bytes of [
    Buffer.from(await wb.xlsx.writeBuffer()),
    Buffer.from('just some text'),
    Buffer.from('{"a":1}'),
    Buffer.alloc(0),
  ]) {
    const result = await verifyAppendix(bytes, lookup);
    expect(result.verdict).toBe('not-an-appendix');
    expect(result.message).toMatch(/^Not a register appendix: /);
  }
});
