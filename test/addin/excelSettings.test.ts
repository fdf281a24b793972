/**
 * Where the workbook keeps its base version (addin/excel/settings.ts), against the fake of Excel: in a cell
 * of a very hidden sheet and in the workbook settings, written together. Two people with the same workbook
 * open (co-authoring: one workbook, two copies of the add-in) read the base the other saved, not a copy
 * from when their add-in started; an add-in Excel reloads reads it again from the workbook; a workbook
 * whose settings were lost (Excel for Mac on save and reopen, another manifest id) keeps its base in the
 * cell; a workbook saved by an earlier add-in (settings only) is still read.
 */
import { OfficeGateway } from '../../addin/excel/officeGateway.js';
import { BASE_SHEET, PANE_KEY, SETTINGS_KEY } from '../../addin/excel/settings.js';
import { excelSetupFor } from '../../shared/excelSetup.js';
import { parseWorkbook } from '../../shared/parse.js';
import { FakeExcel, FakeWorkbook } from '../support/fakeExcel.js';
import { LEEDS, testCatalogue } from '../helpers/catalogue.js';

const base = {
  organisationId: LEEDS,
  baseVersion: 5,
  baseDigest: 'sha256:5',
  baseAt: '2026-12-01T10:00:00.000Z',
  baseBy: 'a@leeds.gov.uk',
};

function workbook(): FakeWorkbook {
  const wb = new FakeWorkbook();
  wb.put('Sheet1', 'A1', [['']]);
  return wb;
}

describe('the base version in the workbook', () => {
  it('is saved in a very hidden sheet’s cell, as text, and in the workbook settings, in one request', async () => {
    const excel = new FakeExcel(workbook());
    const gateway = new OfficeGateway(excel);
    await gateway.saveSettings(base);
    expect(excel.last.syncs).toBe(2);
    const sheet = excel.workbook.sheet(BASE_SHEET)!;
    expect(sheet.visibility).toBe('VeryHidden');
    expect(sheet.peek(1, 1)).toMatchObject({ value: JSON.stringify(base), numberFormat: '@' });
    expect(JSON.parse(excel.workbook.settings.get(SETTINGS_KEY)!)).toBe(JSON.stringify(base));
    expect(await gateway.readSettings()).toEqual(base);
    // Saving again overwrites both, and adds no second sheet.
    await gateway.saveSettings({ ...base, baseVersion: 6 });
    expect(excel.workbook.sheets.filter((s) => s.name === BASE_SHEET)).toHaveLength(1);
    expect(await gateway.readSettings()).toEqual({ ...base, baseVersion: 6 });
  });

  it('two people with the same workbook open read the base the other saved; the last save wins', async () => {
    const shared = workbook();
    const anna = new OfficeGateway(new FakeExcel(shared));
    const ben = new OfficeGateway(new FakeExcel(shared));
    await anna.saveSettings({ ...base, baseVersion: 4 });
    expect((await ben.readSettings()).baseVersion).toBe(4);
    await ben.saveSettings({ ...base, baseVersion: 5, baseBy: 'b@leeds.gov.uk' });
    // Anna's add-in, idle or reloaded by Excel, reads the workbook again: Ben's base, not the one it saved.
    expect(await anna.readSettings()).toMatchObject({ baseVersion: 5, baseBy: 'b@leeds.gov.uk' });
  });

  it('two people saving at once into a workbook without the hidden sheet: the later save wins, no error', async () => {
    const shared = workbook();
    const ben = new OfficeGateway(new FakeExcel(shared));
    const excel = new FakeExcel(shared);
    // Ben's add-in adds the hidden sheet just after Anna's looked for it.
    const host = {
      isSetSupported: (name: string, version: string) => excel.isSetSupported(name, version),
      run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) =>
        excel.run(async (context) => {
          const sync = context.sync.bind(context);
          let syncs = 0;
          context.sync = (async () => {
            await sync();
            if (++syncs === 1) await ben.saveSettings({ ...base, baseVersion: 6, baseBy: 'b@leeds.gov.uk' });
          }) as typeof context.sync;
          return batch(context);
        }),
    };
    await new OfficeGateway(host).saveSettings({ ...base, baseVersion: 7 });
    expect(shared.sheets.filter((s) => s.name === BASE_SHEET)).toHaveLength(1);
    expect((await ben.readSettings()).baseVersion).toBe(7);
  });

  it('survives the loss of the workbook settings (Excel for Mac on reopen, another manifest id)', async () => {
    const excel = new FakeExcel(workbook());
    const gateway = new OfficeGateway(excel);
    await gateway.saveSettings(base);
    excel.workbook.settings.clear();
    expect(await new OfficeGateway(new FakeExcel(excel.workbook)).readSettings()).toEqual(base);
  });

  it('reads a workbook saved by an earlier add-in (settings only), and one whose cell holds no settings', async () => {
    const wb = workbook();
    wb.settings.set(SETTINGS_KEY, JSON.stringify(JSON.stringify({ ...base, baseVersion: 3 })));
    const gateway = new OfficeGateway(new FakeExcel(wb));
    expect((await gateway.readSettings()).baseVersion).toBe(3);
    wb.put(BASE_SHEET, 'A1', [["'not settings"]]);
    expect((await gateway.readSettings()).baseVersion).toBe(3);
    await gateway.saveSettings(base);
    expect(await gateway.readSettings()).toEqual(base);
  });

  it('is not a table: set-up, reads and the parser leave the hidden sheet alone', async () => {
    const excel = new FakeExcel(workbook());
    const gateway = new OfficeGateway(excel);
    await gateway.saveSettings(base);
    await gateway.setUp(excelSetupFor(testCatalogue(), LEEDS));
    const tables = await gateway.readTables();
    expect(Object.values(tables).map((t) => t.sheet)).not.toContain(BASE_SHEET);
    const issues = parseWorkbook(tables, testCatalogue()).issues;
    expect(issues.filter((i) => i.code.startsWith('table/'))).toEqual([]);
    expect(await gateway.readSettings()).toEqual(base);
  });
});

describe('what each user’s pane showed, for a pane Excel reloads', () => {
  const anna = 'Anna@leeds.gov.uk';
  const shown = {
    view: 'signoff' as const,
    checked: true,
    conflict: { theirs: 7, base: 5, choices: { 'contacts/x/jobTitle': 'theirs' as const } },
  };

  it('is kept in the workbook settings (ExcelApi 1.4), per user, and read back by the add-in after a reload', async () => {
    const wb = workbook();
    const before = new OfficeGateway(new FakeExcel(wb, '1.4'));
    await before.saveSettings(base);
    await before.savePaneState(anna, shown);
    await before.savePaneState('ben@leeds.gov.uk', { view: 'workbook' });
    // Excel reloads the pane: a new add-in over the same workbook finds each user's state, and no one else's.
    const after = new OfficeGateway(new FakeExcel(wb, '1.4'));
    expect(await after.readPaneState('anna@leeds.gov.uk')).toEqual(shown);
    expect(await after.readPaneState('ben@leeds.gov.uk')).toEqual({ view: 'workbook' });
    expect(await after.readPaneState('carl@leeds.gov.uk')).toEqual({});
    // Not in the base's cell (which co-authors share): that still holds the base alone.
    expect(wb.sheet(BASE_SHEET)!.peek(1, 1)).toMatchObject({ value: JSON.stringify(base) });
    expect(await after.readSettings()).toEqual(base);
    // No token nor any row of data: the tab, whether Check showed, the merge's versions and choices.
    expect(Object.keys(JSON.parse(JSON.parse(wb.settings.get(PANE_KEY)!) as string) as object)).toEqual([
      'anna@leeds.gov.uk',
      'ben@leeds.gov.uk',
    ]);
  });

  it('drops what does not have the right shape, and starts afresh from an unreadable setting', async () => {
    const wb = workbook();
    const gateway = new OfficeGateway(new FakeExcel(wb));
    wb.settings.set(
      PANE_KEY,
      JSON.stringify(
        JSON.stringify({
          [anna.toLowerCase()]: { view: 'elsewhere', checked: 'yes', conflict: { theirs: 'x' }, token: 'secret' },
        }),
      ),
    );
    expect(await gateway.readPaneState(anna)).toEqual({});
    wb.settings.set(PANE_KEY, JSON.stringify('{not json'));
    expect(await gateway.readPaneState(anna)).toEqual({});
    await gateway.savePaneState(anna, { ...shown, token: 'secret' } as typeof shown);
    expect(await gateway.readPaneState(anna)).toEqual(shown);
    expect(wb.settings.get(PANE_KEY)).not.toContain('secret');
  });
});
