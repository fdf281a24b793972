/**
 * Reading and writing the tables through the Office.js gateway, against the recording fake of Excel: the
 * same small number of syncs for 10 and for 10,000 rows, every request under Excel on the web's 5 MB limit
 * (a large write split into several), and tables read back parse to the same issues as the same rows read
 * from an .xlsx file by the service's ExcelJS reader.
 */
import { OfficeGateway } from '../../addin/excel/officeGateway.js';
import { excelSetupFor } from '../../shared/excelSetup.js';
import { COMMITMENTS, listObjectName, TABLES } from '../../shared/contract.js';
import { parseWorkbook } from '../../shared/parse.js';
import type { RawTables } from '../../shared/types.js';
import { readWorkbook } from '../../server/import/readWorkbook.js';
import { FakeExcel, REQUEST_LIMIT_BYTES, RESPONSE_LIMIT_BYTES } from '../support/fakeExcel.js';
import { rowReadBytes } from '../../addin/excel/readSize.js';
import { RESPONSE_BUDGET_BYTES } from '../../addin/excel/requestSize.js';
import { LEEDS, testCatalogue } from '../helpers/catalogue.js';
import { excelSerial, goodRawTables, setCell, xlsxOf, withDataSharing } from '../helpers/rawTables.js';

const catalogue = testCatalogue();

async function setUpExcel(): Promise<{ excel: FakeExcel; gateway: OfficeGateway }> {
  const excel = new FakeExcel();
  const gateway = new OfficeGateway(excel);
  await gateway.setUp(excelSetupFor(catalogue, LEEDS));
  return { excel, gateway };
}

function commitments(count: number, description = (i: number) => `Analyst support ${i}`): unknown[][] {
  return Array.from({ length: count }, (_, i) => [
    `R${i}`,
    'Analyst time',
    description(i),
    0.5,
    'FTE',
    '2025-04-01',
    null,
    i % 2 ? 'Youth violence' : null,
    'Agreed',
    null,
  ]);
}

describe('writeTables and readTables', () => {
  it('take the same few syncs for 10 and 1,000 rows, a few more to read 10,000, each request and response under 5 MB', async () => {
    const measure = async (count: number) => {
      const { excel, gateway } = await setUpExcel();
      await gateway.writeTables({ Commitments: commitments(count) });
      const write = excel.last;
      const tables = await gateway.readTables();
      const read = excel.last;
      expect(tables.Commitments!.values).toHaveLength(count + 1);
      expect(tables.Commitments!.values[count]![2]).toBe(`Analyst support ${count - 1}`);
      for (const bytes of [...write.requests, ...read.requests]) expect(bytes).toBeLessThan(REQUEST_LIMIT_BYTES);
      for (const bytes of read.responses) expect(bytes).toBeLessThan(RESPONSE_LIMIT_BYTES);
      return { write: write.syncs, read: read.syncs };
    };
    const small = await measure(10);
    expect(small).toEqual({ write: 3, read: 3 });
    expect(await measure(1_000)).toEqual(small);
    // 10,000 rows could hold 500-character descriptions: the read is split by what the contract allows.
    const large = await measure(10_000);
    const perRequest = Math.floor(
      RESPONSE_BUDGET_BYTES /
        rowReadBytes(
          COMMITMENTS,
          COMMITMENTS.columns.map((c) => c.header),
        ),
    );
    expect(large).toEqual({ write: 3, read: 2 + Math.ceil(10_001 / perRequest) });
  });

  it('splits a write larger than 5 MB into several requests, each under the limit, and loses no row', async () => {
    const { excel, gateway } = await setUpExcel();
    const long = (i: number) => `${i} `.padEnd(500, 'x');
    await gateway.writeTables({ Commitments: commitments(12_000, long) });
    const { requests } = excel.last;
    expect(requests.reduce((a, b) => a + b, 0)).toBeGreaterThan(REQUEST_LIMIT_BYTES);
    expect(requests.length).toBeGreaterThan(3);
    for (const bytes of requests) expect(bytes).toBeLessThan(REQUEST_LIMIT_BYTES);
    const body = excel.workbook.table('Commitments')!.body();
    expect(body).toHaveLength(12_000);
    expect(body[11_999]![2]).toBe(long(11_999));
  });

  it('replaces the rows (growing and shrinking the table), keeps text as text and dates as dates', async () => {
    const { excel, gateway } = await setUpExcel();
    await gateway.writeTables({ Commitments: commitments(5) });
    await gateway.writeTables({
      Commitments: [
        ['007', 'Funding', '=1+1', 1000, 'GBP', '2025-04-01', new Date('2026-03-31T00:00:00Z'), '1/2', 'Agreed', null],
      ],
    });
    const table = excel.workbook.table('Commitments')!;
    expect(table.body()).toEqual([
      [
        '007',
        'Funding',
        '=1+1',
        1000,
        'GBP',
        excelSerial('2025-04-01'),
        excelSerial('2026-03-31'),
        '1/2',
        'Agreed',
        '',
      ],
    ]);
    expect(table.sheet.peek(2, 6)?.numberFormat).toBe('yyyy-mm-dd');
    await gateway.writeTables({ Commitments: [] });
    expect(table.body()).toEqual([Array.from({ length: 10 }, () => '')]);
  });

  it('refuses to write into a workbook without the table, changing nothing', async () => {
    const excel = new FakeExcel();
    excel.workbook.put('Notes', 'A1', [['keep me']]);
    const before = excel.workbook.snapshot();
    await expect(new OfficeGateway(excel).writeTables({ Roles: [['Data sharing', 'R', null, null]] })).rejects.toThrow(
      /This workbook has no Roles table.*Nothing was changed/,
    );
    expect(excel.workbook.snapshot()).toEqual(before);
  });

  it('reads tables that parse to the same issues as the same rows read from an .xlsx file', async () => {
    let raw: RawTables = goodRawTables(catalogue, LEEDS);
    raw = setCell(raw, 'Contacts', 1, 'Email', 'not-an-email');
    raw = setCell(raw, 'Commitments', 2, 'Unit', 'Parsecs');
    raw = setCell(raw, 'Commitments', 1, 'Quantity', -2);
    raw = setCell(raw, 'Commitments', 2, 'Start', '31/02/2025');
    raw = setCell(raw, 'Roles', 1, 'Activity', 'Juggling');
    // Data sharing (contract 1.1): its table is named DataSharing in Excel, on the sheet "Data sharing".
    raw = withDataSharing(raw, [{ Recipients: 'Cake Co' }, { 'Personal data': 'Criminal offence', Condition: null }]);

    // In Excel, as Excel holds them: each table at A1 of its sheet, dates as serial numbers.
    const excel = new FakeExcel();
    for (const def of TABLES) {
      const values = raw[def.name]!.values.map((row) =>
        row.map((v) =>
          v instanceof Date ? excelSerial(v.toISOString().slice(0, 10)) : typeof v === 'string' ? `'${v}` : v,
        ),
      );
      excel.workbook.put(def.name, 'A1', values);
      excel.workbook.addTable(
        def.name,
        `A1:${String.fromCharCode(64 + values[0]!.length)}${values.length}`,
        listObjectName(def.name),
      );
    }
    const viaOffice = parseWorkbook(await new OfficeGateway(excel).readTables(), catalogue).issues;
    const viaFile = parseWorkbook(await readWorkbook(await xlsxOf(raw)), catalogue).issues;
    expect(viaOffice.length).toBeGreaterThanOrEqual(7);
    expect(viaOffice.filter((i) => i.sheet === 'Data sharing').map((i) => [i.code, i.cell])).toEqual([
      ['data-sharing/unknown-recipient', 'C2'],
      ['data-sharing/condition-required', 'G3'],
    ]);
    expect(viaOffice).toEqual(viaFile);
  });
});

describe('About through the gateway', () => {
  it('writes [Field, Value] pairs with the signed-on date as a date, and reads them back as the parser wants', async () => {
    const { excel, gateway } = await setUpExcel();
    const about = goodRawTables(catalogue, LEEDS).About!.values.slice(1);
    await gateway.writeTables({
      About: about.map(([field, value]) => [field, value instanceof Date ? value.toISOString().slice(0, 10) : value]),
    });
    const table = excel.workbook.table('About')!;
    const signedOn = table.body().findIndex((r) => r[0] === 'MoU signed on');
    expect(table.body()[signedOn]![1]).toBe(excelSerial(catalogue.partnership.mouStart));
    expect(table.sheet.peek(2 + signedOn, 2)?.numberFormat).toBe('yyyy-mm-dd');
    const parsed = parseWorkbook(await gateway.readTables(), catalogue);
    expect(parsed.issues.filter((i) => i.sheet === 'About')).toEqual([]);
  });
});

describe('the fake holds the gateway to the rules of Office.js', () => {
  it('refuses to read a property that was not loaded and synced, and a request over 5 MB', async () => {
    const excel = new FakeExcel();
    excel.workbook.put('Notes', 'A1', [['x']]);
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Notes').getRange('A1');
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      range.load('values');
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(range.values).toEqual([['x']]);
      expect(() => range.address).toThrow(/PropertyNotLoaded/);
      const sheet = context.workbook.worksheets.getItemOrNullObject('Missing');
      expect(() => sheet.isNullObject).toThrow(/PropertyNotLoaded/);
      sheet.load('name');
      await context.sync();
      expect(sheet.isNullObject).toBe(true);

      const big = context.workbook.worksheets.getItem('Notes').getRange('A1:A6');
      big.values = Array.from({ length: 6 }, () => ['x'.repeat(1024 * 1024)]);
      await expect(context.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    });
    expect(excel.last.syncs).toBe(3);
    expect(excel.workbook.sheet('Notes')!.value(2, 1)).toBe('');
  });
});
