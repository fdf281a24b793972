import ExcelJS from 'exceljs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LISTS_SHEET, writePartnerTemplate, type PartnerRows } from '../../server/export/template.js';
import { readWorkbook } from '../../server/import/readWorkbook.js';
import { NotFoundError } from '../../server/store/errors.js';
import { ABOUT, listObjectName, TABLES } from '../../shared/contract.js';
import { parseWorkbook } from '../../shared/parse.js';
import type { Catalogue } from '../../shared/types.js';
import { LEEDS, POLICE, testCatalogue, tieredCatalogue } from '../helpers/catalogue.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'oda-template-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes the template to a real file and returns the file's bytes. */
async function templateFile(catalogue: Catalogue, organisationId: string, rows?: PartnerRows): Promise<Buffer> {
  const file = path.join(dir, `${organisationId}-${Math.random().toString(36).slice(2)}.xlsx`);
  await writeFile(file, await writePartnerTemplate(catalogue, organisationId, rows));
  return readFile(file);
}

async function openWithExcelJS(data: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

function tableNames(worksheet: ExcelJS.Worksheet): string[] {
  const tables = (worksheet as unknown as { tables: Record<string, { table: { name: string } }> }).tables;
  return Object.values(tables).map((t) => t.table.name);
}

describe('writePartnerTemplate', () => {
  it('reads back into the five contract tables with their exact headers and About pre-filled from the catalogue', async () => {
    const tables = await readWorkbook(await templateFile(tieredCatalogue(), POLICE), { fileName: 'police.xlsx' });

    expect(Object.keys(tables)).toEqual(TABLES.map((t) => t.name));
    for (const def of TABLES) {
      expect(tables[def.name]?.sheet).toBe(def.name);
      expect(tables[def.name]?.topLeft).toBe('A1');
      expect(tables[def.name]?.values[0]).toEqual(def.columns.map((c) => c.header));
    }
    expect(tables.About?.values.slice(1)).toEqual([
      ['Organisation ID', POLICE],
      ['Organisation name', 'West Yorkshire Police'],
      ['Sector', 'Police'],
      ['Involvement', 'Governance and funding'],
      ['Funding tier', '2'],
      ['MoU signatory', null],
      ['MoU signed on', null],
    ]);
    // The empty row each table needs is blank, so the reader drops it.
    expect(tables.Contacts?.values).toHaveLength(1);
    expect(tables.Roles?.values).toHaveLength(1);
  });

  it('round-trips rows typed as a line manager would through the reader and the parser', async () => {
    const catalogue = testCatalogue();
    const rows: PartnerRows = {
      About: [
        ['MoU signatory', 'Tom Riordan'],
        ['MoU signed on', '2025-05-01'],
        ['Sector', null],
      ],
      Contacts: [
        ['Jo Bloggs', 'Head of BI', 'jo@leeds.gov.uk', '0113 000 0000', 'Point of contact', 'Yes'],
        ['Sam Smith', null, 'sam@leeds.gov.uk', null, 'PMG member'],
      ],
      Commitments: [
        ['C1', 'Analyst time', 'Two analysts', 2, 'FTE', '2025-04-01', new Date(Date.UTC(2026, 2, 31)), null, 'Agreed'],
        ['C2', 'Funding', 'Core funding', '20000', 'GBP per year', '01/04/2025', null, 'Pilots', 'Proposed', 'Yearly'],
      ],
      Roles: [['Analytics projects', 'Accountable', 'Jo Bloggs']],
      Participation: [['PMG', 'Sam Smith', 'Monthly', 'Video call']],
    };
    const data = await templateFile(catalogue, LEEDS, rows);

    const tables = await readWorkbook(data);
    expect(tables.Commitments?.values[1]?.[5]).toEqual(new Date(Date.UTC(2025, 3, 1)));
    expect(tables.About?.values[7]).toEqual(['MoU signed on', new Date(Date.UTC(2025, 4, 1))]);
    expect(tables.About?.values[3]).toEqual(['Sector', 'Local government']);

    const { submission, issues } = parseWorkbook(tables, catalogue, { expectedOrganisationId: LEEDS });
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(submission?.about).toMatchObject({
      organisationId: LEEDS,
      sector: 'local-government',
      signatory: 'Tom Riordan',
      signedOn: '2025-05-01',
    });
    expect(submission?.contacts.map((c) => [c.email, c.contactRole, c.primary])).toEqual([
      ['jo@leeds.gov.uk', 'point-of-contact', true],
      ['sam@leeds.gov.uk', 'pmg-member', false],
    ]);
    expect(submission?.commitments).toMatchObject([
      { ref: 'C1', resourceType: 'analyst-time', quantity: 2, unit: 'fte', start: '2025-04-01', end: '2026-03-31' },
      { ref: 'C2', resourceType: 'funding', quantity: 20000, unit: 'gbp-per-year', start: '2025-04-01', end: null },
    ]);
    expect(submission?.roles).toMatchObject([{ activityId: 'analytics-projects', role: 'accountable' }]);
    expect(submission?.participation).toMatchObject([{ forum: 'PMG', frequency: 'monthly', channel: 'video-call' }]);
  });

  it('has tables, frozen headers, header help, number formats and dropdowns of labels', async () => {
    const workbook = await openWithExcelJS(await templateFile(testCatalogue(), LEEDS));

    expect(workbook.worksheets.map((w) => w.name)).toEqual(TABLES.map((t) => t.name));
    for (const def of TABLES) {
      const ws = sheet(workbook, def.name);
      expect(tableNames(ws)).toEqual([listObjectName(def.name)]);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      def.columns.forEach((col, i) => {
        expect(ws.getColumn(i + 1).width).toBe(col.width);
        expect(ws.getCell(1, i + 1).dataValidation).toMatchObject({ showInputMessage: true, prompt: col.help });
      });
    }

    const contacts = sheet(workbook, 'Contacts');
    expect(contacts.getCell('E2').dataValidation).toMatchObject({
      type: 'list',
      formulae: [
        '"Point of contact,PMG member,MoU signatory,Information governance lead,Analyst,Other,Caldicott Guardian,Senior Information Risk Owner,Data Protection Officer"',
      ],
    });
    expect(contacts.getCell('F300').dataValidation).toMatchObject({ type: 'list', formulae: ['"Yes,No"'] });

    const commitments = sheet(workbook, 'Commitments');
    expect(commitments.getCell('B2').dataValidation?.formulae).toEqual([
      '"Analyst time,Funding,Data,Software or tools,Facilities,Other"',
    ]);
    expect(commitments.getCell('D2').dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThan' });
    expect(commitments.getCell('C2').dataValidation).toMatchObject({ type: 'textLength', formulae: [500] });
    expect(commitments.getCell('F2').numFmt).toBe('yyyy-mm-dd');
    // Text columns are text ("@"): what a line manager types there stays as typed; Quantity stays General.
    for (const cell of ['A2', 'C2', 'H2', 'J2', 'C400']) expect(commitments.getCell(cell).numFmt).toBe('@');
    expect(commitments.getCell('D2').numFmt).toBeUndefined();
    expect(commitments.getCell('I2').dataValidation?.formulae).toEqual(['"Proposed,Agreed,Delivered,Withdrawn"']);

    const roles = sheet(workbook, 'Roles');
    expect(roles.getCell('A2').dataValidation?.formulae).toEqual([
      '"Data sharing agreements,Analytics projects,Information governance review"',
    ]);
    expect(roles.getCell('B2').dataValidation?.formulae).toEqual(['"Responsible,Accountable,Consulted,Informed"']);
    const participation = sheet(workbook, 'Participation');
    expect(participation.getCell('C2').dataValidation?.formulae).toEqual([
      '"Weekly,Fortnightly,Monthly,Quarterly,Annually,As needed"',
    ]);

    const about = sheet(workbook, 'About');
    const valueCell = (field: string) => `B${ABOUT.fields.findIndex((f) => f.header === field) + 2}`;
    expect(about.getCell(valueCell('Sector')).dataValidation?.formulae?.[0]).toContain('Voluntary and community');
    expect(about.getCell(valueCell('Involvement')).dataValidation?.formulae).toEqual([
      '"Governance and funding,Governance,Data provider,Observer"',
    ]);
    expect(about.getCell(valueCell('Funding tier')).dataValidation?.formulae).toEqual(['"1,2,3"']);
    expect(about.getCell(valueCell('MoU signed on')).numFmt).toBe('yyyy-mm-dd');
    expect(about.getCell(valueCell('Funding tier')).numFmt).toBe('@');
  });

  it('puts a long activity list on the hidden Lists sheet and references it', async () => {
    const catalogue = testCatalogue();
    catalogue.activities = Array.from({ length: 40 }, (_, i) => ({
      id: `activity-${i + 1}`,
      name: `Activity ${i + 1}, with a long name`,
    }));
    const workbook = await openWithExcelJS(await templateFile(catalogue, LEEDS));

    const lists = sheet(workbook, LISTS_SHEET);
    expect(lists.state).toBe('hidden');
    expect(lists.getCell('A2').value).toBe('Activity 1, with a long name');
    expect(lists.getCell('A41').value).toBe('Activity 40, with a long name');
    expect(sheet(workbook, 'Roles').getCell('A2').dataValidation).toMatchObject({
      type: 'list',
      formulae: ['Lists!$A$2:$A$41'],
    });
    // Short lists stay inline; without long lists there is no Lists sheet.
    expect(sheet(workbook, 'Roles').getCell('B2').dataValidation?.formulae).toEqual([
      '"Responsible,Accountable,Consulted,Informed"',
    ]);
    const plain = await openWithExcelJS(await templateFile(testCatalogue(), LEEDS));
    expect(plain.getWorksheet(LISTS_SHEET)).toBeUndefined();
  });

  it('refuses an organisation that is not in the catalogue, and rows wider than their table', async () => {
    await expect(writePartnerTemplate(testCatalogue(), 'nowhere-cc')).rejects.toThrow(NotFoundError);
    await expect(writePartnerTemplate(testCatalogue(), 'nowhere-cc')).rejects.toThrow(
      /^Organisation "nowhere-cc" is not in the catalogue of West Yorkshire Office of Data Analytics; use one of: leeds-cc, /,
    );
    await expect(
      writePartnerTemplate(testCatalogue(), LEEDS, { Roles: [['Analytics projects', 'A', 'Jo', 'note', 'extra']] }),
    ).rejects.toThrow('Roles row 1 must be a list of at most 4 values (Activity, Role, Named lead, Notes).');
  });
});
