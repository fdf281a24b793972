/**
 * `template --format ods`: the partner workbook as an OpenDocument spreadsheet reads back as the .xlsx
 * template does (same tables, same About), keeps its dropdowns and rules (LibreOffice opens it and, saved as
 * .xlsx, the validations are there), and a workbook LibreOffice saves from it, filled in, imports as the demo's
 * .xlsx does.
 */
import ExcelJS from 'exceljs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseWorkbook } from '../../shared/parse.js';
import { readWorkbook } from '../../server/import/readWorkbook.js';
import { writePartnerTemplate } from '../../server/export/template.js';
import { writePartnerTemplateOds } from '../../server/export/templateOds.js';
import { loadExampleCatalogue } from '../../examples/build-workbooks.js';
import { exampleRows, PARTNERS } from '../../examples/partners/index.js';
import { runCliIn } from '../helpers/cliRun.js';
import { DEMO_CATALOGUE, demoWorkbook } from '../helpers/demo.js';
import { convertWithLibreOffice, describeWithLibreOffice } from '../helpers/libreOffice.js';
import { unzipFile } from '../helpers/zipFile.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'oda-ods-template-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const POLICE = 'northshire-police';

test('the .ods template reads back as the .xlsx template, empty and filled with the demo rows', async () => {
  const catalogue = await loadExampleCatalogue();
  const rows = exampleRows(PARTNERS.find((p) => p.organisationId === POLICE)!);
  for (const given of [{}, rows]) {
    const ods = await writePartnerTemplateOds(catalogue, POLICE, given);
    const xlsx = await writePartnerTemplate(catalogue, POLICE, given);
    expect(await readWorkbook(ods, { fileName: 'police.ods' })).toEqual(
      await readWorkbook(xlsx, { fileName: 'police.xlsx' }),
    );
  }
  // Same rows, same parse: the filled .ods is the demo's submission.
  const filled = await readWorkbook(await writePartnerTemplateOds(catalogue, POLICE, rows));
  const demo = await readWorkbook(await readFile(demoWorkbook(POLICE)));
  expect(parseWorkbook(filled, catalogue, {})).toEqual(parseWorkbook(demo, catalogue, {}));
});

test('template --format ods writes an OpenDocument file (and --out x.ods chooses it)', async () => {
  const cwd = await mkdtemp(path.join(dir, 'cli-'));
  const cli = (...args: string[]) => runCliIn(cwd, { DATA_DIR: path.join(cwd, 'data') }, args);
  expect((await cli('init', '--catalogue', DEMO_CATALOGUE)).code).toBe(0);
  for (const args of [
    ['--format', 'ods', '--out', 'cvs-template'],
    ['--out', 'cvs.ods'],
  ]) {
    const result = await cli('template', '--org', 'northshire-cvs', ...args);
    expect(result.code).toBe(0);
    const bytes = await readFile(path.join(cwd, args[args.length - 1]!));
    expect(bytes.subarray(30, 38).toString('latin1')).toBe('mimetype');
    const content = unzipFile(bytes)
      .find((p) => p.name === 'content.xml')!
      .data.toString();
    expect(content).toContain('table:database-range table:name="Contacts"');
    expect(content).toContain('of:cell-content-is-in-list(');
    expect((await readWorkbook(bytes)).About?.values).toContainEqual(['Organisation ID', 'northshire-cvs']);
  }
  const wrong = await cli('template', '--org', 'northshire-cvs', '--format', 'pdf', '--out', 'x.pdf');
  expect(wrong.code).not.toBe(0);
  expect(wrong.err).toContain('--format must be xlsx or ods, not "pdf".');
});

describeWithLibreOffice('the .ods template in LibreOffice', () => {
  it('keeps its dropdowns and rules, and a copy LibreOffice saves, filled in, imports as the demo .xlsx', async () => {
    const catalogue = await loadExampleCatalogue();
    const rows = exampleRows(PARTNERS.find((p) => p.organisationId === POLICE)!);
    const empty = path.join(dir, 'empty-template.ods');
    await writeFile(empty, await writePartnerTemplateOds(catalogue, POLICE));
    const filledDir = await mkdtemp(path.join(dir, 'filled-'));
    const filled = path.join(filledDir, 'police.ods');
    await writeFile(filled, await writePartnerTemplateOds(catalogue, POLICE, rows));

    // LibreOffice reads the validations: saved as .xlsx, Excel's dropdowns are there.
    const [asXlsx] = await convertWithLibreOffice([empty], 'xlsx', dir);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(asXlsx!);
    const contacts = wb.getWorksheet('Contacts')!;
    const role = (contacts as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
      .dataValidations.model;
    const lists = Object.values(role).filter((v) => v.type === 'list');
    expect(lists.length).toBeGreaterThan(0);
    expect(wb.getWorksheet('Lists')?.state ?? 'hidden').not.toBe('visible');

    // Re-saved by LibreOffice as .ods: the same raw tables and submission as the demo's .xlsx.
    const outDir = await mkdtemp(path.join(dir, 'resaved-'));
    const [resaved] = await convertWithLibreOffice([filled], 'ods', outDir);
    const tables = await readWorkbook(await readFile(resaved!), { fileName: 'police.ods' });
    const demo = await readWorkbook(await readFile(demoWorkbook(POLICE)));
    expect(tables).toEqual(demo);
    expect(parseWorkbook(tables, catalogue, {}).submission?.organisationId).toBe(POLICE);
  });
});
