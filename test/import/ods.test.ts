/**
 * OpenDocument spreadsheets saved by LibreOffice (converted here, headless, from the project's .xlsx files:
 * the partner template, the demo's workbooks, workbooks with errors) read into the same raw tables as the
 * .xlsx, so the parser gives the same issues at the same cells, the same submission and the same register
 * digest; tables are found by their database ranges, else by their sheets.
 */
import ExcelJS from 'exceljs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readText } from '../../shared/cells.js';
import { parseWorkbook } from '../../shared/parse.js';
import type { Catalogue, ParseResult, RawTables } from '../../shared/types.js';
import { readWorkbook } from '../../server/import/readWorkbook.js';
import { writePartnerTemplate } from '../../server/export/template.js';
import { loadExampleCatalogue } from '../../examples/build-workbooks.js';
import { convertWithLibreOffice, describeWithLibreOffice } from '../helpers/libreOffice.js';
import { DEMO_CATALOGUE, DEMO_PARTNERS, DEMO_WITH_ERRORS, demoWorkbook } from '../helpers/demo.js';
import { runCliIn } from '../helpers/cliRun.js';
import { LEEDS, testCatalogue } from '../helpers/catalogue.js';
import { goodRawTables, setAbout, setCell, xlsxOf } from '../helpers/rawTables.js';
import { unzipFile, zipFile, type ZipPart } from '../helpers/zipFile.js';

let dir: string;
let demo: Catalogue;
/** Each .xlsx the test made or took, with the .ods LibreOffice saved from it. */
const pairs = new Map<string, { xlsx: string; ods: string; organisationId: string; catalogue: () => Catalogue }>();

/** A Leeds workbook with a wrong value of each kind, in sheets without tables (the sheet fallback). */
function invalidTables(): RawTables {
  const tables = goodRawTables(testCatalogue(), LEEDS);
  setCell(tables, 'Contacts', 1, 'Email', 'pat.point at leeds');
  setCell(tables, 'Contacts', 2, 'Contact role', 'Tea maker');
  setCell(tables, 'Commitments', 1, 'Quantity', 'lots');
  setCell(tables, 'Commitments', 1, 'Start', '31/02/2026');
  setCell(tables, 'Commitments', 2, 'End', new Date(Date.UTC(1890, 0, 1)));
  setAbout(tables, 'Funding tier', 'top');
  return tables;
}

/** Cells of every kind a line manager leaves: dates, numbers, booleans, links, formulas, errors, merges. */
function valuesWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Commitments');
  sheet.getRow(1).values = ['Ref', 'Description', 'Quantity', 'Start', 'End', 'Project', 'Notes', 'Owner'];
  sheet.getRow(2).values = [
    'C1',
    { richText: [{ text: 'Analyst ', font: { bold: true } }, { text: 'time' }] },
    0.25,
    new Date(Date.UTC(2025, 3, 1)),
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
    { formula: '2*3', result: 6 },
    '01/04/2025',
    { formula: 'D2+365', result: 46113 },
    null,
    'Line one\nline two',
    true,
  ];
  sheet.getCell('E3').numFmt = 'yyyy-mm-dd';
  sheet.getRow(4).values = [
    'C3',
    { text: 'jo@leeds.gov.uk', hyperlink: 'mailto:jo@leeds.gov.uk' },
    '1,234.5',
    null,
    null,
    null,
    '  spaced  ',
    false,
  ];
  sheet.mergeCells('F2:F4');
  return wb;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'oda-ods-'));
  demo = await loadExampleCatalogue();
  for (const id of DEMO_PARTNERS) {
    pairs.set(id, { xlsx: demoWorkbook(id), ods: '', organisationId: id, catalogue: () => demo });
  }
  const template = path.join(dir, 'template.xlsx');
  await writeFile(template, await writePartnerTemplate(demo, 'northshire-police'));
  pairs.set('template', { xlsx: template, ods: '', organisationId: 'northshire-police', catalogue: () => demo });
  const invalid = path.join(dir, 'invalid-leeds.xlsx');
  await writeFile(invalid, await xlsxOf(invalidTables()));
  pairs.set('invalid', { xlsx: invalid, ods: '', organisationId: LEEDS, catalogue: testCatalogue });
  const values = path.join(dir, 'values.xlsx');
  await valuesWorkbook().xlsx.writeFile(values);
  pairs.set('values', { xlsx: values, ods: '', organisationId: LEEDS, catalogue: testCatalogue });
  const all = [...pairs.values()];
  const converted = await convertWithLibreOffice(
    all.map((p) => p.xlsx),
    'ods',
    dir,
  );
  all.forEach((p, i) => (p.ods = converted[i]!));
}, 240_000);
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function tablesOf(file: string): Promise<RawTables> {
  return readWorkbook(await readFile(file), { fileName: path.basename(file) });
}

function parsed(tables: RawTables, pair: { organisationId: string; catalogue: () => Catalogue }): ParseResult {
  return parseWorkbook(tables, pair.catalogue(), { expectedOrganisationId: pair.organisationId });
}

describeWithLibreOffice('.ods workbooks saved by LibreOffice', () => {
  it('give the raw tables, issues (at the same cells) and submissions of the same .xlsx', async () => {
    const outcomes: Record<string, string> = {};
    for (const [name, pair] of pairs) {
      if (name === 'values') continue; // rich text and formulas are compared as the parser reads them, below
      const fromXlsx = await tablesOf(pair.xlsx);
      const fromOds = await tablesOf(pair.ods);
      expect({ name, tables: fromOds }).toEqual({ name, tables: fromXlsx });
      const xlsxResult = parsed(fromXlsx, pair);
      expect({ name, result: parsed(fromOds, pair) }).toEqual({ name, result: xlsxResult });
      outcomes[name] = xlsxResult.submission ? 'valid' : `${xlsxResult.issues.length} issues`;
    }
    // The comparison covers workbooks that pass and workbooks that fail.
    expect(outcomes[DEMO_WITH_ERRORS]).toBe('3 issues');
    expect(outcomes['northshire-police']).toBe('valid');
    expect(outcomes.template).toMatch(/issues/);
    const invalid = parsed(await tablesOf(pairs.get('invalid')!.ods), pairs.get('invalid')!);
    expect(invalid.issues.map((i) => `${i.sheet}!${i.cell} ${i.code}`)).toEqual(
      expect.arrayContaining([
        'Contacts!C2 cell/format',
        'Contacts!E3 cell/enum',
        'Commitments!D2 cell/type',
        'Commitments!F2 cell/format',
        'Commitments!G3 cell/format',
      ]),
    );
  });

  it('hand the parser what the .xlsx reader does for every kind of cell', async () => {
    const pair = pairs.get('values')!;
    const shown = (tables: RawTables) =>
      tables.Commitments?.values.map((cells) =>
        cells.map((v) => {
          const read = readText(v);
          return read.ok ? read.value : `${read.problem.code}: ${read.problem.message}`;
        }),
      );
    const fromOds = await tablesOf(pair.ods);
    expect(shown(fromOds)).toEqual(shown(await tablesOf(pair.xlsx)));
    expect(shown(fromOds)?.[2]).toEqual([
      'C2',
      'Funding (see link)',
      '6',
      '01/04/2025',
      '2026-04-01',
      'Core programme',
      'Line one\nline two',
      'TRUE',
    ]);
    const [, second, third] = fromOds.Commitments!.values;
    expect(second?.[3]).toEqual(new Date(Date.UTC(2025, 3, 1)));
    expect(third?.[1]).toEqual({ text: 'Funding (see link)', hyperlink: 'https://example.org/budget' });
  });

  it('give the demo partnership the same register digest as its .xlsx workbooks, through the CLI', async () => {
    const digests: string[] = [];
    for (const extension of ['xlsx', 'ods'] as const) {
      const cwd = await mkdtemp(path.join(dir, `cli-${extension}-`));
      const cli = (...args: string[]) => runCliIn(cwd, { DATA_DIR: path.join(cwd, 'data') }, args);
      expect((await cli('init', '--catalogue', DEMO_CATALOGUE)).code).toBe(0);
      const files = DEMO_PARTNERS.map((id) => (extension === 'xlsx' ? pairs.get(id)!.xlsx : pairs.get(id)!.ods));
      const imported = await cli('import', ...files);
      expect(imported.out).toContain('7 workbooks stored, 1 refused.');
      if (extension === 'ods') {
        expect(imported.out).toMatch(/error {3}Commitments!E3: Unit "Licences" does not fit resource type "Data"/);
      }
      expect((await cli('consolidate')).code).toBe(0);
      const out = path.join(cwd, 'register.json');
      expect((await cli('export', '--format', 'json', '--out', out)).code).toBe(0);
      digests.push((JSON.parse(await readFile(out, 'utf8')) as { digest: string }).digest);
    }
    expect(digests[0]).toMatch(/^sha256:/);
    expect(digests[1]).toBe(digests[0]);
  });

  it('find a table by its database range on any sheet, else by its sheet and header row', async () => {
    const ods = await readFile(pairs.get('northshire-police')!.ods);
    const original = await readWorkbook(ods, { fileName: 'police.ods' });
    const parts = unzipFile(ods);
    const edit = (change: (xml: string) => string): Buffer =>
      zipFile(parts.map((p): ZipPart => (p.name === 'content.xml' ? { ...p, data: change(p.data.toString()) } : p)));

    // The Contacts sheet renamed: its database range still names the table.
    const renamed = edit((xml) =>
      xml
        .replace('<table:table table:name="Contacts"', '<table:table table:name="People"')
        .replaceAll('Contacts.', 'People.'),
    );
    const byRange = await readWorkbook(renamed, { fileName: 'renamed.ods' });
    expect(byRange.Contacts).toEqual({ ...original.Contacts, sheet: 'People' });

    // No database ranges at all: every table is found by its sheet's name and header row.
    const bare = edit((xml) => xml.replace(/<table:database-ranges>.*<\/table:database-ranges>/s, ''));
    expect(await readWorkbook(bare, { fileName: 'bare.ods' })).toEqual(original);

    // Both gone: the table is missing, as the parser then reports.
    const neither = edit((xml) =>
      xml
        .replace(/<table:database-ranges>.*<\/table:database-ranges>/s, '')
        .replace('<table:table table:name="Contacts"', '<table:table table:name="People"'),
    );
    expect((await readWorkbook(neither, { fileName: 'neither.ods' })).Contacts).toBeUndefined();
  });
});
