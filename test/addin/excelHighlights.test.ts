/**
 * Issue highlights, register sheets and the simple calls of the Office.js gateway. Highlights and register
 * sheets run against the recording fake of Excel; selecting a cell and the workbook settings are plain
 * chains of calls that office-addin-mock expresses.
 */
import { jest } from '@jest/globals';
import { HIGHLIGHT_COLOURS } from '../../addin/excel/highlights.js';
import { OfficeGateway } from '../../addin/excel/officeGateway.js';
import { makeIssue } from '../../shared/issues.js';
import { FakeExcel } from '../support/fakeExcel.js';

// office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose package entry point cannot
// load under jest on Node 20 (it requires an ESM-only package): give it that module alone.
jest.mock('office-addin-manifest', () => jest.requireActual('office-addin-manifest/lib/officeApp.js'));
const { OfficeMockObject } = await import('office-addin-mock');

const USER_FILL = '#DDEBF7';

function workbookWithFills(): FakeExcel {
  const excel = new FakeExcel();
  excel.workbook.put('Contacts', 'A1', [
    ['Name', 'Email'],
    ['Pat', 'bad'],
    ['Sam', 'also bad'],
  ]);
  excel.workbook.sheet('Contacts')!.cell(2, 2).fill = USER_FILL;
  return excel;
}

const fill = (excel: FakeExcel, row: number, column: number) =>
  excel.workbook.sheet('Contacts')!.peek(row, column)?.fill ?? null;

describe('highlights', () => {
  it('colours each issue cell (an error over a warning) and clears back to the user’s own fills', async () => {
    const excel = workbookWithFills();
    const gateway = new OfficeGateway(excel);
    await gateway.highlightIssues([
      makeIssue('cell/format', 'Email is not valid', { sheet: 'Contacts', row: 2, cell: 'B2' }),
      makeIssue('about/differs-from-catalogue', 'A warning', { sheet: 'Contacts', row: 3, cell: 'B3' }),
      makeIssue('cell/format', 'Again', { sheet: 'contacts', row: 3, cell: 'b3' }),
      makeIssue('table/missing', 'No Roles table'),
      makeIssue('cell/required', 'On a sheet that is gone', { sheet: 'Roles', row: 2, cell: 'A2' }),
    ]);
    expect(fill(excel, 2, 2)).toBe(HIGHLIGHT_COLOURS.error);
    expect(fill(excel, 3, 2)).toBe(HIGHLIGHT_COLOURS.error);
    const syncs = excel.last.syncs;
    expect(syncs).toBe(3);

    await gateway.clearHighlights();
    expect(fill(excel, 2, 2)).toBe(USER_FILL);
    expect(fill(excel, 3, 2)).toBeNull();
    expect(excel.workbook.settings.size).toBe(0);
  });

  it('keeps a fill the user gave a highlighted cell since, and restores cells no longer in the issues', async () => {
    const excel = workbookWithFills();
    const gateway = new OfficeGateway(excel);
    await gateway.highlightIssues([
      makeIssue('cell/format', 'Email', { sheet: 'Contacts', cell: 'B2' }),
      makeIssue('cell/format', 'Email', { sheet: 'Contacts', cell: 'B3' }),
    ]);
    excel.workbook.sheet('Contacts')!.cell(3, 2).fill = '#00FF00'; // the user recolours B3
    // The next check finds only A2: B2 goes back to the user's fill, B3 keeps the user's new colour.
    await gateway.highlightIssues([makeIssue('cell/required', 'Name', { sheet: 'Contacts', cell: 'A2' })]);
    expect(fill(excel, 2, 2)).toBe(USER_FILL);
    expect(fill(excel, 3, 2)).toBe('#00FF00');
    expect(fill(excel, 2, 1)).toBe(HIGHLIGHT_COLOURS.error);
    // Highlighting A2 again remembers its true previous fill (none), not our colour.
    await gateway.highlightIssues([makeIssue('cell/required', 'Name', { sheet: 'Contacts', cell: 'A2' })]);
    await gateway.clearHighlights();
    expect(fill(excel, 2, 1)).toBeNull();
  });

  it('reads the cells of 10 and of 2,000 issues in the same number of requests', async () => {
    const syncsFor = async (count: number) => {
      const excel = new FakeExcel();
      excel.workbook.put('Commitments', 'A1', [['Ref']]);
      const issues = Array.from({ length: count }, (_, i) =>
        makeIssue('cell/required', 'Ref', { sheet: 'Commitments', cell: `A${i + 2}` }),
      );
      await new OfficeGateway(excel).highlightIssues(issues);
      for (const bytes of excel.last.requests) expect(bytes).toBeLessThan(5 * 1024 * 1024);
      return excel.last.syncs;
    };
    expect(await syncsFor(2000)).toBe(await syncsFor(10));
  });
});

describe('register sheets', () => {
  it('replaces a sheet of the same name, with the R/A/C/I fills painted in runs', async () => {
    const excel = new FakeExcel();
    excel.workbook.put('Role matrix', 'A1', [['old']]);
    await new OfficeGateway(excel).writeRegisterSheets([
      {
        name: 'Role matrix',
        header: ['Activity', 'Leeds', 'Police'],
        rows: [
          ['Data sharing', 'A', 'R'],
          ['Training', 'A', null],
        ],
        widths: [30, 10, 10],
        fills: { A: '#F4B183', R: '#A9D08E' },
      },
    ]);
    const sheets = excel.workbook.sheets.map((s) => s.name);
    expect(sheets).toEqual(['Role matrix']);
    const sheet = excel.workbook.sheet('Role matrix')!;
    expect(sheet.values({ top: 1, left: 1, bottom: 3, right: 3 })).toEqual([
      ['Activity', 'Leeds', 'Police'],
      ['Data sharing', 'A', 'R'],
      ['Training', 'A', ''],
    ]);
    expect([sheet.peek(2, 2)?.fill, sheet.peek(3, 2)?.fill, sheet.peek(2, 3)?.fill, sheet.peek(3, 3)?.fill]).toEqual([
      '#F4B183',
      '#F4B183',
      '#A9D08E',
      undefined,
    ]);
    expect(sheet.frozenRows).toBe(1);
    expect(excel.workbook.active).toBe('Role matrix');
  });

  it('writes partners’ text as text, never as a formula, and ISO dates in a date column as dates', async () => {
    const excel = new FakeExcel();
    await new OfficeGateway(excel).writeRegisterSheets([
      {
        name: 'Commitments',
        header: ['Description', 'Start', 'Quantity'],
        rows: [['=HYPERLINK("http://x.example","click")', '2025-04-01', 0.5]],
        numberFormats: [null, 'yyyy-mm-dd', '0.00'],
      },
    ]);
    const sheet = excel.workbook.sheet('Commitments')!;
    expect(sheet.values({ top: 2, left: 1, bottom: 2, right: 3 })).toEqual([
      ['=HYPERLINK("http://x.example","click")', 45748, 0.5],
    ]);
    expect(sheet.peek(2, 2)?.numberFormat).toBe('yyyy-mm-dd');
  });

  it('refuses a sheet name Excel would not accept before changing anything', async () => {
    const excel = new FakeExcel();
    await expect(
      new OfficeGateway(excel).writeRegisterSheets([{ name: 'Roles: 2025/26', header: ['A'], rows: [] }]),
    ).rejects.toThrow(/"Roles: 2025\/26" is not a sheet name Excel accepts/);
    expect(excel.workbook.sheets).toEqual([]);
  });
});

describe('simple calls, with office-addin-mock', () => {
  /**
   * A context over `data`. office-addin-mock manages only the properties it was given, and needs
   * `isNullObject` loaded by name, which Office.js does not: the tests set it on the mock afterwards.
   */
  function mockHost(data: Record<string, unknown>, version = '1.8') {
    const context = new OfficeMockObject(data);
    return {
      context,
      host: {
        run: <T>(batch: (c: Excel.RequestContext) => Promise<T>) => batch(context as unknown as Excel.RequestContext),
        isSetSupported: (name: string, v: string) => name === 'ExcelApi' && Number(v) <= Number(version),
      },
    };
  }

  it('selects a cell on its sheet, and says so plainly when the sheet is gone', async () => {
    const selected: string[] = [];
    const sheet = {
      name: 'Commitments',
      activate: () => selected.push('activate'),
      getRange: (cell: string) => ({ select: () => selected.push(`select ${cell}`) }),
    };
    const { host } = mockHost({
      workbook: {
        worksheets: {
          sheet,
          getItemOrNullObject() {
            return this.sheet;
          },
        },
      },
    });
    await new OfficeGateway(host).selectCell('Commitments', 'E7');
    expect(selected).toEqual(['activate', 'select E7']);

    const gone = mockHost({
      workbook: {
        worksheets: {
          sheet: { name: '', isNullObject: true },
          getItemOrNullObject() {
            return this.sheet;
          },
        },
      },
    });
    await expect(new OfficeGateway(gone.host).selectCell('Roles', 'A2')).rejects.toThrow(
      'This workbook has no sheet "Roles" any more, so A2 cannot be shown.',
    );
  });

  it('reports the requirement sets beyond the manifest’s ExcelApi 1.4', async () => {
    expect(await new OfficeGateway(mockHost({}, '1.7').host).capabilities()).toEqual({
      dataValidation: false,
      freezePanes: true,
      conditionalFormats: true,
    });
  });
});
