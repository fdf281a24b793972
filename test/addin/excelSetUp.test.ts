/**
 * "Set up this workbook" through the Office.js gateway, against the recording fake of Excel
 * (test/support/fakeExcel.ts): a new workbook gets the five tables of shared/excelSetup.ts; running it again
 * changes nothing; a workbook holding some of the tables, a renamed table or a plain range is repaired in
 * place without losing or reordering a row; an Excel without ExcelApi 1.7/1.8 gets the core and a note.
 */
import { OfficeGateway } from '../../addin/excel/officeGateway.js';
import { SKIPPED_FREEZE, SKIPPED_VALIDATION } from '../../addin/excel/setUp.js';
import { excelSetupFor, LISTS_SHEET, VALIDATED_ROWS } from '../../shared/excelSetup.js';
import { TABLES } from '../../shared/contract.js';
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
      const table = wb.table(def.name)!;
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
    expect(report.created).toHaveLength(5);
    expect(report.skipped).toEqual([SKIPPED_VALIDATION, SKIPPED_FREEZE]);
    expect(excel.workbook.sheet(LISTS_SHEET)).toBeUndefined();
    for (const sheet of excel.workbook.sheets) {
      expect(sheet.frozenRows).toBe(0);
      expect(sheet.entries().some(([, , cell]) => cell.validation)).toBe(false);
    }
    expect(excel.last.suspendedCalculation).toBe(0);
  });
});
