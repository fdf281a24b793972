/**
 * "Set up this workbook" through the Office.js gateway, against the recording fake of Excel
 * (test/support/fakeExcel.ts): a new workbook gets the five tables of shared/excelSetup.ts; running it again
 * changes nothing; a workbook holding some of the tables, a renamed table or a plain range is repaired in
 * place without losing or reordering a row; an Excel without ExcelApi 1.7/1.8 gets the core and a note.
 */
import { OfficeGateway } from '../../addin/excel/officeGateway.js';
import { SKIPPED_FREEZE, SKIPPED_VALIDATION } from '../../addin/excel/setUp.js';
import { excelSetupFor, LISTS_SHEET, VALIDATED_ROWS } from '../../shared/excelSetup.js';
import { listObjectName, TABLES } from '../../shared/contract.js';
import { parseWorkbook } from '../../shared/parse.js';
import { FakeExcel } from '../support/fakeExcel.js';
import { LEEDS, testCatalogue } from '../helpers/catalogue.js';

const catalogue = testCatalogue();
const setup = excelSetupFor(catalogue, LEEDS);

function gatewayOver(excel: FakeExcel): OfficeGateway {
  return new OfficeGateway(excel);
}

describe('set-up of a new workbook', () => {
  it('creates the five tables with headers, About pre-filled, formats, dropdowns, prompts and frozen headers', async () => {
    const excel = new FakeExcel();
    const report = await gatewayOver(excel).setUp(setup);
    expect(report).toEqual({ created: TABLES.map((t) => t.name), repaired: [], addedColumns: [], skipped: [] });

    const wb = excel.workbook;
    for (const def of TABLES) {
      const table = wb.table(listObjectName(def.name))!;
      expect(table.sheet.name).toBe(def.name);
      expect(table.rect.top).toBe(1);
      expect(table.headers()).toEqual(def.columns.map((c) => c.header));
      expect(table.sheet.frozenRows).toBe(1);
      expect(table.style).toBe('TableStyleMedium2');
    }
    const about = wb.table('About')!;
    expect(about.body().slice(0, 2)).toEqual([
      ['Organisation ID', LEEDS],
      ['Organisation name', catalogue.organisations.find((o) => o.id === LEEDS)!.name],
    ]);
    // About's Value cells carry their field's rule and format on their own row.
    const aboutSheet = wb.sheet('About')!;
    const fieldRow = (field: string) => about.body().findIndex((r) => r[0] === field) + 2;
    expect(aboutSheet.peek(fieldRow('Sector'), 2)?.validation).toMatchObject({
      rule: { list: { source: expect.stringContaining('Police') } },
      prompt: { title: 'Sector' },
    });
    expect(aboutSheet.peek(fieldRow('MoU signed on'), 2)?.numberFormat).toBe('yyyy-mm-dd');
    // Commitments: Start is a date column for VALIDATED_ROWS rows; Unit a dropdown; Quantity a number check.
    const commitments = wb.sheet('Commitments')!;
    const col = (header: string) => TABLES[2]!.columns.findIndex((c) => c.header === header) + 1;
    expect(commitments.peek(2, col('Start'))?.numberFormat).toBe('yyyy-mm-dd');
    expect(commitments.peek(VALIDATED_ROWS + 1, col('Start'))?.numberFormat).toBe('yyyy-mm-dd');
    expect(commitments.peek(2, col('Unit'))?.validation).toMatchObject({
      rule: { list: { inCellDropDown: true, source: expect.stringContaining('FTE') } },
      errorAlert: { showAlert: true, style: 'Stop' },
      prompt: { showPrompt: true, title: 'Unit' },
    });
    expect(commitments.peek(2, col('Quantity'))?.validation).toMatchObject({
      rule: { decimal: { formula1: 0, operator: 'GreaterThan' } },
    });
    expect(commitments.peek(1, col('Unit'))?.validation).toMatchObject({ prompt: { title: 'Unit' } });
    expect(commitments.widths.get(col('Description'))).toBeGreaterThan(commitments.widths.get(col('Ref'))!);
    // The lists too long to go inline are on the hidden Lists sheet, where the rules point.
    if (setup.lists.length > 0) {
      const lists = wb.sheet(LISTS_SHEET)!;
      expect(lists.visibility).toBe('Hidden');
      for (const list of setup.lists) {
        expect(lists.value(1, list.column)).toBe(list.name);
        expect(lists.value(2, list.column)).toBe(list.labels[0]);
      }
    }
    // What the pane reads back parses: only the empty tables' missing rows are reported, nothing structural.
    const issues = parseWorkbook(await gatewayOver(excel).readTables(), catalogue).issues;
    expect(issues.filter((i) => i.code.startsWith('table/'))).toEqual([]);
  });

  it('is idempotent: a second run leaves the workbook exactly as the first left it', async () => {
    const excel = new FakeExcel();
    await gatewayOver(excel).setUp(setup);
    const first = excel.workbook.snapshot();
    const report = await gatewayOver(excel).setUp(setup);
    expect(excel.workbook.snapshot()).toEqual(first);
    expect(report.created).toEqual([]);
    expect(report.addedColumns).toEqual([]);
  });

  it('on an Excel without ExcelApi 1.7 and 1.8 sets up the tables and says what it skipped', async () => {
    const excel = new FakeExcel(undefined, '1.4');
    const report = await gatewayOver(excel).setUp(setup);
    expect(report.created).toHaveLength(TABLES.length);
    expect(report.skipped).toEqual([SKIPPED_VALIDATION, SKIPPED_FREEZE]);
    expect(excel.workbook.sheet(LISTS_SHEET)).toBeUndefined();
    for (const sheet of excel.workbook.sheets) {
      expect(sheet.frozenRows).toBe(0);
      expect(sheet.entries().some(([, , cell]) => cell.validation)).toBe(false);
    }
    expect(excel.last.suspendedCalculation).toBe(0);
  });
});

describe('set-up repairs a workbook in place', () => {
  it('keeps every row of a renamed table, a plain range under a title and a partial About, and adds what is missing', async () => {
    const excel = new FakeExcel();
    const wb = excel.workbook;
    // About as a table with one field and a user's own extra row.
    wb.put('About', 'A1', [
      ['Field', 'Value'],
      ['Organisation ID', LEEDS],
      ['Note to self', 'check tier'],
    ]);
    wb.addTable('About', 'A1:B3', 'About');
    // Contacts as a table under another name, with the Phone column missing and columns reordered.
    wb.put('People', 'B2', [
      ['Email', 'Name', 'Contact role', 'Primary', 'Job title'],
      ['pat@leeds.example', 'Pat Point', 'Point of contact', 'Yes', 'Head'],
      ['sam@leeds.example', 'Sam Signer', 'MoU signatory', '', 'Director'],
    ]);
    wb.addTable('People', 'B2:F4', 'Table7');
    // Commitments as a plain range under a title, without Notes.
    const headers = TABLES[2]!.columns.map((c) => c.header).filter((h) => h !== 'Notes');
    wb.put('Commitments', 'A1', [['Our commitments for 2025'], [], headers]);
    const rows = [
      ['A1', 'Analyst time', 'Analyst', 0.5, 'FTE', 45748, '', '', 'Agreed'],
      ['A2', 'Funding', 'Money', 25000, 'GBP per year', 45748, '', '', 'Proposed'],
    ];
    wb.put('Commitments', 'A4', rows);

    const report = await gatewayOver(excel).setUp(setup);
    // A contract 1 workbook gains the Data sharing table; the tables it has keep their rows.
    expect(report.created).toEqual(['Roles', 'Participation', 'Data sharing']);
    expect(report.repaired).toEqual(['About', 'Contacts', 'Commitments']);
    expect(report.addedColumns).toEqual(['Contacts.Phone', 'Commitments.Notes']);

    // Contacts: renamed, left where it was, rows and order kept, Phone added at the right.
    const contacts = wb.table('Contacts')!;
    expect(wb.table('Table7')).toBeUndefined();
    expect(contacts.sheet.name).toBe('People');
    expect(contacts.rect).toEqual({ top: 2, left: 2, bottom: 4, right: 7 });
    expect(contacts.headers()).toEqual(['Email', 'Name', 'Contact role', 'Primary', 'Job title', 'Phone']);
    expect(contacts.body()).toEqual([
      ['pat@leeds.example', 'Pat Point', 'Point of contact', 'Yes', 'Head', ''],
      ['sam@leeds.example', 'Sam Signer', 'MoU signatory', '', 'Director', ''],
    ]);
    // Commitments: the range became a table from its header row; the title stays above it.
    const commitments = wb.table('Commitments')!;
    expect(commitments.rect).toEqual({ top: 3, left: 1, bottom: 5, right: 10 });
    expect(commitments.body()).toEqual(rows.map((r) => [...r, '']));
    expect(wb.sheet('Commitments')!.value(1, 1)).toBe('Our commitments for 2025');
    expect(wb.sheet('Commitments')!.frozenRows).toBe(3);
    // About: the user's rows stay first and in order; the missing fields are added below them.
    const about = wb.table('About')!.body();
    expect(about.slice(0, 2)).toEqual([
      ['Organisation ID', LEEDS],
      ['Note to self', 'check tier'],
    ]);
    expect(about.slice(2).map((r) => r[0])).toEqual(setup.tables[0]!.fields!.slice(1).map((f) => f.field));

    // Set up again: nothing more changes.
    const first = wb.snapshot();
    const again = await gatewayOver(excel).setUp(setup);
    expect(again.addedColumns).toEqual([]);
    expect(wb.snapshot()).toEqual(first);
  });

  it('stops before changing anything when a sheet of a table name holds something else', async () => {
    const excel = new FakeExcel();
    excel.workbook.put('Roles', 'A1', [['Budget'], [1200]]);
    const before = excel.workbook.snapshot();
    await expect(gatewayOver(excel).setUp(setup)).rejects.toThrow(
      /The sheet "Roles" holds other things \(A1:A2\) and none of the Roles headers .* Nothing was changed/,
    );
    expect(excel.workbook.snapshot()).toEqual(before);
  });

  it('uses a fixed number of requests to set up a workbook of 10 or of 5,000 commitments', async () => {
    const syncsFor = async (count: number) => {
      const excel = new FakeExcel();
      const headers = TABLES[2]!.columns.map((c) => c.header);
      excel.workbook.put('Commitments', 'A1', [
        headers,
        ...Array.from({ length: count }, (_, i) => [
          `R${i}`,
          'Data',
          `Row ${i}`,
          1,
          'Datasets',
          45748,
          '',
          '',
          'Agreed',
          '',
        ]),
      ]);
      excel.workbook.addTable('Commitments', `A1:J${count + 1}`, 'Commitments');
      await gatewayOver(excel).setUp(setup);
      expect(excel.workbook.table('Commitments')!.body()).toHaveLength(count);
      for (const bytes of excel.last.requests) expect(bytes).toBeLessThan(5 * 1024 * 1024);
      return excel.last.syncs;
    };
    expect(await syncsFor(5000)).toBe(await syncsFor(10));
  });
});

describe('errors from Excel', () => {
  it('name the action and what Excel said, e.g. a header row running into another table', async () => {
    const excel = new FakeExcel();
    excel.workbook.put('Roles', 'A1', [
      ['Budget', 'Amount', '', 'Activity', 'Role'],
      ['Travel', 100, '', 'Data sharing', 'R'],
    ]);
    excel.workbook.addTable('Roles', 'A1:B2', 'Budget');
    await expect(gatewayOver(excel).setUp(setup)).rejects.toThrow(
      'Excel could not set up the workbook: a table cannot overlap another table (InvalidOperation).',
    );
  });
});
